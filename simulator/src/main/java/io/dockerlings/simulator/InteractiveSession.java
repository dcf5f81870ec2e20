package io.dockerlings.simulator;

/**
 * The terminal of a container process a learner is attached to ({@code docker run -it}, {@code
 * docker exec -it}, {@code docker attach}).
 *
 * <p>The caller reads lines from the learner and sends them one at a time; the session answers with
 * what the terminal shows. A tty merges stdout and stderr, so each answer is one text.
 */
public interface InteractiveSession {
  /**
   * A line holding only the character Ctrl-C sends: {@link #send} treats it as the key (a script or
   * a replay cannot press it), so it does what {@link #interrupt} does.
   */
  String CTRL_C = "\u0003";

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

  /**
   * Whether the program runs without reading from the terminal (a command typed into the shell, or
   * a program such as {@code sleep}): the learner waits, and Ctrl-C or the detach keys are the way
   * back.
   */
  default boolean running() {
    return false;
  }

  /** Catches up with the time that has passed and returns what the terminal printed meanwhile. */
  default String poll() {
    return "";
  }

  /**
   * Ctrl-C: SIGINT to the terminal's foreground process group. A shell abandons its line and shows
   * its prompt again; a program without a handler dies of it, unless it is the container's PID 1,
   * which ignores it. Returns what the terminal printed in answer.
   */
  default String interrupt() {
    return "";
  }

  /**
   * The terminal as a byte stream, when the process runs on a real engine: a caller with a real
   * terminal gives it the learner's keys raw instead of sending lines.
   */
  default java.util.Optional<RawTerminal> raw() {
    return java.util.Optional.empty();
  }

  /**
   * Whether this follows a foreground run without a terminal ({@code docker run} without {@code
   * -t}, {@code start -a}) rather than being one: nothing typed reaches the program, {@link
   * #interrupt} passes SIGINT on to its PID 1 as the CLI's {@code --sig-proxy} does (with {@code
   * --sig-proxy=false} it only stops following), {@link #detach} stops following as a CLI killed
   * from its terminal would (status 130), and the session closes when the container ends.
   */
  default boolean foreground() {
    return false;
  }

  /**
   * Whether the last {@link #interrupt} was dropped: the program is its namespace's init with no
   * handler for SIGINT (or one that ignores it), so it goes on as if nothing had happened.
   */
  default boolean interruptIgnored() {
    return false;
  }

  /**
   * Whether the session closed leaving its program running: a foreground run given up ({@link
   * #detach}) or whose input ended while it ran.
   */
  default boolean leftRunning() {
    return false;
  }

  /**
   * The learner's window is now {@code columns} by {@code rows}: the container's terminal reports
   * that size to the programs that ask from now on (busybox {@code ls} lays out its columns at it),
   * as the docker CLI sends its window's size. A session without a terminal ignores it.
   */
  default void resize(int columns, int rows) {}
}
