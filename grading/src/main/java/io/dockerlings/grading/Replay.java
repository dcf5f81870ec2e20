package io.dockerlings.grading;

import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.RecordedCommand;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.exercises.submission.TerminalInput;
import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.DockerSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a submission in a fresh simulator built with the exercise's host and seed: the setup,
 * then every recorded line at its recorded time, each run as the lessons run a line ({@link
 * Commands}). Nothing the submission claims about state or output is used; the recorded outputs are
 * only compared with the replay's.
 */
final class Replay {
  /** Output kept per command for reports; the rest is dropped to bound memory. */
  static final int KEPT_OUTPUT = 2000;

  private Replay() {}

  /**
   * The result of a replay.
   *
   * @param engine the simulator in its final state
   * @param journal the learner's lines as replayed (the setup not included)
   * @param commands each command's outcome
   */
  record Result(DockerSimulator engine, Journal journal, List<CommandOutcome> commands) {
    /** How many commands printed or returned something other than recorded. */
    long divergences() {
      return commands.stream().filter(CommandOutcome::diverged).count();
    }
  }

  /** Replays {@code submission} of {@code exercise}. */
  static Result run(Exercise exercise, Submission submission) {
    ReplayClock clock = new ReplayClock(submission.started());
    DockerSimulator sim = start(exercise, clock);
    boolean compare = submission.backend().equals("sim");
    List<CommandOutcome> outcomes = new ArrayList<>();
    List<Journal.Entry> journal = new ArrayList<>();
    for (RecordedCommand c : submission.commands()) {
      clock.advanceTo(c.at());
      List<String> typed =
          c.terminal().stream()
              .filter(t -> t.op().equals("send"))
              .map(TerminalInput::text)
              .toList();
      Journal.Entry e = Commands.run(sim, c.line(), typed);
      journal.add(e);
      boolean diverged =
          compare
              && !c.clipped()
              && (e.exitCode() != c.exitCode()
                  // The session may have heard the simulator's notes in Chinese.
                  || !io.dockerlings.simulator.notes.Notes.neutral(e.output())
                      .equals(
                          io.dockerlings.simulator.notes.Notes.neutral(c.stdout() + c.stderr())));
      outcomes.add(
          new CommandOutcome(
              c.seq(), c.line(), e.exitCode(), cut(e.output()), diverged, c.exitCode()));
    }
    return new Result(sim, new Journal(journal), outcomes);
  }

  /** Replays a list of lines as if typed at one start time (reference and wrong solutions). */
  static Result lines(Exercise exercise, List<String> lines, Instant start) {
    DockerSimulator sim = start(exercise, new ReplayClock(start));
    List<CommandOutcome> outcomes = new ArrayList<>();
    List<Journal.Entry> journal = new ArrayList<>();
    int seq = 0;
    for (String line : lines) {
      Journal.Entry e = Commands.run(sim, line);
      journal.add(e);
      outcomes.add(
          new CommandOutcome(++seq, line, e.exitCode(), cut(e.output()), false, e.exitCode()));
    }
    return new Result(sim, new Journal(journal), outcomes);
  }

  private static DockerSimulator start(Exercise exercise, ReplayClock clock) {
    DockerSimulator sim = DockerSimulator.create(exercise.simulatorOptions(clock));
    for (String line : exercise.setup()) {
      Commands.run(sim, line);
    }
    return sim;
  }

  static String cut(String s) {
    return s.length() <= KEPT_OUTPUT ? s : s.substring(0, KEPT_OUTPUT) + "\n[...]\n";
  }
}
