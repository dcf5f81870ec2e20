package io.dockerlings.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.Highlighter;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

/**
 * The interactive console on JLine: line editing, history kept in a file, Tab completion from a
 * {@link Completion}, the command word highlighted, errors in red where the terminal has colours,
 * and docker's detach keys Ctrl-P Ctrl-Q. A container's terminal gets a plain reader of its own.
 */
final class JLineConsole implements Console {
  private static final String DETACH_WIDGET = "dockerlings-detach";

  private final Terminal terminal;
  private final LineReader repl;

  /** A container's own line reader, made when a container first reads a line. */
  private LineReader container;

  private final boolean colours;
  private boolean detachRequested;

  /** Ctrl-C's handler while a command runs, or null: between reads Ctrl-C is ignored. */
  private volatile Runnable onInterrupt;

  /**
   * Opens the console on the terminal that {@code opening} opened (or is still opening) beside the
   * caller's own start-up work: this process's terminal, in the program.
   *
   * @param history the file REPL lines are kept in between sessions, or null to keep them in memory
   */
  JLineConsole(TerminalOpening opening, Completion completion, Path history) {
    this(opening.take(), completion, history);
  }

  /** A console on a given terminal; tests pass a dumb terminal on streams. */
  JLineConsole(Terminal terminal, Completion completion, Path history) {
    this.terminal = terminal;
    this.colours =
        !terminal.getType().startsWith(Terminal.TYPE_DUMB)
            && terminal.getNumericCapability(InfoCmp.Capability.max_colors) != null
            && terminal.getNumericCapability(InfoCmp.Capability.max_colors) >= 8;
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("dockerlings")
            .completer(new CompletionAdapter(completion))
            .highlighter(new CommandWordHighlighter())
            // '!' is an ordinary character in docker commands (sh -c 'a && ! b').
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    this.repl = withDetachKeys(builder.build());
    // Ctrl-C outside a line being read must never end the JVM (and with it the session): it goes
    // to the command that runs, if it listens, and is ignored otherwise.
    terminal.handle(
        Terminal.Signal.INT,
        signal -> {
          Runnable r = onInterrupt;
          if (r != null) {
            r.run();
          }
        });
  }

  /**
   * A container's line reader, made on first use rather than before the first prompt. A container's
   * shell has its own history; its lines do not belong in the REPL's file.
   */
  private LineReader container() {
    if (container == null) {
      container =
          withDetachKeys(
              LineReaderBuilder.builder()
                  .terminal(terminal)
                  .appName("dockerlings-container")
                  .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                  .build());
    }
    return container;
  }

  /** Binds Ctrl-P Ctrl-Q to end the read as a detach, as the docker CLI's default keys do. */
  private LineReader withDetachKeys(LineReader reader) {
    reader
        .getWidgets()
        .put(
            DETACH_WIDGET,
            () -> {
              detachRequested = true;
              reader.getBuffer().clear();
              reader.callWidget(LineReader.ACCEPT_LINE);
              return true;
            });
    reader
        .getKeyMaps()
        .get(LineReader.MAIN)
        .bind(new Reference(DETACH_WIDGET), KeyMap.ctrl('P') + KeyMap.ctrl('Q'));
    return reader;
  }

  @Override
  public Input readLine(String prompt) {
    return read(repl, prompt);
  }

  @Override
  public Input readContainerLine(String prompt) {
    return read(container(), prompt);
  }

  private Input read(LineReader reader, String prompt) {
    detachRequested = false;
    try {
      String line = reader.readLine(prompt);
      return detachRequested ? new Detach() : new Line(line);
    } catch (UserInterruptException e) {
      return new Interrupt();
    } catch (EndOfFileException e) {
      return new EndOfInput();
    }
  }

  @Override
  public Input readContainerLine(String prompt, String typedAhead) {
    detachRequested = false;
    try {
      String line = container().readLine(prompt, null, (Character) null, typedAhead);
      return detachRequested ? new Detach() : new Line(line);
    } catch (UserInterruptException e) {
      return new Interrupt();
    } catch (EndOfFileException e) {
      return new EndOfInput();
    }
  }

  @Override
  public Input readWhileRunning(long timeoutMillis) {
    // Raw, and without the terminal's signals: Ctrl-C arrives as its character.
    Attributes saved = terminal.enterRawMode();
    Attributes raw = new Attributes(terminal.getAttributes());
    raw.setLocalFlag(LocalFlag.ISIG, false);
    terminal.setAttributes(raw);
    try {
      int c = terminal.reader().read(Math.max(1L, timeoutMillis));
      if (c == NonBlockingReader.READ_EXPIRED) {
        return new Waiting();
      }
      if (c < 0) {
        return new EndOfInput();
      }
      if (c == 3) {
        out("^C");
        return new Interrupt();
      }
      if (c == 0x10) {
        int next = terminal.reader().read(1000L);
        if (next == 0x11) {
          return new Detach();
        }
        return new Waiting();
      }
      if (c == '\r' || c == '\n') {
        out("\r\n");
        return new Keys("\n");
      }
      if (c == 127 || c == 8) {
        return new Keys("\b");
      }
      if (c >= ' ') {
        out(Character.toString(c));
        return new Keys(Character.toString(c));
      }
      return new Waiting();
    } catch (IOException e) {
      return new EndOfInput();
    } finally {
      terminal.setAttributes(saved);
    }
  }

