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
  public static boolean wide(int cp) {
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

  /** Punctuation that never starts a line in Chinese text. */
  private static final String CLOSING = "，。：；、！？）」』》〉”’,.:;!?)";

  /**
   * {@code text} broken into lines of at most {@code columns}: at spaces, and between any two
   * Chinese characters, but never before closing punctuation; a word longer than a line is cut.
   */
  public static java.util.List<String> wrap(String text, int columns) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      int w = 0;
      int i = 0;
      // Where the line's last token starts, and where its separating space (if any) starts.
      int lastAt = 0;
      int lastSepAt = 0;
      while (i < paragraph.length()) {
        boolean space = false;
        while (i < paragraph.length() && paragraph.charAt(i) == ' ') {
          space = true;
          i++;
        }
        if (i >= paragraph.length()) {
          break;
        }
        int start = i;
        int cp = paragraph.codePointAt(i);
        if (wide(cp) || CLOSING.indexOf(cp) >= 0) {
          i += Character.charCount(cp);
        } else {
          while (i < paragraph.length()) {
            int c = paragraph.codePointAt(i);
            if (c == ' ' || wide(c)) {
              break;
            }
            i += Character.charCount(c);
          }
        }
        String token = paragraph.substring(start, i);
        int tw = width(token);
        boolean closing = tw <= 2 && CLOSING.indexOf(token.codePointAt(0)) >= 0;
        int sep = space && w > 0 ? 1 : 0;
        if (w > 0 && w + sep + tw > columns && closing && lastAt > 0) {
          // Closing punctuation that does not fit takes the token before it to the next line.
          String last = line.substring(lastAt);
          lines.add(line.substring(0, lastSepAt));
          line = new StringBuilder(last);
          w = width(last);
          lastAt = 0;
          lastSepAt = 0;
          sep = 0;
        } else if (w > 0 && w + sep + tw > columns && !closing) {
          lines.add(line.toString());
          line = new StringBuilder();
          w = 0;
          sep = 0;
        }
        while (w == 0 && tw > columns) {
          String head = cut(token, columns + 1);
          head = head.substring(0, head.length() - 1);
          lines.add(head);
          token = token.substring(head.length());
          tw = width(token);
        }
        lastSepAt = line.length();
        if (sep == 1) {
          line.append(' ');
        }
        lastAt = line.length();
        line.append(token);
        w += sep + tw;
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
