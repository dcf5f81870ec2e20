package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.RawTerminal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's terminal lent to a process on the engine: keys in raw, bytes out as they come. */
@Tag("real-engine")
class RealTerminalTest {
  @TempDir Path state;
  private EnginePair both;

  @BeforeEach
  void open() throws Exception {
    both = EnginePair.open(state);
  }

  @AfterEach
  void close() {
    both.close();
  }

  /** Reads the terminal until {@code marker} shows (or the stream ends); returns all it read. */
  private static String until(InputStream in, String marker) throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] b = new byte[1024];
    int n;
    while (!seen.toString(StandardCharsets.UTF_8).contains(marker) && (n = in.read(b)) > 0) {
      seen.write(b, 0, n);
    }
    return seen.toString(StandardCharsets.UTF_8);
  }

  private static void type(RawTerminal t, String keys) throws Exception {
    t.send(keys.getBytes(StandardCharsets.UTF_8));
  }

  private RawTerminal terminal(String line) {
    CommandResult r = both.real(line);
    assertEquals(0, r.exitCode(), r.stderr());
    return r.session().orElseThrow().raw().orElseThrow();
  }

  @Test
  void runIt_givesAShell_whoseCtrlCAndExitStatusAreTheEngines() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          RawTerminal t = terminal("docker run -it --rm --name dl-rt-sh busybox sh");
          InputStream screen = t.output();
          t.resize(100, 30);
          until(screen, "# ");
          type(t, "stty size\r");
          assertTrue(until(screen, "30 100").contains("30 100"));
          type(t, "sleep 100\r");
          until(screen, "sleep 100");
          while (!both.real("docker top dl-rt-sh").stdout().contains("sleep 100")) {
            // Ctrl-C reaches sleep only once the shell has started it.
            Thread.sleep(50);
          }
          type(t, "\u0003");
          type(t, "echo status=$?\r");
          assertTrue(until(screen, "status=130").contains("status=130"));
          type(t, "exit 3\r");
          until(screen, "\u0000never");
          assertEquals(3, t.end().exitCode());
          assertEquals("", both.real("docker ps -aq --filter name=dl-rt-sh").stdout(), "--rm");
        });
  }

  @Test
  void execIt_andAttach_detachWithTheEnginesKeys_leavingTheContainerRunning() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          both.real("docker run -dit --name dl-rt-box busybox sh");
          RawTerminal exec = terminal("docker exec -it dl-rt-box sh");
          InputStream screen = exec.output();
          until(screen, "# ");
          type(exec, "echo in-exec\r");
          assertTrue(until(screen, "in-exec\r\n").contains("in-exec\r\n"));
          type(exec, "exit 4\r");
          until(screen, "\u0000never");
          assertEquals(4, exec.end().exitCode());

          RawTerminal attach = terminal("docker attach dl-rt-box");
          InputStream main = attach.output();
          type(attach, "echo in-main\r");
          assertTrue(until(main, "in-main\r\n").contains("in-main\r\n"));
          type(attach, "\u0010\u0011");
          until(main, "\u0000never");
          CommandResult end = attach.end();
          assertEquals(1, end.exitCode());
          assertEquals("read escape sequence\n", end.stderr());
          assertEquals(
              "running\n", both.real("docker inspect -f '{{.State.Status}}' dl-rt-box").stdout());
        });
  }
}
