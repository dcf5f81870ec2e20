package io.dockerlings.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A console on plain streams, for tests, pipes and dumb terminals: prompts are printed as they are,
 * nothing is coloured, a line holding only Ctrl-P Ctrl-Q (the two control characters) detaches and
 * a line holding only Ctrl-C is the key.
 */
final class StreamConsole implements Console {
  /** The two characters docker's detach keys send. */
  static final String DETACH_KEYS = "\u0010\u0011";

  /** The character Ctrl-C sends. */
  static final String CTRL_C = "\u0003";

  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean echoPrompt;
  private final List<String> history = new ArrayList<>();

  StreamConsole(BufferedReader in, PrintStream out, PrintStream err, boolean echoPrompt) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.echoPrompt = echoPrompt;
  }

  @Override
  public Input readLine(String prompt) {
    Input input = read(prompt);
    if (input instanceof Line line && !line.text().isBlank()) {
      history.add(line.text());
    }
    return input;
  }

  @Override
  public Input readContainerLine(String prompt) {
    return read(prompt);
  }

  private Input read(String prompt) {
    if (echoPrompt) {
      out.print(prompt);
      out.flush();
    }
    try {
      String line = in.readLine();
      if (line == null) {
        return new EndOfInput();
      }
      if (line.equals(DETACH_KEYS)) {
        return new Detach();
      }
      if (line.equals(CTRL_C)) {
        return new Interrupt();
      }
      return new Line(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Input readWhileRunning(long timeoutMillis) {
    Input in = read("");
    return in instanceof Line line ? new Keys(line.text() + "\n") : in;
  }

  @Override
  public int readKey(long timeoutMillis) {
    try {
      String line = in.readLine();
      if (line == null) {
        return END;
      }
      return line.isEmpty() ? '\n' : line.charAt(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void out(String text) {
    out.print(text);
    out.flush();
  }

  @Override
  public void err(String text) {
    err.print(text);
    err.flush();
  }

  @Override
  public void clear() {
    // A stream has no screen to clear.
  }

  @Override
  public List<String> history() {
    return List.copyOf(history);
  }

  @Override
  public void close() {
    out.flush();
    err.flush();
  }
}
