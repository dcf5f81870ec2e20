package io.dockerlings.simulator.sh;

/**
 * A script the shell cannot parse; the message is the one busybox ash prints (without "sh: "), and
 * the line is where ash noticed the error (0 while unknown).
 */
final class ShellSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  ShellSyntaxException(String message) {
    this(message, 0);
  }

  ShellSyntaxException(String message, int line) {
    super(message, null, false, false);
    this.line = line;
  }

  /** The 1-based line of the script where the error was found, 0 when not known. */
  int line() {
    return line;
  }
}
