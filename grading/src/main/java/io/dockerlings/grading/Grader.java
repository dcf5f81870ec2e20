package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.check.CheckRunner;
import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.Reading;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.exercises.submission.SubmissionReader;
import io.dockerlings.lessons.text.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grades one submission file: verifies it, replays it in a fresh simulator, runs every check and
 * merges the instructor's overrides. Never throws for a bad file: a file that cannot be graded is
 * graded zero with its reason.
 */
final class Grader {
  private final Exercise exercise;
  private final Overrides overrides;
  private final Optional<RealGrading> real;

  Grader(Exercise exercise, Overrides overrides) {
    this(exercise, overrides, Optional.empty());
  }

  /**
   * @param real when present, the grade counts the real engine's replay, and the simulator's is
   *     kept to report the checks it judged otherwise
   */
  Grader(Exercise exercise, Overrides overrides, Optional<RealGrading> real) {
    this.exercise = exercise;
    this.overrides = overrides;
    this.real = real;
  }

  private String backend() {
    return real.isPresent() ? "real" : "sim";
  }

  /** The grade of the file {@code fileName} whose bytes are {@code bytes}. */
  Grade grade(String fileName, byte[] bytes) {
    String file = fileName.replaceFirst("\\.jsonl$", "");
    Reading reading = new SubmissionReader(exercise).read(fileName, bytes);
    if (reading instanceof Reading.Rejected r) {
      List<CheckResult> zero = new ArrayList<>();
      for (Check c : exercise.checks()) {
        zero.add(new CheckResult(c, exercise.taskOf(c).id(), 0, r.reason()));
      }
      return merge(
          new Grade(
              file,
              r.learner(),
              Optional.of(r.flag()),
              r.reason(),
              zero,
              List.of(),
              List.of(),
              List.of(),
              backend(),
              List.of()));
    }
    Submission s = ((Reading.Accepted) reading).submission();
    Replay.Result replay;
    try {
      replay = Replay.run(exercise, s);
    } catch (RuntimeException e) {
      return crashed(file, s.learner(), e);
    }
    List<CheckResult> results = CheckRunner.run(exercise, replay.engine(), replay.journal());
    List<Text> notes = notes(s, replay.divergences());
    if (real.isEmpty()) {
      return merge(
          new Grade(
              file,
              s.learner(),
              Optional.empty(),
              Text.same(""),
              results,
              List.of(),
              replay.commands(),
              notes,
              "sim",
              List.of()));
    }
    RealGrading.Outcome onEngine;
    try {
      onEngine = real.get().grade(exercise, s);
    } catch (RealEngines.Unavailable | RuntimeException e) {
      return crashed(file, s.learner(), e);
    }
    List<Text> realNotes =
        notes(s, onEngine.replay().commands().stream().filter(CommandOutcome::diverged).count());
    onEngine.replay().stopped().ifPresent(realNotes::add);
    for (String name : onEngine.stoppedByCeiling()) {
      String ceiling = real.get().limits().memoryText();
      realNotes.add(
          new Text(
              name
                  + " was stopped by the grading sandbox's memory ceiling ("
                  + ceiling
                  + "), not by a limit you set: it does not count as capping it",
              name + " 是被评分沙箱的内存上限（" + ceiling + "）终止的，而不是被你设置的限额终止的：这不算你给它设了上限"));
    }
    List<Disagreement> disagreements = Disagreements.of(results, onEngine.checks());
    Disagreements.note(disagreements).ifPresent(realNotes::add);
    Disagreements.commands(replay.commands(), onEngine.replay().commands())
        .ifPresent(realNotes::add);
    return merge(
        new Grade(
            file,
            s.learner(),
            Optional.empty(),
            Text.same(""),
            onEngine.checks(),
            List.of(),
            onEngine.replay().commands(),
            realNotes,
            "real",
            disagreements));
  }

  private List<Text> notes(Submission s, long diverged) {
    List<Text> notes = new ArrayList<>();
    exercise
        .deadline()
        .filter(d -> s.submitted().isAfter(d))
        .ifPresent(
            d -> notes.add(new Text("handed in after the deadline " + d, "在截止时间 " + d + " 之后提交")));
    if (!s.commands().isEmpty() && exercise.timeLimit().isPresent()) {
      Duration took = Duration.between(s.started(), s.commands().get(s.commands().size() - 1).at());
      if (took.compareTo(exercise.timeLimit().get()) > 0) {
        notes.add(
            new Text(
                "took "
                    + took.toMinutes()
                    + " min, over the limit of "
                    + exercise.timeLimit().get().toMinutes()
                    + " min",
                "用时 "
                    + took.toMinutes()
                    + " 分钟，超过了 "
                    + exercise.timeLimit().get().toMinutes()
                    + " 分钟的限时"));
      }
    }
    if (!exercise.backends().contains(s.backend())) {
      notes.add(
          new Text(
              "worked on the " + s.backend() + " backend, which this exercise does not allow",
              "在 " + s.backend() + " 后端上完成，而本练习不允许这个后端"));
    }
    if (diverged > 0) {
      notes.add(
          new Text(
              diverged
                  + " command(s) printed or returned something other than recorded when replayed",
              "重放时有 " + diverged + " 条命令与记录不同（输出或退出码）"));
    }
    return notes;
  }

  private Grade crashed(String file, String learner, Exception e) {
    Text why = new Text("the replay failed inside dockerlings: " + e, "重放时 dockerlings 内部出错：" + e);
    List<CheckResult> zero = new ArrayList<>();
    for (Check c : exercise.checks()) {
      zero.add(new CheckResult(c, exercise.taskOf(c).id(), 0, why));
    }
    return merge(
        new Grade(
            file,
            learner,
            Optional.empty(),
            Text.same(""),
            zero,
            List.of(),
            List.of(),
            List.of(why),
            backend(),
            List.of()));
  }

  /** The grade with the instructor's overrides of this learner applied and recorded. */
  private Grade merge(Grade g) {
    List<GradeOverride> mine = overrides.of(g.learner(), g.file());
    if (mine.isEmpty()) {
      return g;
    }
    List<CheckResult> merged = new ArrayList<>();
    List<GradeOverride> applied = new ArrayList<>();
    for (CheckResult r : g.checks()) {
      Optional<GradeOverride> o =
          mine.stream().filter(x -> x.check().equals(r.check().id())).reduce((a, b) -> b);
      if (o.isPresent()) {
        int points = Math.max(0, Math.min(r.check().points(), o.get().points()));
        merged.add(new CheckResult(r.check(), r.task(), points, r.explanation()));
        applied.add(
            new GradeOverride(o.get().learner(), o.get().check(), points, o.get().comment()));
      } else {
        merged.add(r);
      }
    }
    return new Grade(
        g.file(),
        g.learner(),
        g.flag(),
        g.flagReason(),
        merged,
        applied,
        g.commands(),
        g.notes(),
        g.backend(),
        g.disagreements());
  }
}
