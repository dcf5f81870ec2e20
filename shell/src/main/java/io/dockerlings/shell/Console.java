package io.dockerlings.shell;

import java.util.Optional;

/**
 * The terminal the REPL talks to. Only {@link JLineConsole} touches JLine; tests and batch mode use
 * plain streams.
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

  /** Reads one line after showing {@code prompt}. */
  Input readLine(String prompt);

  /** Writes standard output text. */
  void out(String text);

  /** Writes error text (in red where the terminal has colours). */
  void err(String text);

  /** Clears the screen where that means anything. */
  default void clear() {}

  /** Where the history of typed lines is kept, if anywhere. */
  default Optional<java.nio.file.Path> historyFile() {
    return Optional.empty();
  }

  @Override
  void close();
}
