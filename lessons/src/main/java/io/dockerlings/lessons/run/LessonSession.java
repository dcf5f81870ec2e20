package io.dockerlings.lessons.run;

import io.dockerlings.lessons.goal.Verdict;
import io.dockerlings.lessons.measure.Model;
import io.dockerlings.lessons.measure.Value;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.Step;
import io.dockerlings.lessons.progress.Progress;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One learner in one lesson: which step they are on, what they ran, and what the lesson says back.
 * It does no input or output of its own; the REPL feeds it the learner's commands and shows its
 * {@link Reply replies}. Goals are checked after every command and a step completes by itself.
 */
public final class LessonSession {
  private final Lesson lesson;
  private final Workbench bench;
  private final StepView view = new StepView();
  private Journal journal = Journal.empty();
  private int step;
  private int stepStart;
  private final Map<String, String> status = new LinkedHashMap<>();
  private final Map<String, String> answers = new LinkedHashMap<>();
  private int hintsShown;
  private boolean assisted;
  private Optional<Value> model = Optional.empty();
  private boolean finished;

  private LessonSession(Lesson lesson, Workbench bench) {
    this.lesson = lesson;
    this.bench = bench;
  }

  /** Starts {@code lesson} from its first step on a fresh engine with its setup run. */
  public static LessonSession begin(Lesson lesson, Workbench bench) {
    LessonSession s = new LessonSession(lesson, bench);
    s.rebuild(Journal.empty());
    return s;
  }

  /** Resumes a lesson where {@code saved} left it, replaying the learner's recorded commands. */
  public static LessonSession resume(
      Lesson lesson, Workbench bench, Progress.LessonProgress saved) {
    LessonSession s = new LessonSession(lesson, bench);
    List<Journal.Entry> recorded = new ArrayList<>();
    for (Progress.Command c : saved.commands()) {
      recorded.add(new Journal.Entry(c.line(), c.exit(), "", c.input()));
    }
    s.rebuild(new Journal(recorded));
    s.step = Math.max(0, Math.min(saved.step(), lesson.steps().size()));
    s.stepStart = Math.max(0, Math.min(saved.stepStart(), s.journal.size()));
    s.status.putAll(saved.steps());
    s.answers.putAll(saved.answers());
    s.finished = saved.finished() || s.step >= lesson.steps().size();
    if (s.finished) {
      s.step = lesson.steps().size() - 1;
    }
    return s;
  }

  public Lesson lesson() {
    return lesson;
  }

  /** The index of the current step. */
  public int stepIndex() {
    return step;
  }

  /** The current step. */
  public Step step() {
    return lesson.steps().get(step);
  }

  /** Whether every step is behind the learner. */
  public boolean finished() {
    return finished;
  }

  /** The learner's commands since the lesson started. */
  public Journal journal() {
    return journal;
  }

  /** Where the learner is, for the prompt: {@code M7 3/8}, or {@code M7 ✓} when finished. */
  public String where() {
    return lesson.module() + " " + (finished ? "\u2713" : (step + 1) + "/" + lesson.steps().size());
  }

  /** Per step id: {@code done}, {@code assisted} or {@code skipped}. */
  public Map<String, String> status() {
    return Map.copyOf(status);
  }

  /** The current step, presented. */
  public Reply intro() {
    if (finished) {
      return Reply.of(Says.text("lesson.finished", lesson.id()));
    }
    Reply intro = view.intro(lesson, step, state(), Optional.ofNullable(answers.get(step().id())));
    Optional<Text> unmet = Replay.unmet(lesson.needsOf(step), bench);
    return unmet.map(why -> intro.then(Reply.of(why, Says.text("needs.switch")))).orElse(intro);
  }

  /** Records a command the learner ran and checks the current step. */
  public Reply afterCommand(Journal.Entry entry) {
    return afterCommand(entry, Optional.empty());
  }

  /**
   * Records a command the learner ran and checks the current step; when the command failed with an
   * error the catalogue explains and the step goes on, the step shows the explanation (and the
   * lesson that teaches it, when that is another lesson).
   */
  public Reply afterCommand(Journal.Entry entry, Optional<ErrorHelp> error) {
    journal = journal.append(entry);
    if (finished) {
      return Reply.none();
    }
    Reply r = evaluate();
    if (r.stepDone() || error.isEmpty()) {
      return r;
    }
    return Reply.of(error.get().paragraphs(lesson.id()).toArray(Text[]::new)).then(r);
  }

  /** Explains the current goal against the state, without moving on. */
  public Reply check() {
    if (finished) {
      return intro();
    }
    Step s = step();
    if (s instanceof Step.Do d) {
      Verdict v = d.goal().check(state());
      return Reply.of(
          Says.text(v.passed() ? "check.pass" : "check.fail", v.reason().en(), v.reason().zh()));
    }
    if (s instanceof Step.Predict p) {
      return answers.containsKey(p.id())
          ? Reply.of(Says.text("predict.run", String.join("\n  ", p.run())))
          : Reply.of(Says.text("predict.answer-first"));
    }
    if (s instanceof Step.Observe o) {
      return Reply.of(Says.text("observe.how", o.command()));
    }
    return Reply.of(Says.text("quiz.waiting"));
  }

