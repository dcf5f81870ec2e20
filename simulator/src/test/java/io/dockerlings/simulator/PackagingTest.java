package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save/load and export/import through real files, read back by the system's tar too. */
class PackagingTest {
  @TempDir Path dir;

  private DockerSimulator sim;

  @org.junit.jupiter.api.BeforeEach
  void start() {
    sim =
        DockerSimulator.create(
            new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 6)
                .withWorkspace(Workspace.at(dir)));
  }

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void saveThenLoad_bringsBackTagsLayersAndHistory() throws Exception {
    String before = docker("history -q busybox").stdout();
    Path tar = dir.resolve("bb.tar");
    assertEquals(0, docker("save -o bb.tar busybox").exitCode());
    assertTrue(Files.size(tar) > 1_900_000, "the busybox binary is in the archive");
    docker("rmi busybox");
    assertEquals("Loaded image: busybox:latest\n", docker("load -i /root/bb.tar").stdout());
    assertEquals(
        before.lines().findFirst(), docker("history -q busybox").stdout().lines().findFirst());
    assertEquals("hi\n", docker("run --rm busybox echo hi").stdout());
  }

  @Test
  void exportThenImport_givesOneLayerWithoutACommand() throws Exception {
    docker("run --name ct busybox sh -c 'echo data > /kept'");
    Path tar = dir.resolve("c.tar");
    assertEquals(0, docker("export -o c.tar ct").exitCode());
    assertTrue(docker("import c.tar flat:v1").stdout().startsWith("sha256:"));
    assertEquals(125, docker("run --rm flat:v1").exitCode());
    docker("import -c 'CMD [\"cat\", \"/kept\"]' c.tar flat:v2");
    assertEquals("data\n", docker("run --rm flat:v2").stdout());
    assertEquals(1, docker("history -q flat:v2").stdout().lines().count());
  }

  @Test
  void saveWithoutOutput_refusesTheTerminal() {
    CommandResult r = docker("save busybox");
    assertEquals(1, r.exitCode());
    assertEquals(
        "cowardly refusing to save to a terminal. Use the -o flag or redirect\n", r.stderr());
  }
}
