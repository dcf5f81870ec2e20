package io.dockerlings.lessons.picture;

/**
 * Terminal cell arithmetic: how many columns a text takes (Chinese characters take two) and how to
 * pad or cut it to a width, ignoring ANSI colour sequences.
 */
public final class Cells {
  private Cells() {}

  /** The columns {@code text} takes on a terminal, colour sequences not counted. */
  public static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == 0x1b) {
        int end = text.indexOf('m', i);
        i = end < 0 ? text.length() : end + 1;
        continue;
      }
      w += wide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  /** Whether a code point takes two columns (CJK ideographs, full-width forms, Hangul). */
  static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6);
  }

  /** {@code text} cut to at most {@code columns}, with an ellipsis where something was cut. */
  public static String cut(String text, int columns) {
    if (width(text) <= columns) {
      return text;
    }
    if (columns <= 0) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int w = 0;
    boolean coloured = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == 0x1b) {
        int end = text.indexOf('m', i);
        end = end < 0 ? text.length() : end + 1;
        b.append(text, i, end);
        coloured = true;
        i = end;
        continue;
      }
      int cw = wide(cp) ? 2 : 1;
      if (w + cw > columns - 1) {
        break;
      }
      b.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    if (coloured) {
      b.append("\u001b[0m");
    }
    return b.append('\u2026').toString();
  }

  /** {@code text} cut or padded with spaces to exactly {@code columns}. */
  public static String pad(String text, int columns) {
    String t = cut(text, columns);
    return t + " ".repeat(Math.max(0, columns - width(t)));
  }

  /** {@code text} padded on the left to {@code columns}. */
  public static String padLeft(String text, int columns) {
    String t = cut(text, columns);
    return " ".repeat(Math.max(0, columns - width(t))) + t;
  }

  /**
   * {@code text} broken into lines of at most {@code columns}, at spaces where there are any and
   * between any two Chinese characters.
   */
  public static java.util.List<String> wrap(String text, int columns) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      int w = 0;
      int lastBreak = -1;
      for (int i = 0; i < paragraph.length(); ) {
        int cp = paragraph.codePointAt(i);
        int cw = wide(cp) ? 2 : 1;
        if (w + cw > columns && line.length() > 0) {
          if (lastBreak > 0 && !wide(cp)) {
            String rest = line.substring(lastBreak).stripLeading();
            lines.add(line.substring(0, lastBreak).stripTrailing());
            line = new StringBuilder(rest);
          } else {
            lines.add(line.toString().stripTrailing());
            line = new StringBuilder();
          }
          w = width(line.toString());
          lastBreak = -1;
          if (cp == ' ') {
            i++;
            continue;
          }
        }
        if (cp == ' ' || wide(cp)) {
          lastBreak = cp == ' ' ? line.length() : line.length();
        }
        line.appendCodePoint(cp);
        w += cw;
        i += Character.charCount(cp);
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
