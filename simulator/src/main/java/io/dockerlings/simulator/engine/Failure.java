package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.DockerException;

/**
 * A validation failure found while preparing a container, before anything changed; the command that
 * caught it words it for the user, because the docker CLI words client-side and daemon-side
 * failures differently per command.
 */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Who noticed the problem: the CLI while reading its flags, the CLI while making its request
   * (after the flags), the daemon, or a message shown as is.
   */
  enum Side {
    CLIENT,
    REQUEST,
    DAEMON,
    PLAIN
  }

  private final Side side;

  private Failure(Side side, String message) {
    super(message, null, false, false);
    this.side = side;
  }

  static Failure client(String message) {
    return new Failure(Side.CLIENT, message);
  }

  static Failure daemon(String message) {
    return new Failure(Side.DAEMON, message);
  }

  /**
   * A failure the CLI finds once its flags are read, while it prepares the request (an invalid
   * image reference): {@code run} words it as a flag error, {@code create} prints it bare.
   */
  static Failure request(String message) {
    return new Failure(Side.REQUEST, message);
  }

  /** A failure the CLI prints without any prefix (a registry it could not reach). */
  static Failure plain(String message) {
    return new Failure(Side.PLAIN, message);
  }

  Side side() {
    return side;
  }

  /**
   * Words the failure for {@code docker run}: both kinds are prefixed {@code docker:} and followed
   * by the help hint, exit 125.
   */
  DockerException forRun(String helpName) {
    String text =
        side == Side.CLIENT || side == Side.REQUEST
            ? "docker: " + getMessage() + ".\nSee 'docker " + helpName + " --help'."
            : "docker: Error response from daemon: "
                + getMessage()
                + (getMessage().endsWith(".") ? "" : ".")
                + "\nSee 'docker "
                + helpName
                + " --help'.";
    return new DockerException(text, 125);
  }

  /**
   * Words the failure for {@code docker create}: flag errors like run, request errors bare and
   * daemon errors as a plain daemon response, both with exit 1 (create only reports its flag errors
   * itself; the others it returns to the CLI's main, which prints them as they are).
   */
  DockerException forCreate(String helpName) {
    if (side == Side.CLIENT) {
      return forRun(helpName);
    }
    if (side == Side.REQUEST) {
      return new DockerException(getMessage(), 1);
    }
    return DockerException.daemon(getMessage());
  }
}