  @Override
  public boolean lend(io.dockerlings.simulator.RawTerminal process) {
    if (!live()) {
      return false;
    }
    Attributes saved = terminal.enterRawMode();
    Attributes raw = new Attributes(terminal.getAttributes());
    // Ctrl-C, Ctrl-Z and Ctrl-\ are keys for the container's terminal, which makes them signals.
    raw.setLocalFlag(LocalFlag.ISIG, false);
    terminal.setAttributes(raw);
    Terminal.SignalHandler winch =
        terminal.handle(Terminal.Signal.WINCH, s -> process.resize(width(), height()));
    process.resize(width(), height());
    Thread screen =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (java.io.InputStream in = process.output()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  terminal.output().write(buffer, 0, n);
                  terminal.output().flush();
                }
              } catch (IOException e) {
                // The stream ended with the connection.
              }
            },
            "dockerlings-screen");
    screen.setDaemon(true);
    screen.start();
    try {
      while (screen.isAlive()) {
        int c = terminal.reader().read(100L);
        if (c == NonBlockingReader.READ_EXPIRED) {
          continue;
        }
        if (c < 0) {
          break;
        }
        process.send(
            Character.toString((char) c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      screen.join(1000);
    } catch (IOException e) {
      // The connection went away: the process's terminal is gone.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      terminal.handle(Terminal.Signal.WINCH, winch);
      terminal.setAttributes(saved);
    }
    return true;
  }

  @Override
  public <T> T interruptibly(Runnable handler, java.util.function.Supplier<T> task) {
    Runnable before = onInterrupt;
    onInterrupt = handler;
    try {
      return task.get();
    } finally {
      onInterrupt = before;
    }
  }

  @Override
  public int readKey(long timeoutMillis) {
    Attributes saved = terminal.enterRawMode();
    try {
      int c = terminal.reader().read(timeoutMillis > 0 ? timeoutMillis : 0L);
      if (c == NonBlockingReader.READ_EXPIRED) {
        return NO_KEY;
      }
      return c < 0 ? END : c;
    } catch (IOException e) {
      return END;
    } finally {
      terminal.setAttributes(saved);
    }
  }

  @Override
  public Quiet quiet() {
    Attributes saved = terminal.enterRawMode();
    return () -> terminal.setAttributes(saved);
  }

  @Override
  public int height() {
    int h = terminal.getHeight();
    return h > 0 ? h : 24;
  }

  @Override
  public boolean live() {
    return !terminal.getType().startsWith(Terminal.TYPE_DUMB);
  }

  @Override
  public void out(String text) {
    terminal.writer().print(text);
    terminal.writer().flush();
  }

  @Override
  public void err(String text) {
    if (colours && !text.isEmpty()) {
      AttributedStringBuilder red = new AttributedStringBuilder();
      red.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), text);
      terminal.writer().print(red.toAnsi(terminal));
    } else {
      terminal.writer().print(text);
    }
    terminal.writer().flush();
  }

  @Override
  public void clear() {
    terminal.puts(InfoCmp.Capability.clear_screen);
    terminal.flush();
  }

  @Override
  public List<String> history() {
    List<String> lines = new ArrayList<>();
    for (History.Entry e : repl.getHistory()) {
      lines.add(e.line());
    }
    return lines;
  }

  @Override
  public void close() {
    try {
      repl.getHistory().save();
    } catch (IOException e) {
      // Leaving anyway; a history that could not be written is not worth an error at the door.
    }
    try {
      terminal.close();
    } catch (IOException e) {
      // The terminal is going away with the process.
    }
  }

  /** Shows a {@link Completion}'s candidates in JLine's lists, grouped by kind. */
  private record CompletionAdapter(Completion completion) implements Completer {
    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
      for (Completion.Candidate c : completion.complete(line.words(), line.wordIndex())) {
        candidates.add(new Candidate(c.value(), c.value(), c.group(), null, null, null, true));
      }
    }
  }

  /** Shows the first word in bold cyan so a learner sees where the command starts. */
  private static final class CommandWordHighlighter implements Highlighter {
    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
      int start = 0;
      while (start < buffer.length() && Character.isWhitespace(buffer.charAt(start))) {
        start++;
      }
      int end = start;
      while (end < buffer.length() && !Character.isWhitespace(buffer.charAt(end))) {
        end++;
      }
      AttributedStringBuilder b = new AttributedStringBuilder();
      b.append(buffer.substring(0, start));
      b.styled(AttributedStyle.BOLD.foreground(AttributedStyle.CYAN), buffer.substring(start, end));
      b.append(buffer.substring(end));
      return b.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
      // Nothing is marked as an error while typing.
    }

    @Override
    public void setErrorIndex(int errorIndex) {
      // Nothing is marked as an error while typing.
    }
  }

  @Override
  public int width() {
    int w = terminal.getWidth();
    return w > 0 ? w : 120;
  }

  @Override
  public boolean colours() {
    return colours;
  }

  @Override
  public void above(String text, String prompt) {
    if (!repl.isReading() || !(repl instanceof org.jline.reader.impl.LineReaderImpl impl)) {
      out(text);
      return;
    }
    // The line reader redraws the prompt (now naming the step) and what was typed below the text.
    impl.setPrompt(prompt);
    impl.printAbove(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
  }
}
