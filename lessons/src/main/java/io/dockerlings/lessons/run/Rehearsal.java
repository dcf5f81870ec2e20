package io.dockerlings.lessons.run;

import io.dockerlings.lessons.measure.Value;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.LessonLoader;
import io.dockerlings.lessons.model.Problem;
import io.dockerlings.lessons.model.RecordedMatch;
import io.dockerlings.lessons.model.Step;
import io.dockerlings.lessons.state.Journal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The self-test of a lesson: on a simulator of its own, it replays every step's solution and checks
 * that the step completes, and tries every kept wrong attempt (commands or answers) and checks that
 * it does not. A goal that cannot fail, or a solution that does not solve, is a problem with the
 * step's line.
 */
public final class Rehearsal {
  /**
   * What a rehearsal found.
   *
   * @param lesson the lesson's id
   * @param steps how many steps it has
   * @param solved how many steps their solution completed
   * @param refused how many wrong attempts were refused
   * @param wrongs how many wrong attempts were tried
   * @param problems what is wrong, with lines
   */
  public record Report(
      String lesson, int steps, int solved, int refused, int wrongs, List<Problem> problems) {
    public Report {
      problems = List.copyOf(problems);
    }

    /** Whether every solution solved and every wrong attempt was refused. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Lesson lesson;
  private final String file;
  private final String yaml;
  private final SimulatorWorkbench bench;
  private final List<Problem> problems = new ArrayList<>();
  private int solved;
  private int refused;
  private int wrongs;

  private Rehearsal(Lesson lesson, String file, String yaml) {
    this.lesson = lesson;
    this.file = file;
    this.yaml = yaml;
    this.bench = new SimulatorWorkbench(lesson.host());
  }

  /** Rehearses {@code lesson}, loaded from {@code file} whose text is {@code yaml}. */
  public static Report rehearse(Lesson lesson, String file, String yaml) {
    Rehearsal r = new Rehearsal(lesson, file, yaml);
    r.run();
    return new Report(
        lesson.id(), lesson.steps().size(), r.solved, r.refused, r.wrongs, r.problems);
  }

  private void run() {
    LessonSession s = LessonSession.begin(lesson, bench);
    for (int i = 0; i < lesson.steps().size(); i++) {
      if (s.finished() || s.stepIndex() != i) {
        problem(i, "the lesson moved past this step before its solution ran");
        return;
      }
      Step step = lesson.steps().get(i);
      boolean goOn;
      if (step instanceof Step.Do d) {
        goOn = rehearseDo(s, i, d);
      } else if (step instanceof Step.Predict p) {
        goOn = rehearsePredict(s, i, p);
      } else if (step instanceof Step.Quiz q) {
        goOn = rehearseQuiz(s, i, q);
      } else {
        goOn = rehearseObserve(s, i, (Step.Observe) step);
      }
      if (!goOn) {
        return;
      }
      boolean moved = s.finished() ? i == lesson.steps().size() - 1 : s.stepIndex() == i + 1;
      if (moved) {
        solved++;
      } else {
        String why = s.check().in(io.dockerlings.lessons.text.Lang.EN);
        problem(i, "the solution does not complete step '" + step.id() + "': " + why);
        return;
      }
    }
  }

  /** Tries the wrong attempts, then the solution; false when the lesson cannot go on. */
  private boolean rehearseDo(LessonSession s, int i, Step.Do d) {
    if (d.goal().check(s.state()).passed()) {
      problem(
          i, "the goal of step '" + d.id() + "' already holds before the learner does anything");
    }
    int n = 0;
    for (List<String> attempt : d.wrong()) {
      n++;
      wrongs++;
      for (String line : attempt) {
        s.afterCommand(bench.run(line, List.of()));
      }
      if (s.stepIndex() != i || s.finished()) {
        problem(i, "wrong attempt " + n + " of step '" + d.id() + "' completes it: " + attempt);
        return false;
      }
      refused++;
      s.restartStep();
    }
    for (String line : d.solution()) {
      s.afterCommand(bench.run(line, List.of()));
    }
    return true;
  }

  private boolean rehearsePredict(LessonSession s, int i, Step.Predict p) {
    Optional<Value> model = s.modelAnswer(p);
    if (model.isEmpty()) {
      problem(i, "the model cannot measure " + p.measure().describe() + " after the run lines");
      return false;
    }
    wrongs++;
    if (Answers.predict(p, p.wrongAnswer(), model.get()).right()) {
      problem(
          i,
          "wrong-answer '"
              + p.wrongAnswer()
              + "' is accepted (the model says "
              + model.get()
              + ")");
    } else {
      refused++;
    }
    String right = rightAnswer(p, model.get());
    if (!Answers.predict(p, right, model.get()).right()) {
      problem(i, "no choice matches the model's value '" + model.get() + "'");
    }
    s.answer(right);
    for (String line : p.run()) {
      s.afterCommand(bench.run(line, List.of()));
    }
    return true;
  }

  private static String rightAnswer(Step.Predict p, Value model) {
    if (p.form().equals("number")) {
      return Value.of(Answers.inUnit(p, model)).text();
    }
    if (p.form().equals("choice")) {
      for (int k = 0; k < p.choices().size(); k++) {
        if (p.choices().get(k).matches(model.text())) {
          return Integer.toString(k + 1);
        }
      }
    }
    return model.text();
  }

  private boolean rehearseQuiz(LessonSession s, int i, Step.Quiz q) {
    wrongs++;
    s.answer(q.wrongAnswer());
    if (s.stepIndex() != i || s.finished()) {
      problem(i, "wrong-answer '" + q.wrongAnswer() + "' of quiz '" + q.id() + "' is accepted");
      return false;
    }
    refused++;
    s.answer(q.answer() > 0 ? Integer.toString(q.answer()) : q.accept().get(0));
    return true;
  }

  private boolean rehearseObserve(LessonSession s, int i, Step.Observe o) {
    Journal.Entry e = bench.run(o.command(), List.of());
    List<String> differs = RecordedMatch.differences(o.recorded(), e.exitCode(), e.output());
    if (o.differs().isEmpty()) {
      for (String d : differs) {
        problem(i, "the simulator " + d + ": " + o.command());
      }
    } else if (differs.isEmpty()) {
      problem(
          i,
          "the simulator now answers as the engine did: remove the known difference (differs) of"
              + " step '"
              + o.id()
              + "'");
    }
    s.afterCommand(e);
    return true;
  }

  private void problem(int step, String message) {
    problems.add(new Problem(file, LessonLoader.lineOf(yaml, "/steps/" + step + "/id"), message));
  }
}
