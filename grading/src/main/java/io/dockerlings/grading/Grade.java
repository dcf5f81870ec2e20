package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.submission.Flag;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;

/**
 * One submission's grade, overrides merged.
 *
 * @param file the submission's file name without {@code .jsonl}; names its reports
 * @param learner the learner's id (the file's name when the file does not say)
 * @param flag why the submission was graded zero without replay, if it was
 * @param flagReason the details of the flag
 * @param checks every check's result, after overrides
 * @param overrides the overrides applied, by check id
 * @param commands the replayed commands (empty for a flagged submission)
 * @param notes remarks that do not change the score: late, over the time limit, replay divergence
 * @param backend where the replay that counts ran: {@code sim} or {@code real}
 * @param disagreements with {@code real}, the checks the simulator judged otherwise
 */
public record Grade(
    String file,
    String learner,
    Optional<Flag> flag,
    Text flagReason,
    List<CheckResult> checks,
    List<GradeOverride> overrides,
    List<CommandOutcome> commands,
    List<Text> notes,
    String backend,
    List<Disagreement> disagreements) {
  public Grade {
    disagreements = List.copyOf(disagreements);
    checks = List.copyOf(checks);
    overrides = List.copyOf(overrides);
    commands = List.copyOf(commands);
    notes = List.copyOf(notes);
  }

  /** The points earned. */
  public int score() {
    return checks.stream().mapToInt(CheckResult::earned).sum();
  }

  /** The full marks. */
  public int max() {
    return checks.stream().mapToInt(c -> c.check().points()).sum();
  }

  /** The override of a check, if the instructor gave one. */
  public Optional<GradeOverride> overrideOf(String checkId) {
    return overrides.stream().filter(o -> o.check().equals(checkId)).findFirst();
  }

  /** How many replayed commands diverged from what was recorded. */
  public long divergences() {
    return commands.stream().filter(CommandOutcome::diverged).count();
  }

  /** This grade without its commands, to keep in memory once its own reports are written. */
  Grade compact() {
    return new Grade(
        file,
        learner,
        flag,
        flagReason,
        checks,
        overrides,
        commands.stream()
            .filter(CommandOutcome::failed)
            .map(
                c ->
                    new CommandOutcome(
                        c.seq(),
                        c.line(),
                        c.exitCode(),
                        firstLine(c.output()),
                        c.diverged(),
                        c.recordedExit()))
            .toList(),
        notes,
        backend,
        disagreements);
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
