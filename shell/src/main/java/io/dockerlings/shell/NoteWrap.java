package io.dockerlings.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a note to the terminal's width counting display columns (a CJK character takes two): Latin
 * words and numbers are never split, Chinese may break between characters, closing punctuation
 * never starts a line, and lines after the first hang under an indent.
 */
final class NoteWrap {
  private static final String NO_LINE_START = "，。：；、）」』》？！,.:;)]?!%";

  private NoteWrap() {}

  /**
   * {@code text} as lines of at most {@code width} columns, the first starting with {@code first}
   * and the rest with {@code indent}; each line ends with a newline.
   */
  static String wrap(String text, String first, String indent, int width) {
    StringBuilder out = new StringBuilder();
    List<String> tokens = tokens(text);
    StringBuilder line = new StringBuilder(first);
    int col = columns(first);
    boolean empty = true;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals(" ") && empty) {
        continue;
      }
      int w = columns(t);
      // Keep closing punctuation with the token before it.
      int glued = w;
      if (i + 1 < tokens.size() && NO_LINE_START.indexOf(tokens.get(i + 1).charAt(0)) >= 0) {
        glued += columns(tokens.get(i + 1));
      }
      if (!empty && col + glued > width && !t.equals(" ")) {
        strip(line);
        out.append(line).append('\n');
        line = new StringBuilder(indent);
        col = columns(indent);
        empty = true;
      }
      if (t.equals(" ") && col + 1 > width) {
        continue;
      }
      line.append(t);
      col += w;
      empty = false;
    }
    strip(line);
    out.append(line).append('\n');
    return out.toString();
  }

  private static void strip(StringBuilder line) {
    while (line.length() > 0 && line.charAt(line.length() - 1) == ' ') {
      line.setLength(line.length() - 1);
    }
  }

  /** Latin runs as one token, each wide character alone, spaces as single tokens. */
  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == ' ' || cp == '\n' || cp == '\t') {
                flush(word, out);
                out.add(" ");
              } else if (wide(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
              } else {
                word.appendCodePoint(cp);
              }
            });
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  /** The columns a text takes on a terminal. */
  static int columns(String s) {
    return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6);
  }
}
