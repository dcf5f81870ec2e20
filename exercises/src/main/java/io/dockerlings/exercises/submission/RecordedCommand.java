package io.dockerlings.exercises.submission;

import java.time.Instant;
import java.util.List;

/**
 * One line the learner ran, with what it printed when they ran it. The outputs are kept to show and
 * to compare with the replay, never to grade: grading replays the line.
 *
 * @param seq 1, 2, 3... in the order typed
 * @param line the line as typed
 * @param at when it started
 * @param exitCode its exit status
 * @param stdout what it printed (cut at {@link Transcript#MAX_OUTPUT} characters)
 * @param stderr what it printed on stderr (cut likewise)
 * @param clipped whether an output was cut
 * @param terminal what the learner typed into a container terminal the line opened
 */
public record RecordedCommand(
    int seq,
    String line,
    Instant at,
    int exitCode,
    String stdout,
    String stderr,
    boolean clipped,
    List<TerminalInput> terminal) {
  public RecordedCommand {
    terminal = List.copyOf(terminal);
  }
}
