package io.dockerlings.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits one command line into words as a POSIX shell does, without running anything: the words are
 * exactly those a shell would pass to the program, with quotes removed.
 *
 * <p>Recognised: blanks (space, tab, newline) separate words; single quotes keep everything
 * literally; double quotes keep everything except that a backslash escapes {@code $ ` " \} and
 * newline; a backslash outside quotes keeps the next character (a backslash before a newline joins
 * the lines); quoted and unquoted parts next to each other form one word, and {@code ""} is an
 * empty word; an unquoted {@code #} at the start of a word starts a comment.
 *
 * <p>Not recognised, because the simulator runs no host shell: variable and command expansion
 * ({@code $HOME} and {@code $(...)} stay as written), globbing, and operators such as {@code |},
 * {@code ;}, {@code &&} and redirections, which are ordinary characters here. Callers that want
 * them (the REPL's {@code $(...)}) build them on top of this class.
 */
public final class CommandLine {
  private CommandLine() {}

  /**
   * The words of {@code line}.
   *
   * @throws CommandLineException for an unterminated quote or a backslash at the very end
   */
  public static List<String> split(String line) {
    Objects.requireNonNull(line);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '#' && !inWord) {
        break;
      } else if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        if (close < 0) {
          throw new CommandLineException("unexpected end of line: missing closing '", i);
        }
        word.append(line, i + 1, close);
        inWord = true;
        i = close + 1;
      } else if (c == '"') {
        i = readDoubleQuoted(line, i, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw new CommandLineException("unexpected end of line after \\", i);
        }
        char next = line.charAt(i + 1);
        if (next != '\n') {
          word.append(next);
          inWord = true;
        }
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }

  /** Reads a double-quoted part starting at the quote {@code open}; returns the index after it. */
  private static int readDoubleQuoted(String line, int open, StringBuilder word) {
    int n = line.length();
    int i = open + 1;
    while (i < n) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < n) {
        char next = line.charAt(i + 1);
        switch (next) {
          case '$', '`', '"', '\\' -> word.append(next);
          case '\n' -> {
            // A quoted backslash-newline joins the lines, as outside quotes.
          }
          default -> word.append(c).append(next);
        }
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new CommandLineException("unexpected end of line: missing closing \"", open);
  }

  /**
   * One word written so that {@link #split} gives it back unchanged: as it is when it holds only
   * characters a shell leaves alone, otherwise in single quotes.
   */
  public static String quote(String word) {
    if (!word.isEmpty() && word.chars().allMatch(CommandLine::isPlain)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words joined by spaces, each {@linkplain #quote quoted} as needed. */
  public static String join(List<String> words) {
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(quote(word));
    }
    return line.toString();
  }

  private static boolean isPlain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-_./:=,+@%".indexOf(c) >= 0;
  }
}
