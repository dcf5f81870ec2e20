package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.progress.Progress;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A lesson taken through batch mode, in English and in Chinese, compared with the {@code .expected}
 * file beside each script in {@code src/test/resources/lessons-e2e}.
 */
class LessonsEndToEndTest {
  private static final Path DIR = Path.of("src/test/resources/lessons-e2e");

  private static void check(String name, String lang) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Backend backend =
        new SimulatorBackend(() -> new SimulatorOptions(HostSpec.courseServer(), fixed, 42));
    Course course = Course.of(Course.readDir(DIR.resolve("course")));
    LessonDesk desk =
        new LessonDesk(course, new ShellWorkbench(backend), Optional.empty(), Progress.empty());
    new BatchMode(
            backend,
            false,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Optional.of(desk),
            Messages.forLanguage(lang).orElseThrow())
        .run(new BufferedReader(new StringReader(Files.readString(DIR.resolve(name + ".txt")))));
    StringBuilder actual = new StringBuilder(out.toString(StandardCharsets.UTF_8));
    for (String line : err.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        actual.append("2> ").append(line).append('\n');
      }
    }
    Path expected = DIR.resolve(name + ".expected");
    if (!Files.exists(expected) && Boolean.getBoolean("e2e.record")) {
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual.toString(), name);
  }

  @Test
  void firstLesson_inEnglish() throws IOException {
    check("en", "en");
  }

  @Test
  void firstLesson_inChinese() throws IOException {
    check("zh", "zh-CN");
  }
}
