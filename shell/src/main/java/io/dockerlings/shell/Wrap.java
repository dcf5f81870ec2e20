package io.dockerlings.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The one text wrapper for what the learner reads, at the terminal's width: English breaks between
 * words and never splits one, Chinese breaks between characters (each takes two columns), and no
 * line starts with closing punctuation. Lines of the text are kept; long ones are broken.
 */
final class Wrap {
  /** Marks that close what comes before them: a line never starts with one. */
  private static final String CLOSING = "，。；：）」』》、！？”,.:;)]?!%>";

  /** Marks that open what comes after them: a line never ends with one. */
  private static final String OPENING = "（「『《“([{<";

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
      String line = lines[i];
      if (width(line) <= width) {
        out.append(line);
        continue;
      }
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      String wrapped = lines(line.substring(indent.length()), indent, indent, width);
      out.append(wrapped, 0, wrapped.length() - 1);
    }
    return out.toString();
  }

  /**
   * One paragraph ({@code text}, newlines counting as spaces) as lines of at most {@code width}
   * columns, the first starting with {@code first} and the rest hanging under {@code indent}; each
   * line ends with a newline.
   */
  static String wrap(String text, String first, String indent, int width) {
    return lines(text.replace('\n', ' ').replace('\t', ' '), first, indent, width);
  }

  private static String lines(String body, String first, String indent, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(first);
    int col = width(first);
    boolean empty = true;
    for (String t : tokens(body)) {
      if (t.equals(" ") && empty) {
        continue;
      }
      int w = width(t);
      if (!empty && col + w > width && !t.equals(" ")) {
        strip(line);
        out.append(line).append('\n');
        line = new StringBuilder(indent);
        col = width(indent);
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
    return out.append(line).append('\n').toString();
  }

  /**
   * Latin runs as one token, each wide character alone, spaces as single tokens; a closing mark
   * stays with the token before it, so that it never starts a line.
   */
  private static List<String> tokens(String body) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int k = 0; k < body.length(); ) {
      int cp = body.codePointAt(k);
      k += Character.charCount(cp);
      if (closing(cp) && word.length() > 0) {
        word.appendCodePoint(cp);
        if (wide(cp)) {
          // A Chinese mark ends the run: a line may break after it (docker、ls、cat).
          tokens.add(word.toString());
          word.setLength(0);
        }
      } else if (closing(cp) && !tokens.isEmpty() && !tokens.get(tokens.size() - 1).equals(" ")) {
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
    // An opening mark stays with what it opens, so that no line ends with one.
    List<String> glued = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      while (opensOnly(t) && i + 1 < tokens.size() && !tokens.get(i + 1).equals(" ")) {
        t = t + tokens.get(++i);
      }
      glued.add(t);
    }
    return glued;
  }

  private static boolean opensOnly(String t) {
    return !t.isEmpty() && t.codePoints().allMatch(cp -> OPENING.indexOf(cp) >= 0);
  }

  private static void strip(StringBuilder line) {
    while (line.length() > 0 && line.charAt(line.length() - 1) == ' ') {
      line.setLength(line.length() - 1);
    }
  }

  /** The columns a text takes on a terminal. */
  static int width(String s) {
    int w = 0;
    for (int k = 0; k < s.length(); ) {
      int cp = s.codePointAt(k);
      w += wide(cp) ? 2 : 1;
      k += Character.charCount(cp);
    }
    return w;
  }

  private static boolean closing(int cp) {
    return CLOSING.indexOf(cp) >= 0;
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