  /** The next hint, escalating, led by what the state shows now. */
  public Reply hint() {
    if (finished) {
      return intro();
    }
    Step s = step();
    List<Text> out = new ArrayList<>();
    if (s instanceof Step.Do d && stepStart < journal.size()) {
      Verdict v = d.goal().check(state());
      out.add(Says.text("hint.now", v.reason().en(), v.reason().zh()));
    }
    if (hintsShown < s.hints().size()) {
      Text h = s.hints().get(hintsShown++);
      out.add(Says.text("hint.n", hintsShown, s.hints().size(), h.en(), h.zh()));
    } else if (s.hints().isEmpty() && s instanceof Step.Predict p && hintsShown++ == 0) {
      // A prediction has no wrong guess to avoid: the hint says what the step wants.
      out.add(
          answers.containsKey(p.id())
              ? Says.text("hint.predict.run", String.join("\n  ", p.run()))
              : Says.text("hint.predict"));
    } else {
      boolean none = s.hints().isEmpty() && !(s instanceof Step.Predict);
      out.add(Says.text(none ? "hint.none" : "hint.no-more"));
    }
    return new Reply(out, false, false);
  }

  /** Shows how to pass the step; the step then counts as assisted. */
  public Reply solution() {
    if (finished) {
      return intro();
    }
    assisted = true;
    Step s = step();
    if (s instanceof Step.Do d) {
      return Reply.of(Says.text("solution.do", String.join("\n  ", d.solution())));
    }
    if (s instanceof Step.Predict p) {
      Optional<Value> m = modelAnswer(p);
      Text expected =
          m.map(v -> Answers.predict(p, "", v).expected()).orElse(Says.text("model.none"));
      return Reply.of(
          Says.text(
              "solution.predict", expected.en(), expected.zh(), String.join("\n  ", p.run())));
    }
    if (s instanceof Step.Quiz q) {
      Text right = Answers.quiz(q, "").expected();
      return Reply.of(Says.text("solution.quiz", right.en(), right.zh()));
    }
    return Reply.of(Says.text("observe.how", ((Step.Observe) s).command()));
  }

  /** Takes the learner's answer to a quiz or a prediction. */
  public Reply answer(String value) {
    if (finished) {
      return intro();
    }
    Step s = step();
    if (value.isBlank()) {
      return Reply.of(Says.text("answer.empty"));
    }
    if (s instanceof Step.Quiz q) {
      Answers.Judged j = Answers.quiz(q, value);
      if (!j.right()) {
        // Ask for a hint only where there is one.
        return Reply.of(Says.text(q.hints().isEmpty() ? "quiz.wrong.alone" : "quiz.wrong", value));
      }
      answers.put(q.id(), value.strip());
      return Reply.of(Says.text("quiz.right"), q.explain()).then(complete());
    }
    if (s instanceof Step.Predict p) {
      if (answers.containsKey(p.id())) {
        return Reply.of(Says.text("predict.already", answers.get(p.id())));
      }
      answers.put(p.id(), value.strip());
      return Reply.of(Says.text("predict.noted", value.strip(), String.join("\n  ", p.run())))
          .then(evaluate());
    }
    return Reply.of(Says.text("answer.not-here"));
  }

  /** Leaves the step undone and moves on. */
  public Reply skip() {
    if (finished) {
      return intro();
    }
    status.put(step().id(), "skipped");
    return advance(Reply.of(Says.text("skip.done")));
  }

  /** Goes back to the previous step (the state stays as it is). */
  public Reply back() {
    if (finished) {
      finished = false;
    } else if (step == 0) {
      return Reply.of(Says.text("back.first"));
    } else {
      step--;
    }
    enterStep();
    return intro();
  }

  /** Takes back the last command of this step, by replaying the lesson without it. */
  public Reply undo() {
    if (journal.size() <= stepStart) {
      return Reply.of(Says.text("undo.nothing"));
    }
    String last = journal.last().orElseThrow().line();
    rebuild(journal.withoutLast());
    return Reply.of(Says.text("undo.done", last));
  }

  /** Starts the current step again: its commands and answer are taken back. */
  public Reply restartStep() {
    finished = false;
    rebuild(journal.first(stepStart));
    answers.remove(step().id());
    status.remove(step().id());
    hintsShown = 0;
    assisted = false;
    model = Optional.empty();
    return Reply.of(Says.text("restart.done")).then(intro());
  }

