package io.dockerlings.grading;

/** Escaping for text placed in Markdown: table cells and inline code. */
final class Markdown {
  private Markdown() {}

  /**
   * Text for a table cell: pipes escaped, line breaks as {@code <br>}, markup characters escaped.
   */
  static String cell(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '|', '\\', '*', '_', '`', '[', ']', '<', '>', '#' -> b.append('\\').append(c);
        case '\n' -> b.append("<br>");
        case '\r' -> {}
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Text for inside single backticks: a backtick cannot be escaped there, so it becomes '. */
  static String code(String s) {
    return s.replace('`', '\'').replace('\n', ' ').replace("|", "\\|");
  }
}
