package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GradebookTest {
  private final Exercise web = GradingFixtures.web();

  private Grade grade(String learner, List<Disagreement> ds, int... earned) {
    List<Check> checks = web.checks();
    List<CheckResult> results =
        IntStream.range(0, checks.size())
            .mapToObj(i -> new CheckResult(checks.get(i), "serve", earned[i], Text.same("why")))
            .toList();
    return new Grade(
        learner,
        learner,
        Optional.empty(),
        Text.same(""),
        results,
        List.of(),
        List.of(),
        List.of(),
        ds.isEmpty() ? "sim" : "real",
        ds);
  }

  @Test
  void csv_disagreements_listedPerCheckInTheirOwnColumn() {
    List<Disagreement> ds =
        List.of(
            new Disagreement("web-running", true, 3, 1, Text.same(""), Text.same("why")),
            new Disagreement("no-privileged", false, 0, 1, Text.same("why"), Text.same("")));
    String csv =
        new Gradebook(web).csv(List.of(grade("ann", ds, 1, 2, 1), grade("bo", List.of(), 3, 2, 1)));
    List<String> rows = csv.lines().toList();
    assertEquals(
        "file,learner,score,max,flag,overridden,web-running,published,no-privileged,disagreements,"
            + "notes",
        rows.get(0));
    assertEquals(
        "ann,ann,4,6,,,1,2,1,web-running engine 1 simulator 3; no-privileged engine 1 simulator 0,",
        rows.get(1));
    assertEquals("bo,bo,6,6,,,3,2,1,,", rows.get(2));
  }
}
