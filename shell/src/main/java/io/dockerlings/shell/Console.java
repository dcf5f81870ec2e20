package io.dockerlings.shell;

import java.util.List;

/**
 * The terminal the REPL talks to. Only {@link JLineConsole} touches JLine; tests and pipes use
 * {@link StreamConsole}.
 */
interface Console extends AutoCloseable {
  /** What reading a line produced. */
  sealed interface Input permits Line, Interrupt, EndOfInput, Detach {}

  /** A line typed and confirmed with Enter. */
  record Line(String text) implements Input {}

  /** Ctrl-C: the line is abandoned. */
  record Interrupt() implements Input {}

  /** Ctrl-D on an empty line, or the end of the input stream. */
  record EndOfInput() implements Input {}

  /** Ctrl-P Ctrl-Q: leave a container's terminal without stopping it. */
  record Detach() implements Input {}

  /** Reads one REPL line after showing {@code prompt}, with completion and history. */
  Input readLine(String prompt);

  /**
   * Reads one line typed into a container's terminal: no completion or highlighting of docker
   * words, and the line stays out of the REPL's history.
   */
  Input readContainerLine(String prompt);

  /** Writes standard output text. */
  void out(String text);

  /** Writes error text (in red where the terminal has colours). */
  void err(String text);

  /** Clears the screen where that means anything. */
  void clear();

  /** The terminal's width in columns; 120 where there is no terminal to ask. */
  default int width() {
    return 120;
  }

  /** The terminal's height in rows; 24 where there is no terminal to ask. */
  default int height() {
    return 24;
  }

  /**
   * Waits for one key: its character ({@code '\r'} or {@code '\n'} for Enter), {@link #NO_KEY} when
   * {@code timeoutMillis} (more than 0) passed first, {@link #END} at the end of the input. A
   * stream console reads a line and answers with its first character ({@code '\n'} for an empty
   * line).
   */
  int readKey(long timeoutMillis);

  /** What {@link #readKey} answers when its time ran out. */
  int NO_KEY = -2;

  /** What {@link #readKey} answers at the end of the input. */
  int END = -1;

  /**
   * Stops the terminal echoing keys until the returned handle is closed, so that a key pressed
   * while a demo types or works does not print into its screen. Does nothing on a stream.
   */
  default Quiet quiet() {
    return () -> {};
  }

  /** Ends {@link #quiet}. */
  interface Quiet extends AutoCloseable {
    @Override
    void close();
  }

  /** Whether a person watches a live terminal, so that typing out and spinners make sense. */
  default boolean live() {
    return false;
  }

  /** Whether the terminal shows ANSI colours. */
  default boolean colours() {
    return false;
  }

  /** The REPL lines read so far, oldest first, including those of earlier sessions if kept. */
  List<String> history();

  @Override
  void close();
}
