package io.dockerlings.simulator.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockCheckTest {
  private static final GoldenFile FILE =
      GoldenFile.parse(
          "containers/x.golden",
          """
          # header
          $ docker run -d --name dl-x busybox sleep 1000
          0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          ? 0
          $ docker rm dl-x
          2> Error response from daemon: You cannot remove a running container
          ? 1
          """);
  private static final Normalizer NORMALIZER = Normalizer.forFile(FILE);

  @Test
  void compare_sameAnswerWithOtherId_matches() {
    CommandResult actual =
        CommandResult.of(
            0, "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210\n", "");
    assertEquals(
        Optional.empty(), BlockCheck.compare(FILE, FILE.blocks().get(0), actual, NORMALIZER));
  }

  @Test
  void compare_otherStderrAndExitCode_reportsFileLineCommandAndDiff() {
    CommandResult actual = CommandResult.of(0, "", "Error: No such container: dl-x\n");
    String report =
        BlockCheck.compare(FILE, FILE.blocks().get(1), actual, NORMALIZER).orElseThrow();
    assertEquals(
        """
        containers/x.golden:5: $ docker rm dl-x
        stderr differs (normalised; '-' real engine, '+' simulator, '|' marks line ends):
            - Error response from daemon: You cannot remove a running container|
            + Error: No such container: dl-x|
        exit code: expected 1, got 0
        """,
        report);
  }

  @Test
  void compare_outputOnTheWrongStream_isADifference() {
    CommandResult actual =
        CommandResult.of(
            1, "Error response from daemon: You cannot remove a running container\n", "");
    String report =
        BlockCheck.compare(FILE, FILE.blocks().get(1), actual, NORMALIZER).orElseThrow();
    assertTrue(report.contains("stdout differs"), report);
    assertTrue(report.contains("stderr differs"), report);
  }

  @Test
  void compare_trailingSpaces_areADifference() {
    CommandResult actual =
        CommandResult.of(
            1, "", "Error response from daemon: You cannot remove a running container \n");
    assertTrue(BlockCheck.compare(FILE, FILE.blocks().get(1), actual, NORMALIZER).isPresent());
  }

  @Test
  void compare_unorderedBlock_ignoresLineOrderButNotContent() {
    GoldenFile file =
        GoldenFile.parse(
            "d.golden", "#! unordered\n$ docker diff x\nC /bin\nD /bin/vi\nC /tmp\n? 0\n");
    Normalizer normalizer = Normalizer.forFile(file);
    GoldenFile.Block block = file.blocks().get(0);
    assertEquals(
        Optional.empty(),
        BlockCheck.compare(
            file, block, CommandResult.of(0, "C /tmp\nC /bin\nD /bin/vi\n", ""), normalizer));
    String report =
        BlockCheck.compare(file, block, CommandResult.of(0, "C /tmp\nC /bin\n", ""), normalizer)
            .orElseThrow();
    assertTrue(report.contains("stdout (sorted) differs"), report);
    assertTrue(report.contains("- D /bin/vi|"), report);
  }

  @Test
  void compare_sizesOnStderr_mustMatchExactly() {
    GoldenFile file =
        GoldenFile.parse(
            "m.golden",
            "$ docker run -m 2m busybox\n2> docker: Error response from daemon: Minimum memory limit"
                + " allowed is 6MB.\n? 125\n");
    CommandResult actual =
        CommandResult.of(
            125, "", "docker: Error response from daemon: Minimum memory limit allowed is 4MB.\n");
    assertTrue(
        BlockCheck.compare(file, file.blocks().get(0), actual, Normalizer.forFile(file))
            .isPresent());
  }
}
