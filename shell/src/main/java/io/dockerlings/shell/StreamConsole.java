package io.dockerlings.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** A console on plain streams: for tests, pipes and dumb terminals. Prompts are printed as is. */
final class StreamConsole implements Console {
  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean echoPrompt;

  StreamConsole(BufferedReader in, PrintStream out, PrintStream err, boolean echoPrompt) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.echoPrompt = echoPrompt;
  }

  @Override
  public Input readLine(String prompt) {
    if (echoPrompt) {
      out.print(prompt);
      out.flush();
    }
    try {
      String line = in.readLine();
      if (line == null) {
        return new EndOfInput();
      }
      if (line.equals("\u0010\u0011")) {
        return new Detach();
      }
      return new Line(line);
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
  public void close() {
    out.flush();
    err.flush();
  }
}
