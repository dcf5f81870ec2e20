package io.dockerlings.shell;

import io.dockerlings.shell.OutputNormalizer.Kind;
import io.dockerlings.shell.OutputNormalizer.Line;
import io.dockerlings.simulator.CommandResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares one command's result from two backends and lays them out side by side, or one above the
 * other in a narrow terminal; marks every line that still differs after normalising, keeps to the
 * width it is given, and touches no terminal.
 */
final class SideBySide {
  /** Below this many columns the two sides are stacked: two columns would be too narrow to read. */
  static final int SIDE_BY_SIDE_MIN_WIDTH = 100;

  /** Put before each line a command wrote to standard error. */
  static final String STDERR_PREFIX = "[err] ";

  /** Marks a line that differs; the column stays blank for lines that match. */
  static final char MARK = '!';

  // Narrower than this, wrapping would put a character or two on each row.
  private static final int MIN_WIDTH = 20;

  // Aligning by longest common subsequence costs rows x rows; past this, pair lines by position.
  private static final long MAX_ALIGNMENT_CELLS = 4_000_000L;

  private static final String SEPARATOR = " | ";
  private static final String RED_BOLD = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]");

  /** Which output stream a row comes from. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /**
   * One row of the comparison.
   *
   * @param stream the stream both lines come from
   * @param left the left side's line, empty when only the right side has a line here
   * @param right the right side's line, empty when only the left side has a line here
   * @param differs whether the lines still differ after normalising (or one is missing)
   * @param normalised what had to be normalised for two different lines to match
   */
  record Row(
      Stream stream,
      Optional<String> left,
      Optional<String> right,
      boolean differs,
      Set<Kind> normalised) {
    Row {
      normalised = Set.copyOf(normalised);
    }
  }

  /** Both results compared: the aligned rows (stdout first, then stderr) and the exit codes. */
  record Comparison(List<Row> rows, int leftExit, int rightExit) {
    Comparison {
      rows = List.copyOf(rows);
    }

    /** How many rows differ, a line present on one side only counting as one. */
    int differingLines() {
      return (int) rows.stream().filter(Row::differs).count();
    }

    boolean exitDiffers() {
      return leftExit != rightExit;
    }

    /** Whether both sides printed exactly the same and exited alike. */
    boolean identical() {
      return !exitDiffers() && rows.stream().allMatch(r -> r.left().equals(r.right()));
    }

    /** What had to be normalised for lines to match, in {@link Kind} order. */
    Set<Kind> normalised() {
      Set<Kind> kinds = EnumSet.noneOf(Kind.class);
      rows.forEach(r -> kinds.addAll(r.normalised()));
      return kinds;
    }

    /**
     * One line for the learner: {@code same output}, {@code same after normalising ids, times}, or
     * {@code differs in 2 lines} (with the exit codes when they differ); in English, as batch
     * mode's JSON gives it.
     */
    String verdict() {
      return verdict(Messages.forLanguage("en").orElseThrow());
    }

    /** The same line in the language of {@code m}. */
    String verdict(Messages m) {
      int n = differingLines();
      String exits = m.get("compare.exits", String.valueOf(leftExit), String.valueOf(rightExit));
      if (n > 0) {
        String differs =
            n == 1
                ? m.get("compare.differs.one")
                : m.get("compare.differs.many", String.valueOf(n));
        return exitDiffers() ? m.get("compare.differsAndExits", differs, exits) : differs;
      }
      if (exitDiffers()) {
        return m.get("compare.sameButExits", exits);
      }
      if (identical()) {
        return m.get("compare.same");
      }
      Set<Kind> kinds = normalised();
      // Lines equal after normalising but with no placeholder in play differ only in spacing.
      return m.get(
          "compare.sameAfter",
          kinds.isEmpty()
              ? m.get("compare.kind.widths")
              : kinds.stream()
                  .map(k -> m.get("compare.kind." + k.word))
                  .collect(Collectors.joining(m.language().equals("en") ? ", " : "、")));
    }
  }

  private final OutputNormalizer normalizer;

  SideBySide(OutputNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  /** Compares two results of the same command line by line, after normalising both. */
  Comparison compare(CommandResult left, CommandResult right) {
    List<Row> rows = new ArrayList<>();
    rows.addAll(
        align(
            Stream.STDOUT,
            normalizer.normalize(left.stdout()),
            normalizer.normalize(right.stdout())));
    rows.addAll(
        align(
            Stream.STDERR,
            normalizer.normalize(left.stderr()),
            normalizer.normalize(right.stderr())));
    return new Comparison(rows, left.exitCode(), right.exitCode());
  }

  /**
   * The comparison as text for a terminal {@code width} columns wide (20 at least): side by side
   * from {@link #SIDE_BY_SIDE_MIN_WIDTH} columns, stacked below; no line is wider, and every line
   * ends with a line break. With {@code color}, differing lines are yellow and their marks red;
   * without, there is no escape code at all.
   */
  String render(
      Comparison comparison, String leftLabel, String rightLabel, int width, boolean color) {
    return render(
        comparison, leftLabel, rightLabel, width, color, Messages.forLanguage("en").orElseThrow());
  }

  /** The same, its verdict in the language of {@code m}. */
  String render(
      Comparison comparison,
      String leftLabel,
      String rightLabel,
      int width,
      boolean color,
      Messages m) {
    int w = Math.max(width, MIN_WIDTH);
    String leftHead = leftLabel + " (exit " + comparison.leftExit() + ")";
    String rightHead = rightLabel + " (exit " + comparison.rightExit() + ")";
    StringBuilder out = new StringBuilder();
    if (w >= SIDE_BY_SIDE_MIN_WIDTH) {
      renderColumns(comparison, leftHead, rightHead, w, color, out);
    } else {
      renderStacked(comparison, leftHead, rightHead, w, color, out);
    }
    for (String piece : wrap("=> " + comparison.verdict(m), w)) {
      out.append(piece).append('\n');
    }
    return out.toString();
  }

  private static void renderColumns(
      Comparison c,
      String leftHead,
      String rightHead,
      int width,
      boolean color,
      StringBuilder out) {
    int column = (width - 2 - SEPARATOR.length()) / 2;
    appendRow(out, c.exitDiffers(), wrap(leftHead, column), wrap(rightHead, column), column, color);
    out.append("  ").append("-".repeat(column)).append("-+-").append("-".repeat(column));
    out.append('\n');
    for (Row row : c.rows()) {
      appendRow(
          out,
          row.differs(),
          wrap(row.left().map(l -> display(row.stream(), l)).orElse(""), column),
          wrap(row.right().map(l -> display(row.stream(), l)).orElse(""), column),
          column,
          color);
    }
  }

  private static void appendRow(
      StringBuilder out,
      boolean differs,
      List<String> left,
      List<String> right,
      int column,
      boolean color) {
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      String l = i < left.size() ? left.get(i) : "";
      String r = i < right.size() ? right.get(i) : "";
      mark(out, differs && i == 0, color);
      out.append(highlight(l, differs, color));
      String pad = " ".repeat(column - width(l));
      String line = pad + SEPARATOR + highlight(r, differs, color);
      out.append(line.stripTrailing()).append('\n');
    }
  }

  private static void renderStacked(
      Comparison c,
      String leftHead,
      String rightHead,
      int width,
      boolean color,
      StringBuilder out) {
    int text = width - 2;
    for (boolean left : new boolean[] {true, false}) {
      List<String> head = wrap("== " + (left ? leftHead : rightHead) + " ==", text);
      for (int i = 0; i < head.size(); i++) {
        mark(out, c.exitDiffers() && i == 0, color);
        out.append(head.get(i)).append('\n');
      }
      for (Row row : c.rows()) {
        Optional<String> line = left ? row.left() : row.right();
        if (line.isEmpty()) {
          continue;
        }
        List<String> pieces = wrap(display(row.stream(), line.get()), text);
        for (int i = 0; i < pieces.size(); i++) {
          mark(out, row.differs() && i == 0, color);
          out.append(highlight(pieces.get(i), row.differs(), color).stripTrailing()).append('\n');
        }
      }
    }
  }

  private static void mark(StringBuilder out, boolean differs, boolean color) {
    if (!differs) {
      out.append("  ");
    } else if (color) {
      out.append(RED_BOLD).append(MARK).append(RESET).append(' ');
    } else {
      out.append(MARK).append(' ');
    }
  }

  private static String highlight(String text, boolean differs, boolean color) {
    return color && differs && !text.isEmpty() ? YELLOW + text + RESET : text;
  }

  /** A line as shown: escape codes it carried removed, tabs expanded, stderr prefixed. */
  private static String display(Stream stream, String line) {
    String plain = ANSI.matcher(line).replaceAll("");
    StringBuilder b = new StringBuilder(stream == Stream.STDERR ? STDERR_PREFIX : "");
    int start = b.length();
    for (int i = 0; i < plain.length(); i++) {
      char ch = plain.charAt(i);
      if (ch == '\t') {
        // Tab stops every 8 columns, counted from the line's own start as in a terminal.
        do {
          b.append(' ');
        } while ((b.length() - start) % 8 != 0);
      } else if (!Character.isISOControl(ch)) {
        b.append(ch);
      }
    }
    return b.toString().stripTrailing();
  }

  /**
   * {@code text} cut into pieces at most {@code columns} wide, at a space or between Chinese
   * characters where one falls in the second half of a piece (so words stay whole and no line
   * starts with closing punctuation), else anywhere; one empty piece for "".
   */
  static List<String> wrap(String text, int columns) {
    List<String> pieces = new ArrayList<>();
    String rest = text;
    while (width(rest) > columns) {
      int end = fit(rest, columns);
      int cut = breakAt(rest, end, columns);
      boolean atSpace = cut < rest.length() && rest.charAt(cut) == ' ';
      pieces.add(rest.substring(0, cut).stripTrailing());
      rest = atSpace ? rest.substring(cut).stripLeading() : rest.substring(cut);
    }
    pieces.add(rest);
    return pieces;
  }

  private static final String CLOSING = "，。、；：？！）」』】〉》”’,.;:?!)";
  private static final String OPENING = "（「『【〈《“‘(";

  /**
   * Where to cut {@code text}, whose first {@code end} chars fit: the last space or break between
   * Chinese characters at or before {@code end} that leaves the piece at least half full, else
   * {@code end}.
   */
  private static int breakAt(String text, int end, int columns) {
    for (int k = end; k > 0; k = text.offsetByCodePoints(k, -1)) {
      if (width(text.substring(0, k)) * 2 < columns) {
        break;
      }
      if (k < text.length() && text.charAt(k) == ' ') {
        return k;
      }
      if (k < text.length()) {
        int before = text.codePointBefore(k);
        int after = text.codePointAt(k);
        boolean chinese = width(before) == 2 || width(after) == 2;
        if (chinese && before != ' ' && CLOSING.indexOf(after) < 0 && OPENING.indexOf(before) < 0) {
          return k;
        }
      }
    }
    return end;
  }

  /** How many chars of {@code text} fit in {@code columns}; at least one code point. */
  private static int fit(String text, int columns) {
    int used = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (used + width(cp) > columns && i > 0) {
        break;
      }
      used += width(cp);
      i += Character.charCount(cp);
    }
    return i;
  }

  /** How many terminal columns {@code text} takes, CJK characters taking two. */
  private static int width(String text) {
    return text.codePoints().map(SideBySide::width).sum();
  }

  private static int width(int cp) {
    if (Character.getType(cp) == Character.NON_SPACING_MARK) {
      return 0;
    }
    boolean wide =
        (cp >= 0x1100 && cp <= 0x115F)
            || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
            || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFE30 && cp <= 0xFE4F)
            || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }

  private List<Row> align(Stream stream, List<Line> left, List<Line> right) {
    // Equal heads and tails pair up as they are; only the middle needs the quadratic alignment.
    int head = 0;
    while (head < left.size()
        && head < right.size()
        && left.get(head).key().equals(right.get(head).key())) {
      head++;
    }
    int tail = 0;
    while (tail < left.size() - head
        && tail < right.size() - head
        && left.get(left.size() - 1 - tail)
            .key()
            .equals(right.get(right.size() - 1 - tail).key())) {
      tail++;
    }
    List<Row> rows =
        new ArrayList<>(byPosition(stream, left.subList(0, head), right.subList(0, head)));
    rows.addAll(
        alignMiddle(
            stream,
            left.subList(head, left.size() - tail),
            right.subList(head, right.size() - tail)));
    rows.addAll(
        byPosition(
            stream,
            left.subList(left.size() - tail, left.size()),
            right.subList(right.size() - tail, right.size())));
    return rows;
  }

  private List<Row> alignMiddle(Stream stream, List<Line> left, List<Line> right) {
    int n = left.size();
    int m = right.size();
    if ((long) (n + 1) * (m + 1) > MAX_ALIGNMENT_CELLS) {
      return byPosition(stream, left, right);
    }
    // lcs[i][j]: how many lines of left[i..] and right[j..] can be matched in order.
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            left.get(i).key().equals(right.get(j).key())
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Row> rows = new ArrayList<>();
    List<Line> onlyLeft = new ArrayList<>();
    List<Line> onlyRight = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && left.get(i).key().equals(right.get(j).key())) {
        rows.addAll(byPosition(stream, onlyLeft, onlyRight));
        onlyLeft.clear();
        onlyRight.clear();
        rows.add(same(stream, left.get(i++), right.get(j++)));
      } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
        onlyLeft.add(left.get(i++));
      } else {
        onlyRight.add(right.get(j++));
      }
    }
    rows.addAll(byPosition(stream, onlyLeft, onlyRight));
    return rows;
  }

  /** Pairs lines by position: a changed stretch shows its old and new lines on the same rows. */
  private static List<Row> byPosition(Stream stream, List<Line> left, List<Line> right) {
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < Math.max(left.size(), right.size()); k++) {
      Optional<Line> l = k < left.size() ? Optional.of(left.get(k)) : Optional.empty();
      Optional<Line> r = k < right.size() ? Optional.of(right.get(k)) : Optional.empty();
      if (l.isPresent() && r.isPresent() && l.get().key().equals(r.get().key())) {
        rows.add(same(stream, l.get(), r.get()));
      } else {
        rows.add(
            new Row(stream, l.map(Line::raw), r.map(Line::raw), true, EnumSet.noneOf(Kind.class)));
      }
    }
    return rows;
  }

  private static Row same(Stream stream, Line left, Line right) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    if (!left.raw().equals(right.raw())) {
      // Only what actually hid a difference counts: both sides' 1.98MB is no reason to mention
      // sizes.
      for (Kind kind : Kind.values()) {
        if (!left.originals(kind).equals(right.originals(kind))) {
          kinds.add(kind);
        }
      }
    }
    return new Row(stream, Optional.of(left.raw()), Optional.of(right.raw()), false, kinds);
  }
}
