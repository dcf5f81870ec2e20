package io.dockerlings.simulator.sh;

/** A script the shell cannot parse; the message is the one busybox ash prints (without "sh: "). */
final class ShellSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ShellSyntaxException(String message) {
    super(message, null, false, false);
  }
}