  /** Starts the whole lesson again on a fresh engine. */
  public Reply resetLesson() {
    finished = false;
    status.clear();
    answers.clear();
    step = 0;
    rebuild(Journal.empty());
    enterStep();
    return Reply.of(Says.text("reset.done", lesson.id())).then(intro());
  }

  /** What progress records about this lesson now. */
  public Progress.LessonProgress progress() {
    List<Progress.Command> cmds = new ArrayList<>();
    for (Journal.Entry e : journal.entries()) {
      cmds.add(new Progress.Command(e.line(), e.exitCode(), e.input()));
    }
    return new Progress.LessonProgress(step, stepStart, status, answers, cmds, finished);
  }

  /** The state goals read now. */
  public State state() {
    return State.of(bench.engine(), journal);
  }

  /** The model's answer to the current prediction (replayed once per step). */
  Optional<Value> modelAnswer(Step.Predict p) {
    if (model.isEmpty()) {
      model =
          Model.answer(
              lesson.host(), lesson.setup(), journal.first(stepStart), p.run(), p.measure());
    }
    return model;
  }

  private Reply evaluate() {
    Step s = step();
    if (s instanceof Step.Do d) {
      return d.goal().check(state()).passed() ? complete() : Reply.none();
    }
    if (s instanceof Step.Observe o) {
      boolean ran =
          journal.since(stepStart).stream()
              .anyMatch(e -> Answers.norm(e.line()).equals(Answers.norm(o.command())));
      if (!ran) {
        return Reply.none();
      }
      List<Text> out = new ArrayList<>();
      if (!bench.hasRealEngine()) {
        Step.Recorded r = o.recorded();
        // As the engine wrote it: the two streams in their order (a push's progress, then its
        // error).
        out.add(Says.text("observe.recorded", r.exit(), r.printed().strip()));
      }
      o.differs().ifPresent(d -> out.add(Says.text("observe.differs", d.en(), d.zh())));
      out.add(o.explain());
      return new Reply(out, false, false).then(complete());
    }
    if (s instanceof Step.Predict p) {
      return predictRan(p);
    }
    return Reply.none();
  }

  private Reply predictRan(Step.Predict p) {
    boolean ran =
        p.goal().isPresent()
            ? p.goal().get().check(state()).passed()
            : p.run().stream()
                .allMatch(
                    line ->
                        journal.since(stepStart).stream()
                            .anyMatch(e -> Answers.norm(e.line()).equals(Answers.norm(line))));
    if (!ran) {
      return Reply.none();
    }
    if (!answers.containsKey(p.id())) {
      return Reply.of(Says.text("predict.answer-first"));
    }
    String guess = answers.get(p.id());
    Optional<Value> m = modelAnswer(p);
    List<Text> out = new ArrayList<>();
    if (m.isEmpty()) {
      out.add(Says.text("model.none"));
    } else {
      Answers.Judged j = Answers.predict(p, guess, m.get());
      out.add(
          Says.text(
              j.right() ? "predict.right" : "predict.wrong",
              guess,
              j.expected().en(),
              j.expected().zh()));
      if (bench.hasRealEngine()) {
        Optional<Value> real = p.measure().read(state(), bench.engine());
        out.add(Says.text("predict.engine", real.map(Value::text).orElse("?")));
        if (p.measure().kind().equals("cpu-percent")) {
          // A live CPU sample depends on the host's load: say so rather than let it look wrong.
          out.add(Says.text("predict.engine.sample"));
        }
      }
    }
    return new Reply(out, false, false).then(complete());
  }

  private Reply complete() {
    String id = step().id();
    if (!"done".equals(status.get(id)) || assisted) {
      status.put(id, assisted ? "assisted" : "done");
    }
    return advance(Reply.of(Says.text(assisted ? "step.done.assisted" : "step.done")));
  }

  private Reply advance(Reply before) {
    Reply r = new Reply(before.paragraphs(), true, false);
    if (step + 1 >= lesson.steps().size()) {
      finished = true;
      long done = status.values().stream().filter(v -> !v.equals("skipped")).count();
      return r.then(
          new Reply(
              List.of(Says.text("lesson.done", lesson.id(), done, lesson.steps().size())),
              false,
              true));
    }
    step++;
    enterStep();
    return r.then(intro());
  }

  private void enterStep() {
    stepStart = journal.size();
    hintsShown = 0;
    assisted = false;
    model = Optional.empty();
  }

  /** Fresh engine, setup, then {@code commands} replayed; their outputs are taken anew. */
  private void rebuild(Journal commands) {
    bench.reset(lesson.host());
    for (String line : lesson.setup()) {
      bench.run(line, List.of());
    }
    Journal fresh = Journal.empty();
    for (Journal.Entry e : commands.entries()) {
      fresh = fresh.append(bench.run(e.line(), e.input()));
    }
    journal = fresh;
    stepStart = Math.min(stepStart, journal.size());
  }
}
