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

  Grader(Exercise exercise, Overrides overrides) {
    this.exercise = exercise;
    this.overrides = overrides;
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
    return merge(
        new Grade(
            file,
            s.learner(),
            Optional.empty(),
            Text.same(""),
            results,
            List.of(),
            replay.commands(),
            notes(s, replay)));
  }

  private List<Text> notes(Submission s, Replay.Result replay) {
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
    long diverged = replay.divergences();
    if (diverged > 0) {
      notes.add(
          new Text(
              diverged + " command(s) printed something other than recorded when replayed",
              "重放时有 " + diverged + " 条命令的输出与记录不同"));
    }
    return notes;
  }

  private Grade crashed(String file, String learner, RuntimeException e) {
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
            List.of(why)));
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
        g.file(), g.learner(), g.flag(), g.flagReason(), merged, applied, g.commands(), g.notes());
  }
}
