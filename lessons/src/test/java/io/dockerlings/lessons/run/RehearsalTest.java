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
}
