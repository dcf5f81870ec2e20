package io.dockerlings.grading;

import io.dockerlings.exercises.check.Attempt;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.RecordedCommand;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a submission in a fresh simulator built with the exercise's host and seed: the setup,
 * then every recorded line at its recorded time. Nothing the submission claims about state or
 * output is used; the recorded outputs are only compared with the replay's.
 */
final class Replay {
  /** Output kept per command for reports; the rest is dropped to bound memory. */
  static final int KEPT_OUTPUT = 2000;

  private Replay() {}

  /**
   * The result of a replay.
   *
   * @param attempt what the checks look at
   * @param commands each command's outcome
   */
  record Result(Attempt attempt, List<CommandOutcome> commands) {
    /** How many commands printed or returned something other than recorded. */
    long divergences() {
      return commands.stream().filter(CommandOutcome::diverged).count();
    }
  }

  /** Replays {@code submission} of {@code exercise}. */
  static Result run(Exercise exercise, Submission submission) {
    ReplayClock clock = new ReplayClock(submission.started());
    DockerSimulator sim = DockerSimulator.create(exercise.simulatorOptions(clock));
    for (String line : exercise.setup()) {
      LinePlayer.play(sim, line, List.of());
    }
    boolean compare = submission.backend().equals("sim");
    List<CommandOutcome> outcomes = new ArrayList<>();
    List<String> journal = new ArrayList<>();
    String last = "";
    for (RecordedCommand c : submission.commands()) {
      clock.advanceTo(c.at());
      CommandResult r = LinePlayer.play(sim, c.line(), c.terminal());
      last = r.stdout() + r.stderr();
      journal.add(c.line());
      boolean diverged =
          compare
              && !c.clipped()
              && (r.exitCode() != c.exitCode()
                  || !r.stdout().equals(c.stdout())
                  || !r.stderr().equals(c.stderr()));
      outcomes.add(
          new CommandOutcome(c.seq(), c.line(), r.exitCode(), cut(last), diverged, c.exitCode()));
    }
    return new Result(new Attempt(sim, journal, last), outcomes);
  }

  /** Replays a list of lines as if typed at one start time (reference and wrong solutions). */
  static Result lines(Exercise exercise, List<String> lines, Instant start) {
    ReplayClock clock = new ReplayClock(start);
    DockerSimulator sim = DockerSimulator.create(exercise.simulatorOptions(clock));
    for (String line : exercise.setup()) {
      LinePlayer.play(sim, line, List.of());
    }
    List<CommandOutcome> outcomes = new ArrayList<>();
    String last = "";
    int seq = 0;
    for (String line : lines) {
      CommandResult r = LinePlayer.play(sim, line, List.of());
      last = r.stdout() + r.stderr();
      outcomes.add(new CommandOutcome(++seq, line, r.exitCode(), cut(last), false, r.exitCode()));
    }
    return new Result(new Attempt(sim, lines, last), outcomes);
  }

  private static String cut(String s) {
    return s.length() <= KEPT_OUTPUT ? s : s.substring(0, KEPT_OUTPUT) + "\n[...]\n";
  }
}
