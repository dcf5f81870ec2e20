package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.SimulatorOptions;
import io.dockerlings.simulator.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host lines that pipe or redirect into docker commands, in real mode on the engine. */
@Tag("real-engine")
class ModesRealEngineTest {
  @TempDir Path dir;
  private Modes modes;
  private SimulatorBackend sim;

  @BeforeEach
  void open() throws Exception {
    Assumptions.assumeTrue(
        new EngineLocator().available(), "no Docker engine answered: test skipped");
    Path ws = Files.createDirectories(dir.resolve("workspace"));
    sim = new SimulatorBackend(() -> SimulatorOptions.defaults().withWorkspace(Workspace.at(ws)));
    RealBackend real =
        new RealBackend(
            new EngineLocator(),
            () -> RealOptions.in(dir.resolve("real")).withPaths(new WorkspacePaths(sim, ws)));
    modes = new Modes(sim, real, sim, "real");
  }

  @AfterEach
  void close() {
    if (modes != null) {
      modes.close();
    }
  }

  @Test
  void aDockerfilePipedIntoBuildDash_buildsOnTheEngine() {
    CommandResult built =
        modes.host(
            "printf 'FROM busybox\\nRUN echo built > /b.txt\\n' | docker build -t s3h-piped -");
    assertEquals(0, built.exitCode(), built.stderr());
    assertTrue(built.stdout().contains("Successfully tagged s3h-piped:latest"), built.stdout());
    CommandResult ran =
        modes.execute(java.util.List.of("docker", "run", "--rm", "s3h-piped", "cat", "/b.txt"), "");
    assertEquals("built\n", ran.stdout());
  }

  @Test
  void aTarCatIntoLoad_andAFileIntoExecI_andDockerIntoGrep_runOnTheEngine() {
    assertEquals(0, modes.host("docker save busybox > bb.tar").exitCode());
    CommandResult loaded = modes.host("cat bb.tar | docker load");
    assertEquals("Loaded image: busybox:latest\n", loaded.stdout(), loaded.stderr());
    modes.execute(
        java.util.List.of("docker", "run", "-d", "--name", "s3h-pipe-c", "busybox", "sleep", "60"),
        "");
    sim.host("echo hello > in.txt");
    CommandResult upper = modes.host("docker exec -i s3h-pipe-c tr a-z A-Z < in.txt");
    assertEquals("HELLO\n", upper.stdout(), upper.stderr());
    CommandResult grepped = modes.host("docker ps --format '{{.Names}}' | grep -c s3h-pipe-c");
    assertEquals("1\n", grepped.stdout(), grepped.stderr());
    assertEquals(0, modes.host("docker export s3h-pipe-c > c.tar").exitCode());
    CommandResult imported = modes.host("docker import - s3h-imp < c.tar");
    assertEquals(0, imported.exitCode(), imported.stderr());
    assertTrue(imported.stdout().startsWith("sha256:"), imported.stdout());
    CommandResult piped = modes.host("docker export s3h-pipe-c | docker import - s3h-imp2");
    assertEquals(0, piped.exitCode(), piped.stderr());
    assertTrue(piped.stdout().startsWith("sha256:"), piped.stdout());
    imported = modes.host("docker import - s3h-imp3 < c.tar");
    assertEquals(0, imported.exitCode(), imported.stderr());
    assertTrue(imported.stdout().startsWith("sha256:"), imported.stdout());
  }

  @Test
  void aTerminalInAPipe_isRefusedAsTheCliRefusesIt() {
    CommandResult r = modes.host("echo exit | docker run -it --rm busybox sh");
    assertEquals("the input device is not a TTY\n", r.stderr());
    assertEquals(1, r.exitCode());
  }

  @Test
  void aDockerLineTypedAlone_setsTheHostsStatus_inRealAndCompareMode() throws Exception {
    String script =
        "docker inspect --format '{{.Id}}' s5sf-nosuch\n"
            + "echo $?\n"
            + "docker run --rm busybox sh -c 'exit 3'\n"
            + "echo \"status $?\"\n"
            + "docker run --rm busybox true\n"
            + "echo \"status $?\"\n";
    assertEquals(List.of("1", "status 3", "status 0"), hostLines(modes, script));
    Messages en = Messages.forLanguage("en").orElseThrow();
    Backend real = modes.engine();
    // The same engines, so closing the first Modes after the test releases them.
    Modes compare = new Modes(sim, real, new CompareBackend(sim, real, en), "compare");
    assertEquals(List.of("1", "status 3", "status 0"), hostLines(compare, script));
  }

  /** What the script's {@code echo} lines printed, in batch mode on {@code backend}. */
  private static List<String> hostLines(Backend backend, String script) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream ps =
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
    new BatchMode(backend, false, ps, ps)
        .run(new java.io.BufferedReader(new java.io.StringReader(script)));
    return out.toString(java.nio.charset.StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.matches("1|status \\d+"))
        .toList();
  }
}
