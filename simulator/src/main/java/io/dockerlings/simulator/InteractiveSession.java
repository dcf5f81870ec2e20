package io.dockerlings.simulator;

/**
 * The terminal of a container process a learner is attached to ({@code docker run -it}, {@code
 * docker exec -it}, {@code docker attach}).
 *
 * <p>The caller reads lines from the learner and sends them one at a time; the session answers with
 * what the terminal shows. A tty merges stdout and stderr, so each answer is one text.
 */
public interface InteractiveSession {
  /** The prompt the container's shell shows now, e.g. {@code "/ # "}; empty for non-shells. */
  String prompt();

  /** Sends one line (without its newline) and returns what the terminal printed in answer. */
  String send(String line);

  /** Ends the input (Ctrl-D) and returns what the terminal printed in answer. */
  String endOfInput();

  /**
   * Detaches (Ctrl-P Ctrl-Q) without stopping the process. For {@code exec} sessions this just
   * leaves the session.
   */
  void detach();

  /** Whether the process still reads from this terminal. */
  boolean isOpen();

  /** The exit status to report once the session has closed (the process's exit code). */
  int exitCode();
}
