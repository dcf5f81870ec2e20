package io.dockerlings.shell;

import java.util.List;

/**
 * The terminal the REPL talks to. Only {@link JLineConsole} touches JLine; tests and pipes use
 * {@link StreamConsole}.
 */
interface Console extends AutoCloseable {
  /** What reading a line produced. */
  sealed interface Input permits Line, Interrupt, EndOfInput, Detach, Keys, Waiting {}

  /** A line typed and confirmed with Enter. */
  record Line(String text) implements Input {}

  /** Ctrl-C: the line is abandoned. */
  record Interrupt() implements Input {}

  /** Ctrl-D on an empty line, or the end of the input stream. */
  record EndOfInput() implements Input {}

  /** Ctrl-P Ctrl-Q: leave a container's terminal without stopping it. */
  record Detach() implements Input {}

  /**
   * Keys typed while a container's program runs and reads nothing ({@code \n} for Enter): they wait
   * for it, as a terminal keeps them.
   */
  record Keys(String text) implements Input {}

  /** No key was pressed in the time given. */
  record Waiting() implements Input {}

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

  /**
   * While a program in a container's terminal runs and reads nothing: waits up to {@code
   * timeoutMillis} for a key. Ctrl-C answers {@link Interrupt}, Ctrl-P Ctrl-Q {@link Detach}, other
   * keys {@link Keys} (echoed, as a terminal echoes them), nothing {@link Waiting}, the end of the
   * input {@link EndOfInput}. A stream console reads its next line at once: a line holding only
   * Ctrl-C is the key, the detach keys detach, any other line is typed ahead.
   */
  Input readWhileRunning(long timeoutMillis);

  /** {@link #readContainerLine(String)} with the keys typed ahead already on the line. */
  default Input readContainerLine(String prompt, String typedAhead) {
    return readContainerLine(prompt);
  }

  /**
   * Runs {@code task} with Ctrl-C calling {@code onInterrupt} (on another thread) instead of ending
   * dockerlings; outside such a task, and outside reading a line, Ctrl-C is ignored.
   */
  default <T> T interruptibly(Runnable onInterrupt, java.util.function.Supplier<T> task) {
    return task.get();
  }

  /**
   * Lends the learner's terminal to a process on a real engine until its output ends: keys go to it
   * raw (Ctrl-C and the detach keys included), its bytes come to the screen, window sizes follow.
   * Answers false, doing nothing, where there is no terminal to lend.
   */
  default boolean lend(io.dockerlings.simulator.RawTerminal process) {
    return false;
  }

  /**
   * Writes {@code text} from another thread while a line may be being read: above the prompt and
   * the half-typed line, which are then shown again with {@code prompt}. Outside a read, or on a
   * stream, it is written as {@link #out} writes.
   */
  default void above(String text, String prompt) {
    out(text);
  }
}
