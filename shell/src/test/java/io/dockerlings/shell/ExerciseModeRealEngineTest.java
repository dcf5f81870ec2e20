package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dockerlings.grading.GradeCommand;
import io.dockerlings.real.EngineLocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exercise done in the REPL's real and compare modes on the machine's Docker engine: started on
 * a fresh sandbox, checked there, submitted naming the mode, and graded.
 */
@Tag("real-engine")
class ExerciseModeRealEngineTest {
  @TempDir Path dir;

  @BeforeAll
  static void engineAnswers() {
    assumeTrue(new EngineLocator().available(), "no Docker engine answered: test skipped");
  }

  private static final String SOLUTION =
      "docker network create appnet\n"
          + "docker run -d --name db --network appnet busybox sleep 3600\n"
          + "docker run -d --name app --network appnet busybox sleep 3600\n"
          + "docker exec app ping -c 1 db\n";

  private String grade(Path subs, String backend) {
    ByteArrayOutputStream gout = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(gout, true, StandardCharsets.UTF_8);
    int rc =
        new GradeCommand(ps, ps, Main.gradingEngines(dir.resolve("ledgers")))
            .run(
                List.of(
                    "user-network",
                    subs.toString(),
                    "--backend",
                    backend,
                    "--out",
                    dir.resolve("out-" + backend).toString()));
    assertEquals(0, rc, gout.toString());
    return gout.toString();
  }

  @Test
  void realMode_startWorkCheckSubmit_gradesFullMarks() throws IOException {
    Path subs = Files.createDirectories(dir.resolve("subs"));
    String out;
    try (Modes real = ExerciseModeTest.modes("real", dir)) {
      out =
          ExerciseModeTest.session(
              "exercise start user-network\n"
                  + SOLUTION
                  + "exercise check\n"
                  + "exercise submit "
                  + subs.resolve("ann.jsonl")
                  + "\n",
              "en",
              real,
              dir);
    }
    assertTrue(out.contains("Visible checks: 7 of 7 points."), out);
    String file = Files.readString(subs.resolve("ann.jsonl"));
    assertTrue(file.contains("\"backend\":\"real\""), file.lines().findFirst().orElse(""));
    grade(subs, "sim");
    String csv = Files.readString(dir.resolve("out-sim/gradebook.csv"));
    assertTrue(csv.contains("ann,alice,8,8,"), csv);
    grade(subs, "real");
    String real = Files.readString(dir.resolve("out-real/gradebook.csv"));
    assertTrue(real.contains("ann,alice,8,8,"), real);
    assertTrue(!real.contains("other than recorded"), real);
  }

  @Test
  void compareMode_checkShowsTheEnginesResult() {
    String out;
    try (Modes compare = ExerciseModeTest.modes("compare", dir)) {
      out =
          ExerciseModeTest.session(
              "exercise start user-network\n"
                  + "docker network create appnet\n"
                  + "exercise check\n",
              "en",
              compare,
              dir);
    }
    assertTrue(out.contains("✓"), out);
    assertTrue(out.contains("Visible checks:"), out);
  }

  @Test
  void realMode_privateRegistry_setupMakesAnImageTheLearnerMayDelete() {
    String out;
    try (Modes real = ExerciseModeTest.modes("real", dir)) {
      out =
          ExerciseModeTest.session(
              "exercise start private-registry\n"
                  + "docker images tools/hello --format '{{.Repository}}:{{.Tag}}'\n"
                  + "docker rmi tools/hello:v1\n"
                  + "docker images -q tools/hello\n"
                  + "exercise check\n",
              "en",
              real,
              dir);
    }
    assertTrue(out.contains("tools/hello:v1\n"), out);
    assertTrue(out.contains("Untagged: tools/hello:v1"), out);
    assertTrue(!out.contains("not part of this sandbox"), out);
    assertTrue(out.contains("Visible checks: 0 of 8 points."), out);
  }
}
