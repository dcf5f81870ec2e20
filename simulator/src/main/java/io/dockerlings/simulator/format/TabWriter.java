package io.dockerlings.simulator.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated cells into columns with the elastic-tabstop rules of Go's text/tabwriter,
 * padding with spaces; {@link #docker()} is configured exactly as the docker CLI's tables.
 *
 * <p>Guarantees Go's semantics: a cell is text ended by a tab (or vertical tab); the last cell of a
 * line is never padded; a column's width is computed over each block of consecutive lines that have
 * a tab-terminated cell in that column, so a line with fewer cells splits the blocks of the columns
 * it lacks; widths count Unicode code points (not display columns), and include the padding, with
 * {@code minWidth} as the lower bound. Newlines and form feeds end lines; text after the last
 * newline is emitted without one.
 */
public final class TabWriter {
  private final int minWidth;
  private final int padding;

  private TabWriter(int minWidth, int padding) {
    if (minWidth < 0 || padding < 0) {
      throw new IllegalArgumentException("negative width: " + minWidth + ", " + padding);
    }
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /**
   * The docker CLI's table writer: Go's {@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}, i.e.
   * minimum cell width 10 (padding included), 3 spaces of padding, no flags.
   */
  public static TabWriter docker() {
    return new TabWriter(10, 3);
  }

  /** A writer padding with spaces, with the given minimum cell width and padding. */
  public static TabWriter of(int minWidth, int padding) {
    return new TabWriter(minWidth, padding);
  }

  /**
   * Formats a whole text (as written and then flushed to a Go tabwriter) and returns the result.
   */
  public String format(CharSequence text) {
    String whole = text.toString();
    List<List<Cell>> lines = split(whole);
    StringBuilder out = new StringBuilder(text.length() + 64);
    new Formatter(whole, lines, out).format(0, lines.size());
    return out.toString();
  }

  /** Splits the text into lines of cells; the last line holds the text after the last newline. */
  private static List<List<Cell>> split(String text) {
    List<List<Cell>> lines = new ArrayList<>();
    List<Cell> line = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t' || c == '\u000b' || c == '\n' || c == '\f') {
        line.add(Cell.of(text, start, i));
        start = i + 1;
        if (c == '\n' || c == '\f') {
          lines.add(line);
          line = new ArrayList<>();
        }
      }
    }
    // Go keeps the unterminated tail as the last cell of a last, unfinished line.
    line.add(Cell.of(text, start, text.length()));
    lines.add(line);
    return lines;
  }

  /** A cell as a range of the text (no copy: a listing of 20,000 rows has 140,000 cells). */
  private record Cell(int start, int end, int width) {
    static Cell of(String text, int start, int end) {
      return new Cell(start, end, text.codePointCount(start, end));
    }
  }

  /** One formatting pass; holds the stack of column widths of the enclosing blocks. */
  private final class Formatter {
    private final String text;
    private final List<List<Cell>> lines;
    private final StringBuilder out;
    private final List<Integer> widths = new ArrayList<>();

    Formatter(String text, List<List<Cell>> lines, StringBuilder out) {
      this.text = text;
      this.lines = lines;
      this.out = out;
    }

    void format(int line0, int line1) {
      int column = widths.size();
      int from = line0;
      for (int at = line0; at < line1; at++) {
        if (column >= lines.get(at).size() - 1) {
          continue;
        }
        // This line opens a block of lines that all have a terminated cell in this column.
        write(from, at);
        int width = minWidth;
        int end = at;
        for (; end < line1 && column < lines.get(end).size() - 1; end++) {
          width = Math.max(width, lines.get(end).get(column).width() + padding);
        }
        widths.add(width);
        format(at, end);
        widths.remove(widths.size() - 1);
        from = end;
        at = end - 1;
      }
      write(from, line1);
    }

    private void write(int line0, int line1) {
      for (int i = line0; i < line1; i++) {
        List<Cell> line = lines.get(i);
        for (int j = 0; j < line.size(); j++) {
          Cell cell = line.get(j);
          out.append(text, cell.start(), cell.end());
          if (j < widths.size()) {
            for (int pad = widths.get(j) - cell.width(); pad > 0; pad--) {
              out.append(' ');
            }
          }
        }
        if (i + 1 < lines.size()) {
          out.append('\n');
        }
      }
    }
  }
}
