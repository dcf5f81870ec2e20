package io.dockerlings.simulator;

/**
 * A command line that cannot be split into words: an unbalanced quote or a trailing backslash. The
 * message says what is wrong in the words a shell would use; {@link #position()} points at the
 * character that opened the problem.
 */
public final class CommandLineException extends RuntimeException {
  private final int position;

  CommandLineException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The index in the line of the opening quote or the trailing backslash. */
  public int position() {
    return position;
  }
}
