package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What docker 20.10.24 printed for these inputs was captured on the engine (2026-12-05). */
class PackagingCommandsTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  private String images() {
    return docker("images -a -q --no-trunc").stdout();
  }

  @Test
  void load_fileOfZeros_findsNoRepositoriesFile() {
    sim.host("head -c 10240 /dev/zero > /tmp/z");
    String before = images();
    CommandResult r = docker("load -i /tmp/z");
    assertEquals(1, r.exitCode());
    assertTrue(
        r.stderr()
            .matches(
                "open /var/lib/docker/tmp/docker-import-\\d+/repositories: no such file or"
                    + " directory\n"),
        r.stderr());
    assertEquals(before, images());
  }

  @Test
  void load_randomBytes_isAnInvalidTarHeader() {
    sim.host("head -c 512 /dev/urandom > /tmp/r");
    CommandResult r = docker("load -i /tmp/r");
    assertEquals(1, r.exitCode());
    assertEquals(
        "Error processing tar file(exit status 1): archive/tar: invalid tar header\n", r.stderr());
  }

  @Test
  void import_randomBytes_isRefusedByTheDaemon() {
    sim.host("head -c 512 /dev/urandom > /tmp/r");
    String before = images();
    CommandResult r = docker("import /tmp/r x:1");
    assertEquals(1, r.exitCode());
    assertEquals(
        "Error response from daemon: Error processing tar file(exit status 1): archive/tar:"
            + " invalid tar header\n",
        r.stderr());
    assertEquals(before, images());
  }

  @Test
  void import_fileOfZeros_makesAnEmptyImage() {
    sim.host("head -c 10240 /dev/zero > /tmp/z");
    CommandResult r = docker("import /tmp/z zeros:1");
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("0B\n", docker("images zeros:1 --format {{.Size}}").stdout());
  }

  @Test
  void loadAndImport_ofAnEndlessDevice_stopAtOnceAndChangeNothing() {
    String before = images();
    for (String line :
        List.of("load -i /dev/zero", "import /dev/zero", "import /dev/urandom x:1")) {
      CommandResult r = docker(line);
      assertEquals(130, r.exitCode(), line);
      assertTrue(r.stderr().contains("never ends"), r.stderr());
    }
    CommandResult redirected = sim.host("docker load < /dev/zero");
    assertEquals(130, redirected.exitCode());
    assertTrue(redirected.stderr().contains("/dev/zero never ends"), redirected.stderr());
    assertEquals(before, images());
  }
}
