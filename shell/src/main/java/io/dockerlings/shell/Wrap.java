package io.dockerlings.shell;

/**
 * Wraps text the learner reads at the terminal's width: English between words, Chinese between
 * characters (a Chinese character takes two columns). Lines are kept; long ones are broken.
 */
final class Wrap {
  private Wrap() {}

  /** {@code text} with every line no wider than {@code width} columns where it can be broken. */
  static String wrap(String text, int width) {
    if (width < 20) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      wrapLine(lines[i], width, out);
    }
    return out.toString();
  }

  private static void wrapLine(String line, int width, StringBuilder out) {
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    java.util.List<String> tokens = new java.util.ArrayList<>();
    StringBuilder word = new StringBuilder();
    String body = line.substring(indent.length());
    for (int k = 0; k < body.length(); ) {
      int cp = body.codePointAt(k);
      k += Character.charCount(cp);
      if (closing(cp) && word.length() > 0) {
        // A closing mark after a Latin word stays with it: "export）" is one unit.
        word.appendCodePoint(cp);
      } else if (closing(cp) && !tokens.isEmpty() && word.length() == 0) {
        // No line starts with a closing mark: it stays with what it closes.
        int last = tokens.size() - 1;
        tokens.set(last, tokens.get(last) + new String(Character.toChars(cp)));
      } else if (cp == ' ' || wide(cp)) {
        if (word.length() > 0) {
          tokens.add(word.toString());
          word.setLength(0);
        }
        tokens.add(new String(Character.toChars(cp)));
      } else {
        word.appendCodePoint(cp);
      }
    }
    if (word.length() > 0) {
      tokens.add(word.toString());
    }
    out.append(indent);
    int col = width(indent);
    boolean lineEmpty = true;
    for (String t : tokens) {
      int w = width(t);
      if (!lineEmpty && col + w > width) {
        trimTrailingSpace(out);
        out.append('\n').append(indent);
        col = width(indent);
        lineEmpty = true;
        if (t.equals(" ")) {
          continue;
        }
      }
      out.append(t);
      col += w;
      lineEmpty = false;
    }
  }

  private static void trimTrailingSpace(StringBuilder b) {
    while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
      b.setLength(b.length() - 1);
    }
  }

  static int width(String s) {
    int w = 0;
    for (int k = 0; k < s.length(); ) {
      int cp = s.codePointAt(k);
      w += columns(cp);
      k += Character.charCount(cp);
    }
    return w;
  }

  private static int columns(int cp) {
    return wide(cp) ? 2 : 1;
  }

  private static boolean closing(int cp) {
    return "\uff0c\u3002\uff1b\uff1a\uff09\u300d\u3001\uff01\uff1f\u201d".indexOf(cp) >= 0;
  }

  /** East Asian wide characters: CJK, full-width punctuation and forms. */
  static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6);
  }
}
