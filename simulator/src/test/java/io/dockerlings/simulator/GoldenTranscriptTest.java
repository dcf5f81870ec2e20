package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every transcript under {@code src/test/resources/golden} (recorded on Docker Engine 20.10
 * with {@code tools/golden-capture}) against one fresh simulator per file, and compares stdout,
 * stderr and exit status after normalisation. {@code docker diff} lists in the order of the upper
 * directory on disk, so its lines are compared as a set.
 */
class GoldenTranscriptTest {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  @org.junit.jupiter.api.Test
  void corpus_isNotEmpty() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      org.junit.jupiter.api.Assertions.assertTrue(
          walk.anyMatch(p -> p.toString().endsWith(".golden")));
    }
    org.junit.jupiter.api.Assertions.assertTrue(transcripts().count() > 0);
  }

  @TestFactory
  Stream<DynamicNode> transcripts() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      files = walk.filter(p -> p.toString().endsWith(".golden")).sorted().toList();
    }
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path f : files) {
      GoldenFile golden =
          GoldenFile.parse(
              ROOT.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      nodes.add(DynamicContainer.dynamicContainer(golden.name(), replay(golden)));
    }
    return nodes.stream();
  }

  private static Stream<DynamicNode> replay(GoldenFile golden) {
    DockerSimulator sim =
        DockerSimulator.create(new SimulatorOptions(HostSpec.detect(), Clock.systemUTC(), 7));
    Normalizer norm = new Normalizer(golden.directives().contains("normalize names"));
    List<DynamicNode> tests = new ArrayList<>();
    for (GoldenFile.Block b : golden.blocks()) {
      tests.add(
          DynamicTest.dynamicTest(
              "line " + b.line() + ": " + b.command(),
              () -> {
                assumeTrue(
                    golden.pending().isEmpty(), () -> "pending: " + golden.pending().orElse(""));
                CommandResult r = sim.execute(CommandLineWords.split(b.command()));
                String where = golden.name() + ":" + b.line() + " $ " + b.command();
                boolean unordered = b.command().startsWith("docker diff");
                assertEquals(
                    shape(norm.normalize(b.stdout()), unordered),
                    shape(norm.normalize(terminated(r.stdout())), unordered),
                    where + " (stdout)");
                assertEquals(
                    norm.normalize(b.stderr()),
                    norm.normalize(terminated(r.stderr())),
                    where + " (stderr)");
                assertEquals(b.exitCode(), r.exitCode(), where + " (exit status)");
              }));
    }
    return tests.stream();
  }

  private static String terminated(String s) {
    return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
  }

  private static String shape(String s, boolean unordered) {
    if (!unordered) {
      return s;
    }
    String[] lines = s.split("\n");
    Arrays.sort(lines);
    return String.join("\n", lines);
  }
}
