package io.dockerlings.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The REPL's own line language: words split as a POSIX shell splits them (quotes, backslashes),
 * with {@code $(docker ...)} and backquote substitution run through a backend, so that {@code
 * docker rm -f $(docker ps -aq)} works as it does in a real shell.
 */
final class HostLine {
  /**
   * A line that cannot be split: the message (English, worded as ash words it) and the key of the
   * learner's words for it in the REPL's messages ({@code line.*}), with their argument.
   */
  static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String argument;

    ParseException(String key, String message) {
      this(key, message, "");
    }

    ParseException(String key, String message, String argument) {
      super(message);
      this.key = key;
      this.argument = argument;
    }

    /** What the learner reads, in the language of {@code messages}. */
    String in(Messages messages) {
      return argument.isEmpty() ? messages.get(key) : messages.get(key, argument);
    }
  }

  private final String line;
  private final Function<String, String> substitute;
  private final Function<String, String> variable;
  private final boolean expands;
  private int pos;

  private HostLine(
      String line, Function<String, String> substitute, Function<String, String> variable) {
    this.line = line;
    this.substitute = substitute;
    this.variable = variable;
    this.expands = variable != null;
  }

  /**
   * Splits a line into words.
   *
   * @param substitute runs the text inside {@code $(...)} and returns its output
   */
  static List<String> split(String line, Function<String, String> substitute)
      throws ParseException {
    return new HostLine(line, substitute, null).words();
  }

  /**
   * Splits a line into words, expanding {@code $NAME}, {@code ${NAME}} and {@code $?} outside
   * single quotes with {@code variable} (the host shell's value, empty when unset).
   */
  static List<String> split(
      String line, Function<String, String> substitute, Function<String, String> variable)
      throws ParseException {
    return new HostLine(line, substitute, variable).words();
  }

  /**
   * Whether the line pipes, redirects, chains or backgrounds a command: a {@code |}, {@code ;},
   * {@code &}, {@code <} or {@code >} outside quotes and not escaped. Such lines are a job for a
   * shell, not for one docker command.
   */
  static boolean hasShellOperators(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        }
      } else if (c == '\\') {
        i++;
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if ("|;&<>".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  private List<String> words() throws ParseException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    while (pos < line.length()) {
      char c = line.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        pos++;
      } else if (c == '\'') {
        int end = line.indexOf('\'', pos + 1);
        if (end < 0) {
          throw new ParseException("line.unterminatedQuote", "unterminated quoted string");
        }
        cur.append(line, pos + 1, end);
        pos = end + 1;
        inWord = true;
      } else if (c == '"') {
        pos++;
        inWord = true;
        while (true) {
          if (pos >= line.length()) {
            throw new ParseException("line.unterminatedQuote", "unterminated quoted string");
          }
          char d = line.charAt(pos);
          if (d == '"') {
            pos++;
            break;
          }
          if (d == '\\' && pos + 1 < line.length() && "$`\"\\".indexOf(line.charAt(pos + 1)) >= 0) {
            cur.append(line.charAt(pos + 1));
            pos += 2;
          } else if (d == '$' && line.startsWith("$(", pos)) {
            cur.append(substitution());
          } else if (d == '$' && variableAt() != null) {
            cur.append(expandVariable());
          } else if (d == '`') {
            cur.append(backquote());
          } else {
            cur.append(d);
            pos++;
          }
        }
      } else if (c == '\\') {
        if (pos + 1 >= line.length()) {
          throw new ParseException("line.backslashAtEnd", "a backslash ends the line");
        }
        cur.append(line.charAt(pos + 1));
        pos += 2;
        inWord = true;
      } else if (c == '$' && line.startsWith("$(", pos)
          || c == '`'
          || c == '$' && variableAt() != null) {
        String result =
            c == '`' ? backquote() : line.startsWith("$(", pos) ? substitution() : expandVariable();
        // Unquoted substitution output splits into words.
        String[] parts = result.trim().isEmpty() ? new String[0] : result.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
          if (i > 0) {
            out.add(cur.toString());
            cur.setLength(0);
          }
          cur.append(parts[i]);
          inWord = true;
        }
      } else if (Character.isISOControl(c)) {
        String code = String.format("U+%04X", (int) c);
        throw new ParseException(
            "line.controlCharacter", "control character " + code + " in the line", code);
      } else {
        cur.append(c);
        pos++;
        inWord = true;
      }
    }
    if (inWord) {
      out.add(cur.toString());
    }
    return out;
  }

  private static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile(
          "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*)|(\\?))");

  /** The {@code $NAME}, {@code ${NAME}} or {@code $?} at the position with a value; else null. */
  private java.util.regex.Matcher variableAt() {
    java.util.regex.Matcher m = VARIABLE.matcher(line).region(pos, line.length());
    if (!m.lookingAt()) {
      return null;
    }
    return expands ? m : null;
  }

  private String expandVariable() {
    java.util.regex.Matcher m = variableAt();
    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "?";
    pos = m.end();
    return variable.apply(name);
  }

  private String substitution() throws ParseException {
    int depth = 0;
    int start = pos + 2;
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          pos = i + 1;
          return strip(substitute.apply(line.substring(start, i)));
        }
        depth--;
      }
    }
    throw new ParseException("line.unterminatedSubstitution", "unterminated $( substitution");
  }

  private String backquote() throws ParseException {
    int end = line.indexOf('`', pos + 1);
    if (end < 0) {
      throw new ParseException("line.unterminatedBackquote", "unterminated ` substitution");
    }
    String inner = line.substring(pos + 1, end);
    pos = end + 1;
    return strip(substitute.apply(inner));
  }

  private static String strip(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(0, end);
  }
}
