package io.dockerlings.simulator.golden;

import io.dockerlings.simulator.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns golden files into JUnit dynamic tests: one container per file, one test per command, all
 * commands of a file replayed in order against one fresh engine. A file marked {@code #! pending}
 * becomes a single aborted (skipped) test carrying its reason.
 */
final class GoldenRunner {
  private GoldenRunner() {}

  /** Something that answers docker commands as the simulator does. */
  @FunctionalInterface
  interface Target {
    CommandResult execute(List<String> argv, String stdin);
  }

  /** Tests for every {@code *.golden} below the classpath folder {@code folder}, sorted by path. */
  static Stream<DynamicNode> fromClasspath(String folder, Supplier<Target> freshEngine) {
    URL url = GoldenRunner.class.getResource("/" + folder);
    if (url == null) {
      throw new IllegalStateException("no golden folder on the classpath: " + folder);
    }
    Path root;
    try {
      root = Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path path : goldenFiles(root)) {
      String source = folder + "/" + root.relativize(path).toString().replace('\\', '/');
      nodes.add(forFile(source, read(path), freshEngine));
    }
    return nodes.stream();
  }

  /**
   * The tests of one golden file, whose text is {@code text}. Tests carry no source URI: Maven
   * Surefire drops tests with a file source when {@code -Dtest=} selects a class, so the file and
   * line are in the names and failure messages instead.
   */
  static DynamicNode forFile(String source, String text, Supplier<Target> freshEngine) {
    GoldenFile file;
    try {
      file = GoldenFile.parse(source, text);
    } catch (GoldenFormatException e) {
      return DynamicTest.dynamicTest(
          source + ": malformed golden", () -> Assertions.fail(e.getMessage(), e));
    }
    Optional<String> pending = file.pendingReason();
    if (pending.isPresent()) {
      return DynamicContainer.dynamicContainer(
          source,
          Stream.of(
              DynamicTest.dynamicTest(
                  "pending: " + pending.get(),
                  () -> Assumptions.abort("pending: " + pending.get()))));
    }
    Normalizer normalizer = Normalizer.forFile(file);
    EngineHolder engine = new EngineHolder(freshEngine);
    List<DynamicTest> tests = new ArrayList<>();
    for (GoldenFile.Block block : file.blocks()) {
      tests.add(
          DynamicTest.dynamicTest(
              testName(block),
              () -> {
                CommandResult actual = engine.get().execute(block.argv(), "");
                Optional<String> failure = BlockCheck.compare(file, block, actual, normalizer);
                if (failure.isPresent()) {
                  Assertions.fail(failure.get());
                }
              }));
    }
    return DynamicContainer.dynamicContainer(source, tests.stream());
  }

  private static String testName(GoldenFile.Block block) {
    String command = block.commandLine();
    if (command.length() > 100) {
      command = command.substring(0, 97) + "...";
    }
    return "L" + block.line() + " $ " + command;
  }

  private static List<Path> goldenFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".golden")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the file's engine when its first command runs, so a broken engine fails tests. */
  private static final class EngineHolder {
    private final Supplier<Target> factory;
    private Target engine;

    EngineHolder(Supplier<Target> factory) {
      this.factory = factory;
    }

    Target get() {
      if (engine == null) {
        engine = factory.get();
      }
      return engine;
    }
  }
}
