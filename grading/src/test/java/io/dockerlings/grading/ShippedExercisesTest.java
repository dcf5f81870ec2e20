package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.check.CheckRunner;
import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.model.WrongAttempt;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped exercise, replayed as grading replays: the reference solution scores full marks,
 * every wrong attempt scores less, and every check fails in at least one wrong attempt (a check
 * that cannot fail is a defect).
 */
class ShippedExercisesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static List<CheckResult> grade(Exercise e, List<String> lines) {
    Replay.Result r = Replay.lines(e, lines, T0);
    return CheckRunner.run(e, r.engine(), r.journal());
  }

  private static String explain(List<CheckResult> results) {
    StringBuilder b = new StringBuilder();
    for (CheckResult r : results) {
      b.append("\n  ")
          .append(r.check().id())
          .append(' ')
          .append(r.earned())
          .append('/')
          .append(r.check().points())
          .append(' ')
          .append(r.explanation().en());
    }
    return b.toString();
  }

  @Test
  void catalog_shipsAtLeastTwelveExercisesAcrossModules() {
    List<Exercise> all = Catalog.shipped().all();
    assertTrue(all.size() >= 12, "shipped: " + all.size());
    assertTrue(all.stream().map(Exercise::module).distinct().count() >= 7);
  }

  @TestFactory
  Stream<DynamicTest> eachExercise_referenceFull_wrongLess_everyCheckCanFail() {
    return Catalog.shipped().all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.id(),
                    () -> {
                      List<CheckResult> ref = grade(e, e.solution());
                      int got = ref.stream().mapToInt(CheckResult::earned).sum();
                      assertEquals(e.maxPoints(), got, e.id() + " reference:" + explain(ref));
                      Set<String> failedSomewhere = new HashSet<>();
                      for (WrongAttempt w : e.wrong()) {
                        List<CheckResult> r = grade(e, w.commands());
                        int score = r.stream().mapToInt(CheckResult::earned).sum();
                        assertTrue(
                            score < e.maxPoints(),
                            e.id() + " wrong '" + w.name() + "' got full marks:" + explain(r));
                        r.stream()
                            .filter(x -> !x.passed())
                            .forEach(x -> failedSomewhere.add(x.check().id()));
                      }
                      for (Check c : e.checks()) {
                        assertTrue(
                            failedSomewhere.contains(c.id()),
                            e.id() + ": no wrong attempt fails check " + c.id());
                      }
                    }));
  }
}
