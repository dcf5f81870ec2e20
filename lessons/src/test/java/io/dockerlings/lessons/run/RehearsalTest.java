package io.dockerlings.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.model.Fixtures;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.LessonLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RehearsalTest {
  private static Rehearsal.Report rehearse(String file, String yaml) {
    Lesson l = LessonLoader.load(file, yaml).lesson().orElseThrow();
    return Rehearsal.rehearse(l, file, yaml);
  }

  @Test
  void fixtures_solveAndRefuseTheirWrongAttempts() {
    Map<String, String> files = Fixtures.files();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Rehearsal.Report r = rehearse(e.getKey(), e.getValue());
      assertTrue(r.ok(), r.problems().toString());
      assertEquals(r.steps(), r.solved());
      assertEquals(r.wrongs(), r.refused());
    }
  }

  @Test
  void wrongAttemptThatCompletes_isAProblemWithItsLine() {
    String yaml =
        Fixtures.files()
            .get("t0-first-steps.yaml")
            .replace(
                "[docker run --name hi busybox echo hello]",
                "[docker run --name hello busybox true]");
    Rehearsal.Report r = rehearse("t0-first-steps.yaml", yaml);
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertTrue(
        r.problems().get(0).message().contains("wrong attempt 1 of step 'hello' completes it"));
    assertEquals(8, r.problems().get(0).line());
  }

  @Test
  void solutionThatDoesNotSolve_andAcceptedWrongAnswers_areProblems() {
    String base = Fixtures.files().get("t0-first-steps.yaml");
    Rehearsal.Report bad =
        rehearse(
            "t0-first-steps.yaml",
            base.replace("- docker run --name hello busybox echo hi", "- docker ps"));
    assertTrue(
        bad.problems().get(0).message().contains("does not complete step 'hello'"),
        bad.problems().toString());
    Rehearsal.Report predict =
        rehearse("t0-first-steps.yaml", base.replace("wrong-answer: 0", "wrong-answer: 7"));
    assertTrue(
        predict.problems().get(0).message().contains("wrong-answer '7' is accepted"),
        predict.problems().toString());
    Rehearsal.Report quiz =
        rehearse("t0-first-steps.yaml", base.replace("wrong-answer: 1", "wrong-answer: 2"));
    assertTrue(
        quiz.problems().get(0).message().contains("of quiz 'ns-hostname' is accepted"),
        quiz.problems().toString());
    Rehearsal.Report observe =
        rehearse("t0-first-steps.yaml", base.replace("exit: 125", "exit: 0"));
    assertTrue(
        observe.problems().get(0).message().contains("the simulator exits 125"),
        observe.problems().toString());
  }

  @Test
  void knownDifference_mustStillDiffer_andExcusesOnlyThatStep() {
    String base = Fixtures.files().get("t0-first-steps.yaml");
    String explain = "    explain: {en: \"Docker 20.10 refuses less than 6 MB.\"";
    String differs = "    differs: {en: the simulator says 4MB, zh: 模拟器说的是 4MB}\n";
    Rehearsal.Report stale =
        rehearse("t0-first-steps.yaml", base.replace(explain, differs + explain));
    assertEquals(1, stale.problems().size(), stale.problems().toString());
    assertTrue(
        stale.problems().get(0).message().contains("now answers as the engine did"),
        stale.problems().toString());
    String otherLine = base.replace("allowed is 6MB", "allowed is 4MB");
    Rehearsal.Report undeclared = rehearse("t0-first-steps.yaml", otherLine);
    assertTrue(
        undeclared.problems().get(0).message().contains("does not print the recorded line"),
        undeclared.problems().toString());
    Rehearsal.Report declared =
        rehearse("t0-first-steps.yaml", otherLine.replace(explain, differs + explain));
    assertTrue(declared.ok(), declared.problems().toString());
  }

  @Test
  void recordedTolerance_acceptsANearbyNumber_butNotAFarOne() {
    String base = Fixtures.files().get("t0-first-steps.yaml");
    String near =
        base.replace("allowed is 6MB", "allowed is 7MB")
            .replace("exit: 125", "exit: 125\n      tolerance: 1");
    assertTrue(rehearse("t0-first-steps.yaml", near).ok());
    String far =
        base.replace("allowed is 6MB", "allowed is 9MB")
            .replace("exit: 125", "exit: 125\n      tolerance: 1");
    assertTrue(
        rehearse("t0-first-steps.yaml", far).problems().get(0).message().contains("(within 1)"));
  }
}
