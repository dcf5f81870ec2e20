package io.dockerlings.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The interactive console on JLine: line editing, persistent history, completion of docker
 * commands, flags, containers and images, highlighting of the command word, and Ctrl-P Ctrl-Q.
 */
final class JLineConsole implements Console {
  private static final String DETACH_WIDGET = "dockerlings-detach";

  private final Terminal terminal;
  private final LineReader reader;
  private final Path history;
  private boolean detachRequested;

  JLineConsole(Backend backend, Path history, List<String> replCommands) {
    try {
      this.terminal = TerminalBuilder.builder().system(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.history = history;
    this.reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("dockerlings")
            .completer(new DockerCompleter(backend, replCommands))
            .highlighter(new CommandHighlighter())
            .variable(LineReader.HISTORY_FILE, history)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
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
  }

  @Override
  public Input readLine(String prompt) {
    detachRequested = false;
    try {
      String line = reader.readLine(prompt);
      if (detachRequested) {
        return new Detach();
      }
      return new Line(line);
    } catch (UserInterruptException e) {
      return new Interrupt();
    } catch (EndOfFileException e) {
      return new EndOfInput();
    }
  }

  @Override
  public void out(String text) {
    terminal.writer().print(text);
    terminal.writer().flush();
  }

  @Override
  public void err(String text) {
    AttributedString red =
        new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
    terminal.writer().print(red.toAnsi(terminal));
    terminal.writer().flush();
  }

  @Override
  public void clear() {
    terminal.puts(org.jline.utils.InfoCmp.Capability.clear_screen);
    terminal.flush();
  }

  @Override
  public Optional<Path> historyFile() {
    return Optional.of(history);
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      // Leaving anyway; a history that could not be saved is not worth an error.
    }
  }

  /** Completes the word under the cursor from the backend's current state. */
  private static final class DockerCompleter implements Completer {
    private final Backend backend;
    private final List<String> replCommands;

    DockerCompleter(Backend backend, List<String> replCommands) {
      this.backend = backend;
      this.replCommands = replCommands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
      List<String> words = line.words();
      int index = line.wordIndex();
      if (index == 0) {
        candidates.add(new Candidate("docker"));
        replCommands.forEach(c -> candidates.add(new Candidate(c)));
        return;
      }
      if (!words.get(0).equals("docker")) {
        return;
      }
      if (index == 1) {
        backend.commandNames().forEach(c -> candidates.add(new Candidate(c)));
        return;
      }
      String current = line.word();
      String command = words.get(1);
      if ((command.equals("container") || command.equals("image")) && index == 2) {
        backend.commandNames().forEach(c -> candidates.add(new Candidate(c)));
        return;
      }
      if (current.startsWith("-")) {
        String cmdWords =
            command.equals("container") || command.equals("image")
                ? command + " " + words.get(2)
                : command;
        backend.flagNames(cmdWords).forEach(f -> candidates.add(new Candidate(f)));
        return;
      }
      backend
          .containerNames()
          .forEach(n -> candidates.add(new Candidate(n, n, "containers", null, null, null, true)));
      backend
          .imageNames()
          .forEach(n -> candidates.add(new Candidate(n, n, "images", null, null, null, true)));
    }
  }

  /** Shows the command word in bold so a learner sees where the command starts. */
  private static final class CommandHighlighter implements Highlighter {
    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
      AttributedStringBuilder b = new AttributedStringBuilder();
      int start = 0;
      while (start < buffer.length() && buffer.charAt(start) == ' ') {
        start++;
      }
      int end = buffer.indexOf(' ', start);
      if (end < 0) {
        end = buffer.length();
      }
      b.append(buffer.substring(0, start));
      b.styled(AttributedStyle.BOLD.foreground(AttributedStyle.CYAN), buffer.substring(start, end));
      b.append(buffer.substring(end));
      return b.toAttributedString();
    }

    @Override
    public void setErrorPattern(java.util.regex.Pattern errorPattern) {}

    @Override
    public void setErrorIndex(int errorIndex) {}
  }
}
