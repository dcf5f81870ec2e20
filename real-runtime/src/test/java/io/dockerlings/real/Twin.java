package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * One real-mode session and one simulator, side by side, for tests that type the same command into
 * both: results are compared after ids, times and durations are replaced by placeholders. {@link
 * #close} removes the session and checks that nothing with its label is left.
 */
final class Twin {
  static final EngineLocator LOCATOR = new EngineLocator();

  final RealEngine real;
  final DockerSimulator sim;
  private final Path state;

  private Twin(RealEngine real, Path state) {
    this.real = real;
    this.state = state;
    // Tests type the same real temporary paths into both: the simulated host shows that tree.
    this.sim =
        DockerSimulator.create(
            io.dockerlings.simulator.SimulatorOptions.defaults()
                .withWorkspace(
                    io.dockerlings.simulator.Workspace.inMemory()
                        .withMirror(state.toAbsolutePath().getParent())));
  }

  /** Skips the calling test when no engine answers. */
  static void assumeEngine() {
    Assumptions.assumeTrue(
        LOCATOR.available(),
        "no Docker engine reachable: real-engine tests skipped (start dockerd or set DOCKER_HOST)");
  }

  static Twin open(Path state) throws EngineUnavailableException {
    return new Twin(RealEngine.connect(LOCATOR, RealOptions.in(state)), state);
  }

  CommandResult real(String line) {
    return real.execute(CommandLine.split(line), "");
  }

  CommandResult real(String line, String stdin) {
    return real.execute(CommandLine.split(line), stdin);
  }

  CommandResult sim(String line) {
    return sim.execute(CommandLine.split(line), "");
  }

  /** Runs the line on both engines and asserts the same exit code, stdout and stderr. */
  CommandResult same(String line) {
    CommandResult r = real(line);
    CommandResult s = sim(line);
    assertEquals(s.exitCode(), r.exitCode(), line + "\nreal stderr: " + r.stderr());
    assertEquals(normal(s.stdout()), normal(r.stdout()), line);
    assertEquals(normal(s.stderr()), normal(r.stderr()), line);
    return r;
  }

  /** The text with ids, times and table padding made comparable between two engines. */
  static String normal(String text) {
    return text.replaceAll("(sha256:)?[0-9a-f]{64}", "<ID>")
        .replaceAll("\\b[0-9a-f]{12}\\b", "<SHORT>")
        .replaceAll(
            "(Less than a second|About a minute|About an hour|\\d+ (seconds|minutes|hours)) ago",
            "<AGO>")
        .replaceAll("(?m)[ \\t]{2,}", "  ")
        .replaceAll("(?m) +$", "");
  }

  /** Closes the session and checks that the engine holds nothing of it any more. */
  void close() throws EngineUnavailableException, java.io.IOException {
    String session = real.sessionId();
    real.close();
    EngineApi api = LOCATOR.api();
    String filter = EngineApi.escape("{\"label\":[\"" + Sandbox.SANDBOX + "=" + session + "\"]}");
    for (String path :
        List.of(
            "/containers/json?all=1&filters=" + filter,
            "/images/json?all=1&filters=" + filter,
            "/networks?filters=" + filter)) {
      JsonNode left = api.call("GET", path);
      assertEquals(0, left.size(), "left behind by " + session + ": " + left);
    }
    JsonNode volumes = api.call("GET", "/volumes?filters=" + filter).path("Volumes");
    assertEquals(0, volumes.size(), "left behind by " + session + ": " + volumes);
    try (var files = Files.list(state)) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".ledger")), "a ledger is left");
    }
  }
}
