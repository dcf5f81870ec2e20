package io.dockerlings.lessons.run;

import io.dockerlings.lessons.measure.Value;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.Needs;
import io.dockerlings.lessons.model.RecordedMatch;
import io.dockerlings.lessons.model.Step;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a lesson's solutions on any workbench (a real engine included) and records, step by step,
 * whether the step completed, or why it was skipped: a step whose needs the engine does not meet is
 * skipped with its reason, never silently. Wrong attempts are the {@link Rehearsal}'s job.
 */
public final class Replay {
  /** What became of one step. */
  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }

  /**
   * One step's result.
   *
   * @param step the step's id
   * @param kind do, predict, quiz or observe
   * @param outcome passed, failed or skipped
   * @param detail why it failed or was skipped (English); for a passed observe step, how a sampled
   *     answer differed from its recording; else empty
   */
  public record StepResult(String step, String kind, Outcome outcome, String detail) {}

  /**
   * A lesson's replay.
   *
   * @param lesson the lesson's id
   * @param steps one result per step, in order
   */
  public record Report(String lesson, List<StepResult> steps) {
    public Report {
      steps = List.copyOf(steps);
    }

    /** How many steps had {@code outcome}. */
    public long count(Outcome outcome) {
      return steps.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** How many steps of {@code kind} had {@code outcome}. */
    public long count(String kind, Outcome outcome) {
      return steps.stream().filter(s -> s.kind().equals(kind) && s.outcome() == outcome).count();
    }

    /** The failed steps, one line each. */
    public List<String> failures() {
      return steps.stream()
          .filter(s -> s.outcome() == Outcome.FAILED)
          .map(s -> lesson + "/" + s.step() + ": " + s.detail())
          .toList();
    }
  }

  private Replay() {}

  /**
   * Why the workbench's engine cannot run something that needs {@code needs}, or empty when it can.
   * The simulator runs everything; a real engine lacks the simulator-only steps and the images it
   * does not hold.
   */
  public static Optional<Text> unmet(Needs needs, Workbench bench) {
    if (!bench.hasRealEngine() || needs.isEmpty()) {
      return Optional.empty();
    }
    if (needs.simulatorOnly().isPresent()) {
      Text why = needs.simulatorOnly().get();
      return Optional.of(Says.text("needs.simulator", why.en(), why.zh()));
    }
    return needs.images().stream()
        .filter(i -> !bench.hasImage(i))
        .findFirst()
        .map(i -> Says.text("needs.image", i));
  }

  /** Replays every step's solution of {@code lesson} on {@code bench}. */
  public static Report replay(Lesson lesson, Workbench bench) {
    List<StepResult> out = new ArrayList<>();
    Optional<Text> whole = unmet(lesson.needs(), bench);
    if (whole.isPresent()) {
      for (Step s : lesson.steps()) {
        out.add(new StepResult(s.id(), kind(s), Outcome.SKIPPED, whole.get().in(Lang.EN)));
      }
      return new Report(lesson.id(), out);
    }
    LessonSession s = LessonSession.begin(lesson, bench);
    for (int i = 0; i < lesson.steps().size(); i++) {
      Step step = lesson.steps().get(i);
      if (s.finished() || s.stepIndex() != i) {
        out.add(fail(step, "the lesson moved past this step before its solution ran"));
        break;
      }
      Optional<Text> why = unmet(step.needs(), bench);
      if (why.isPresent()) {
        out.add(new StepResult(step.id(), kind(step), Outcome.SKIPPED, why.get().in(Lang.EN)));
        s.skip();
        continue;
      }
      solve(s, step, bench);
      boolean moved = s.finished() ? i == lesson.steps().size() - 1 : s.stepIndex() == i + 1;
      if (!moved) {
        String last =
            s.journal()
                .last()
                .map(
                    e ->
                        " (last: `"
                            + e.line()
                            + "` exit "
                            + e.exitCode()
                            + ": "
                            + e.output().strip()
                            + ")")
                .orElse("");
        out.add(fail(step, "the solution does not complete it: " + s.check().in(Lang.EN) + last));
        s.skip();
        continue;
      }
      if (step instanceof Step.Observe o && bench.hasRealEngine()) {
        Journal.Entry e = s.journal().last().orElseThrow();
        List<String> d = RecordedMatch.differences(o.recorded(), e.exitCode(), e.output());
        if (!d.isEmpty() && o.recorded().tolerance().isExact()) {
          out.add(fail(step, "the engine no longer answers as recorded: " + String.join("; ", d)));
          continue;
        }
        if (!d.isEmpty()) {
          // A recording with a tolerance is a sample (CPU %): the live one depends on the host's
          // load now, so it is reported beside the step, not held against it.
          out.add(
              new StepResult(
                  step.id(), kind(step), Outcome.PASSED, "sample now: " + String.join("; ", d)));
          continue;
        }
      }
      out.add(new StepResult(step.id(), kind(step), Outcome.PASSED, ""));
    }
    return new Report(lesson.id(), out);
  }

  private static void solve(LessonSession s, Step step, Workbench bench) {
    if (step instanceof Step.Do d) {
      for (String line : d.solution()) {
        s.afterCommand(bench.run(line, List.of()));
      }
    } else if (step instanceof Step.Predict p) {
      Optional<Value> model = s.modelAnswer(p);
      s.answer(model.map(Value::text).orElse("?"));
      for (String line : p.run()) {
        s.afterCommand(bench.run(line, List.of()));
      }
    } else if (step instanceof Step.Quiz q) {
      s.answer(q.answer() > 0 ? Integer.toString(q.answer()) : q.accept().get(0));
    } else {
      s.afterCommand(bench.run(((Step.Observe) step).command(), List.of()));
    }
  }

  private static StepResult fail(Step step, String why) {
    return new StepResult(step.id(), kind(step), Outcome.FAILED, why);
  }

  private static String kind(Step s) {
    if (s instanceof Step.Do) {
      return "do";
    }
    if (s instanceof Step.Predict) {
      return "predict";
    }
    return s instanceof Step.Quiz ? "quiz" : "observe";
  }
}
