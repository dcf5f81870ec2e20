package io.dockerlings.simulator.golden;

import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

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

  @TestFactory
  Stream<DynamicNode> goldenTranscripts() {
    // golden-capture runs each command with stdin from /dev/null, which is no terminal.
    return GoldenRunner.fromClasspath(
        "golden", () -> DockerSimulator.create(OPTIONS)::executeWithoutTerminal);
  }
}
