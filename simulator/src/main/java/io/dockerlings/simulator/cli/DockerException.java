package io.dockerlings.simulator.cli;

/**
 * A failed docker command: the exact text the docker CLI prints on stderr and its exit status.
 *
 * <p>Thrown by command handlers before they change any state, so a failed command leaves the engine
 * as it was.
 */
public final class DockerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Makes an error whose stderr text is {@code text} (without a trailing newline). */
  public DockerException(String text, int exitCode) {
    super(text, null, false, false);
    this.exitCode = exitCode;
  }

  /** An error the daemon reported: {@code Error response from daemon: MESSAGE}, exit 1. */
  public static DockerException daemon(String message) {
    return new DockerException("Error response from daemon: " + message, 1);
  }

  /** An error the client reported: {@code Error: MESSAGE}, exit 1. */
  public static DockerException client(String message) {
    return new DockerException("Error: " + message, 1);
  }

  /** The stderr text, without a trailing newline. */
  public String text() {
    return getMessage();
  }

  /** The exit status of the docker command. */
  public int exitCode() {
    return exitCode;
  }
}
