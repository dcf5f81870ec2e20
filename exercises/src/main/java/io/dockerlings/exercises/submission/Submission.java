package io.dockerlings.exercises.submission;

import java.time.Instant;
import java.util.List;

/**
 * A submission whose chain of hashes is intact: who, which exercise (and which version of it), on
 * which backend, and every command.
 *
 * @param learner the learner's id
 * @param exercise the exercise's id
 * @param exerciseSha256 the checksum of the exercise file the learner worked on
 * @param backend {@code sim} or {@code real}
 * @param started when the attempt began
 * @param submitted when it was handed in
 * @param commands in the order typed
 */
public record Submission(
    String learner,
    String exercise,
    String exerciseSha256,
    String backend,
    Instant started,
    Instant submitted,
    List<RecordedCommand> commands) {
  public Submission {
    commands = List.copyOf(commands);
  }
}
