package io.dockerlings.exercises.submission;

/**
 * One thing the learner did in a container terminal opened by a command ({@code run -it}).
 *
 * @param op {@code send} (a line), {@code eof} (Ctrl-D) or {@code detach} (Ctrl-P Ctrl-Q)
 * @param text the line for {@code send}, empty otherwise
 */
public record TerminalInput(String op, String text) {
  /** A line typed into the terminal. */
  public static TerminalInput send(String line) {
    return new TerminalInput("send", line);
  }

  /** Ctrl-D. */
  public static TerminalInput eof() {
    return new TerminalInput("eof", "");
  }

  /** Ctrl-P Ctrl-Q. */
  public static TerminalInput detach() {
    return new TerminalInput("detach", "");
  }
}
