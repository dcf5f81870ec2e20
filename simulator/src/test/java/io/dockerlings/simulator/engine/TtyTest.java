package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The terminal's {@code onlcr} on every captured path, as {@code od -c} showed it on Docker
 * 20.10.24: {@code run -t}, {@code logs} of a {@code -t} container, {@code exec -t}, {@code
 * attach}.
 */
class TtyTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 4));

  private String out(String line) {
    return sim.executeWithoutTerminal(CommandLine.split(line), "").stdout();
  }

  @Test
  void onlcr_turnsEachNewlineIntoCarriageReturnNewline_evenAfterACarriageReturn() {
    assertEquals("hi\r\n", Tty.onlcr("hi\n"));
    assertEquals("x\r\r\ny\r\n", Tty.onlcr("x\r\ny\n"));
    assertEquals("no newline", Tty.onlcr("no newline"));
  }

  @Test
  void runT_logsOfATtyContainer_andExecT_endLinesAsTheEngineDoes() {
    assertEquals("hi\r\n", out("docker run --rm -t busybox echo hi"));
    assertEquals(
        "a\r\nb\r\nx\r\r\ny\r\n",
        out("docker run --name tt -t busybox sh -c 'echo a; echo b >&2; printf \"x\\r\\ny\\n\"'"));
    assertEquals("a\r\nb\r\nx\r\r\ny\r\n", out("docker logs tt"));
    out("docker run -d --name bg busybox sleep 100");
    assertEquals("hi\r\n", out("docker exec -t bg echo hi"));
  }

  @Test
  void withoutT_linesEndInANewlineOnly() {
    assertEquals("hi\n", out("docker run --rm busybox echo hi"));
    out("docker run -d --name bg busybox sleep 100");
    assertEquals("hi\n", out("docker exec bg echo hi"));
  }
}
