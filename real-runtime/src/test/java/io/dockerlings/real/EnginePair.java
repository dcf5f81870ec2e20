package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A simulator and a real-engine session side by side, for tests that hold the product's promise:
 * the same command line gives the same output and exit status on both, once ids and times are
 * replaced by placeholders.
 */
final class EnginePair implements AutoCloseable {
  static final EngineLocator LOCATOR = new EngineLocator();

  final DockerSimulator sim = DockerSimulator.create();
  final RealEngine real;

  private EnginePair(RealEngine real) {
    this.real = real;
  }

  /** Opens both, or skips the test when no engine answers. */
  static EnginePair open(Path state) throws EngineUnavailableException {
    Assumptions.assumeTrue(
        LOCATOR.available(),
        "no Docker engine reachable: real-engine tests skipped (start dockerd or set DOCKER_HOST)");
    return new EnginePair(RealEngine.connect(LOCATOR, RealOptions.in(state)));
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

  /** Runs {@code line} on both and asserts equal exit status, stdout and stderr; the real one. */
  CommandResult same(String line) {
    CommandResult s = sim(line);
    CommandResult r = real(line);
    assertEquals(normalize(s.stdout()), normalize(r.stdout()), "stdout of: " + line);
    assertEquals(normalize(s.stderr()), normalize(r.stderr()), "stderr of: " + line);
    assertEquals(s.exitCode(), r.exitCode(), "exit status of: " + line);
    return r;
  }

  /** Replaces what differs from run to run: ids, ages, durations, ephemeral ports. */
  static String normalize(String text) {
    return text.replaceAll("sha256:[0-9a-f]{64}", "<IMAGE>")
        .replaceAll("\\b[0-9a-f]{64}\\b", "<ID>")
        .replaceAll("\\b[0-9a-f]{12}\\b", "<ID>")
        .replaceAll("time=\"[^\"]+\"", "time=<TIME>")
        .replaceAll(
            "(Less than a second|About a minute|About an hour|\\d+ (seconds|minutes|hours))",
            "<TIME>");
  }

  /** Removes what the real session made. */
  @Override
  public void close() {
    real.close();
  }

  /** Where sessions keep their ledgers in these tests. */
  static Path state(Path dir) {
    return dir;
  }
}
