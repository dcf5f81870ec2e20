package io.dockerlings.grading;

/**
 * One of the learner's commands as the replay ran it.
 *
 * @param seq its number in the transcript
 * @param line the line as typed
 * @param exitCode what the replay returned
 * @param output what the replay printed (stdout then stderr), cut for reports
 * @param diverged whether a simulator replay printed or returned something other than recorded
 * @param recordedExit the exit code the learner's session recorded
 */
public record CommandOutcome(
    int seq, String line, int exitCode, String output, boolean diverged, int recordedExit) {
  /** Whether the command failed when replayed. */
  public boolean failed() {
    return exitCode != 0;
  }
}
