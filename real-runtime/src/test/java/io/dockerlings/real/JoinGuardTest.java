package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way issue 10 found to reach objects outside the sandbox, tried on the engine against
 * victims made outside it with the docker CLI: each is refused, even with {@code --allow-host}, and
 * the victims are as they were.
 */
@Tag("real-engine")
class JoinGuardTest {
  private static final String VICTIM = "dl-hardening-victim";
  private static final String NET = "dl-hardening-vnet";
  private static final String VOL = "dl-hardening-vvol";

  @BeforeAll
  static void victims() throws Exception {
    Twin.assumeEngine();
    docker("run", "-d", "--name", VICTIM, "-v", VOL + ":/data", "busybox", "sleep", "600");
    docker("network", "create", NET);
  }

  @AfterAll
  static void removeVictims() throws Exception {
    docker("rm", "-f", VICTIM);
    docker("network", "rm", NET);
    docker("volume", "rm", VOL);
  }

  @Test
  void everyJoinOfAnotherUsersObject_isRefused_andTheVictimsAreUntouched(@TempDir Path state)
      throws Exception {
    String victim = docker("inspect", "-f", "{{.Id}}", VICTIM).strip().substring(0, 12);
    String net = docker("network", "inspect", "-f", "{{.Id}}", NET).strip().substring(0, 12);
    RealEngine real = RealEngine.connect(Twin.LOCATOR, RealOptions.in(state).withAllowHost(true));
    try {
      // By id, the victims are reached and refused.
      List<String> byId =
          List.of(
              "docker run --rm --pid container:" + victim + " busybox true",
              "docker run --rm --network container:" + victim + " busybox true",
              "docker run --rm --ipc container:" + victim + " busybox true",
              "docker run --rm --link " + victim + ":a busybox true",
              "docker run --rm --network " + net + " busybox true",
              "docker run --rm --volumes-from " + victim + " busybox true");
      for (String line : byId) {
        CommandResult r = real.execute(CommandLine.split(line), "");
        assertNotEquals(0, r.exitCode(), line);
        assertTrue(r.stderr().contains("is not part of this sandbox"), line + ": " + r.stderr());
      }
      // By name, the session's names are its own: there is no such container or network.
      List<String> byName =
          List.of(
              "docker run --rm --pid container:" + VICTIM + " busybox true",
              "docker run --rm --network container:" + VICTIM + " busybox true",
              "docker run --rm --link " + VICTIM + ":a busybox true",
              "docker run --rm --network " + NET + " busybox true",
              "docker run --rm --volumes-from " + VICTIM + " busybox true",
              "docker volume inspect " + VOL);
      for (String line : byName) {
        CommandResult r = real.execute(CommandLine.split(line), "");
        assertNotEquals(0, r.exitCode(), line);
        assertTrue(
            r.stderr().toLowerCase(java.util.Locale.ROOT).matches("(?s).*(no such|not found).*"),
            line + ": " + r.stderr());
        assertTrue(!r.stderr().contains("dl-" + real.sessionId()), line + ": " + r.stderr());
      }
      // A volume of the victim's name is the session's own, not the victim's.
      List<String> own =
          List.of(
              "docker run --rm -v " + VOL + ":/x busybox touch /x/owned",
              "docker run --rm --mount src=" + VOL + ",dst=/x busybox ls /x/owned",
              "docker volume create " + VOL);
      for (String line : own) {
        CommandResult r = real.execute(CommandLine.split(line), "");
        assertEquals(0, r.exitCode(), line + ": " + r.stderr());
      }
      assertEquals(VOL + "\n", real.execute(CommandLine.split("docker volume ls -q"), "").stdout());
    } finally {
      real.close();
    }
    assertEquals("running\n", docker("inspect", "-f", "{{.State.Status}}", VICTIM));
    assertEquals("", docker("run", "--rm", "-v", VOL + ":/d", "busybox", "ls", "/d"));
    assertEquals(
        "map[]\n", docker("volume", "inspect", "-f", "{{.Labels}}", VOL).replace("<nil>", "map[]"));
  }

  private static String docker(String... args) throws IOException, InterruptedException {
    List<String> argv = new java.util.ArrayList<>(List.of("docker"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
