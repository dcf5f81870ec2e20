package io.dockerlings.simulator.golden;

import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import io.dockerlings.simulator.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every golden transcript against a fresh simulator, one dynamic test per command. Tagged
 * so that a build can leave the corpus out ({@code -DexcludedGroups=benchmark,golden}) while the
 * engine catches up; a single file is skipped with {@code #! pending <reason>}.
 */
@Tag("golden")
class GoldenTranscriptTest {
  /** The machine the goldens were captured on, as its real engine's {@code docker info} says. */
  private static final HostSpec CAPTURE_HOST =
      new HostSpec(2, 25_276_502_016L, "6.18.44-fc-v669", "Debian GNU/Linux 12 (bookworm)", "vm");

  private static final SimulatorOptions OPTIONS =
      new SimulatorOptions(
          CAPTURE_HOST, Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC), 1L);

  /** The learner's workspace: a copy of the build contexts, where the goldens name them. */
  @TempDir static Path workspace;

  @TestFactory
  Stream<DynamicNode> goldenTranscripts() throws IOException {
    Path contexts = Path.of("src/test/resources/contexts");
    Path copy = workspace.resolve("src/test/resources/contexts");
    try (Stream<Path> all = Files.walk(contexts)) {
      for (Path p : all.toList()) {
        Path to = copy.resolve(contexts.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    SimulatorOptions options = OPTIONS.withWorkspace(Workspace.at(workspace));
    // golden-capture runs each command with stdin from /dev/null, which is no terminal.
    return GoldenRunner.fromClasspath(
        "golden", () -> DockerSimulator.create(options)::executeWithoutTerminal);
  }
}
