package io.dockerlings.exercises.check;

import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.model.Task;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an exercise's checks over an attempt: each check earns its points when its goal holds, else
 * the points of its first partial goal that holds, with that partial's reason, else none.
 */
public final class CheckRunner {
  private final Judge judge;

  public CheckRunner(Judge judge) {
    this.judge = judge;
  }

  /** Every check of the exercise, in file order. */
  public List<CheckResult> run(Exercise exercise, Attempt attempt) {
    List<CheckResult> out = new ArrayList<>();
    for (Task task : exercise.tasks()) {
      for (Check check : task.checks()) {
        out.add(run(task, check, attempt));
      }
    }
    return out;
  }

  /** Only the checks the learner may see before submitting. */
  public List<CheckResult> runVisible(Exercise exercise, Attempt attempt) {
    List<CheckResult> out = new ArrayList<>();
    for (Task task : exercise.tasks()) {
      for (Check check : task.checks()) {
        if (check.visible()) {
          out.add(run(task, check, attempt));
        }
      }
    }
    return out;
  }

  private CheckResult run(Task task, Check check, Attempt attempt) {
    Verdict full = safely(check.goal(), attempt);
    if (full.holds()) {
      return new CheckResult(check, task.id(), check.points(), Text.same(""));
    }
    for (Check.Partial p : check.partial()) {
      if (safely(p.goal(), attempt).holds()) {
        return new CheckResult(check, task.id(), p.points(), p.reason());
      }
    }
    return new CheckResult(check, task.id(), 0, full.why());
  }

  /** A judge that throws fails the check with the reason rather than stopping the grading. */
  private Verdict safely(com.fasterxml.jackson.databind.JsonNode goal, Attempt attempt) {
    try {
      return judge.judge(goal, attempt);
    } catch (RuntimeException e) {
      return Verdict.no(
          new Text(
              "the check could not be evaluated: " + e.getMessage(), "无法判定这项检查：" + e.getMessage()));
    }
  }
}
