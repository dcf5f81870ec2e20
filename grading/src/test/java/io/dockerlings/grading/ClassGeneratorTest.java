package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated class of 40 submissions over three exercises graded in one command. With {@code
 * -Ddockerlings.demo=DIR} the class and its reports are kept in DIR (for looking at them).
 */
class ClassGeneratorTest {
  @TempDir Path temp;

  @Test
  void generatedClass_gradedInOneCommand_flagsEachBadFileAndGivesCorrectOnesFullMarks()
      throws IOException {
    String kept = System.getProperty("dockerlings.demo", "");
    Path dir = kept.isBlank() ? temp : Path.of(kept);
    Path subs = dir.resolve("submissions");
    assertEquals(40, ClassGenerator.generate(subs));
    for (String lang : List.of("en", "zh-CN")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
      Path reports = dir.resolve("reports-" + lang);
      int rc =
          new GradeCommand(ps, ps)
              .run(
                  List.of(
                      String.join(",", ClassGenerator.EXERCISES),
                      subs.toString(),
                      "--out",
                      reports.toString(),
                      "--lang",
                      lang));
      assertEquals(0, rc, out.toString());
      int rows = 0;
      for (String id : ClassGenerator.EXERCISES) {
        String csv = Files.readString(reports.resolve(id).resolve("gradebook.csv"));
        rows += (int) csv.lines().count() - 1;
        for (String flag : List.of("tampered", "truncated", "empty", "garbage", "foreign")) {
          assertEquals(
              1,
              csv.lines().filter(l -> l.contains("," + flag + ",")).count(),
              id + " " + flag + "\n" + csv);
        }
        assertTrue(Files.exists(reports.resolve(id).resolve("summary.html")));
      }
      assertEquals(40, rows);
      assertTrue(Files.readString(reports.resolve("index.html")).contains("oom-cap/summary.html"));
    }
  }
}
