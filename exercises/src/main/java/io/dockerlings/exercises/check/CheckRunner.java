package io.dockerlings.exercises.check;

import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.model.Task;
import io.dockerlings.lessons.goal.Goal;
import io.dockerlings.lessons.goal.Verdict;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.DockerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs an exercise's checks over an engine and the learner's journal, with the lessons' goals: each
 * check earns its points when its goal holds, else the points of its first partial goal that holds,
 * with that partial's reason, else none.
 */
public final class CheckRunner {
  private CheckRunner() {}

  /** Every check of the exercise, in file order. */
  public static List<CheckResult> run(Exercise exercise, DockerEngine engine, Journal journal) {
    return run(exercise, engine, journal, c -> true);
  }

  /** Only the checks the learner may see before submitting. */
  public static List<CheckResult> runVisible(
      Exercise exercise, DockerEngine engine, Journal journal) {
    return run(exercise, engine, journal, Check::visible);
  }

  private static List<CheckResult> run(
      Exercise exercise, DockerEngine engine, Journal journal, Predicate<Check> which) {
    State state = State.of(engine, journal);
    List<CheckResult> out = new ArrayList<>();
    for (Task task : exercise.tasks()) {
      for (Check check : task.checks()) {
        if (which.test(check)) {
          out.add(run(task, check, state));
        }
      }
    }
    return out;
  }

  private static CheckResult run(Task task, Check check, State state) {
    Verdict full = safely(check.goal(), state);
    if (full.passed()) {
      return new CheckResult(check, task.id(), check.points(), Text.same(""));
    }
    for (Check.Partial p : check.partial()) {
      if (safely(p.goal(), state).passed()) {
        return new CheckResult(check, task.id(), p.points(), p.reason());
      }
    }
    return new CheckResult(check, task.id(), 0, full.reason());
  }

  /** A goal that throws fails its check with the reason rather than stopping the grading. */
  private static Verdict safely(Goal goal, State state) {
    try {
      return goal.check(state);
    } catch (RuntimeException e) {
      return Verdict.fail(
          "the check could not be evaluated: " + e.getMessage(), "无法判定这项检查：" + e.getMessage());
    }
  }
}
