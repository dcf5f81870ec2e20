package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scripts in {@code src/test/resources/e2e} run through batch mode on a fixed clock, compared with
 * the {@code .expected} file beside each: stdout, then stderr lines marked {@code 2> }.
 */
class EndToEndTest {
  private static final Path DIR = Path.of("src/test/resources/e2e");

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream()
          .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }
  }

  private static void check(Path script) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Backend backend =
        new SimulatorBackend(() -> new SimulatorOptions(HostSpec.courseServer(), fixed, 42));
    new BatchMode(
            backend,
            false,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(new BufferedReader(new StringReader(Files.readString(script))));
    StringBuilder actual = new StringBuilder(out.toString(StandardCharsets.UTF_8));
    for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        actual.append("2> ").append(line).append('\n');
      }
    }
    Path expected = Path.of(script.toString().replaceAll("\\.txt$", ".expected"));
    if (!Files.exists(expected) && Boolean.getBoolean("e2e.record")) {
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual.toString(), script.toString());
  }
}
