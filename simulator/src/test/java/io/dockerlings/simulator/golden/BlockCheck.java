package io.dockerlings.simulator.golden;

import io.dockerlings.simulator.CommandResult;
import java.util.List;
import java.util.Optional;

/**
 * Compares what the simulator answered to one golden block, after normalising both sides the same
 * way, and explains every difference (stdout, stderr, exit code) in one message that names the
 * file, the line and the command.
 */
final class BlockCheck {
  private BlockCheck() {}

  /** Empty when the answer matches the block, else the report of what differs. */
  static Optional<String> compare(
      GoldenFile file, GoldenFile.Block block, CommandResult actual, Normalizer normalizer) {
    StringBuilder report = new StringBuilder();
    List<String> expectedOut = normalizer.normalizeLines(block.stdout());
    List<String> actualOut = normalizer.normalizeOutput(actual.stdout());
    if (block.unordered()) {
      expectedOut = expectedOut.stream().sorted().toList();
      actualOut = actualOut.stream().sorted().toList();
    }
    appendStream(report, block.unordered() ? "stdout (sorted)" : "stdout", expectedOut, actualOut);
    appendStream(
        report,
        "stderr",
        normalizer.forStderr().normalizeLines(block.stderr()),
        normalizer.forStderr().normalizeOutput(actual.stderr()));
    if (actual.exitCode() != block.exitCode()) {
      report
          .append("exit code: expected ")
          .append(block.exitCode())
          .append(", got ")
          .append(actual.exitCode())
          .append('\n');
    }
    if (report.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        file.source() + ":" + block.line() + ": $ " + block.commandLine() + "\n" + report);
  }

  private static void appendStream(
      StringBuilder report, String name, List<String> expected, List<String> actual) {
    List<String> diff = LineDiff.diff(expected, actual);
    if (diff.isEmpty()) {
      return;
    }
    report
        .append(name)
        .append(" differs (normalised; '-' real engine, '+' simulator, '|' marks line ends):\n");
    for (String line : diff) {
      report.append("    ").append(line).append("|\n");
    }
  }
}
