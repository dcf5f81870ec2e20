package io.dockerlings.simulator.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites docker output so that what legitimately differs between two runs (ids, digests, times,
 * sizes, and generated names where a golden asks) reads the same, while wording, order, exit codes
 * and the layout of deterministic table columns are still compared exactly. Both the golden and the
 * simulator's output go through the same instance.
 *
 * <p>Tokens are replaced by placeholders: {@code sha256:<DIGEST>}, {@code <ID>} (64 hex), {@code
 * <SHORT-ID>} (12 hex), {@code <TIME>} (RFC 3339 and Go's default time format; the zero time {@code
 * 0001-01-01T00:00:00Z} is deterministic and kept), {@code <DUR>} (docker's human durations, only
 * after {@code Up } or before {@code ago}, so {@code Exited (137) <DUR> ago} keeps its exit code),
 * {@code <SIZE>} ({@code 1.98MB}, {@code 0B}) and, with {@code #! normalize names}, {@code <NAME>}
 * for {@code adjective_surname}. The racy stderr line the 20.10 client sometimes prints after a
 * failed start ({@code level=error msg="error waiting for container: context canceled"}) is
 * dropped, since the real engine itself prints it only some of the time.
 *
 * <p>Column alignment: docker pads tables with a tabwriter, so a placeholder of another width than
 * the original token shifts every later column on that side and widens the header. Rather than
 * collapsing all spaces (which would stop checking layout at all), a table is cut into cells at the
 * column offsets its own header gives (an all-capital first line whose titles are separated by two
 * or more spaces); a column is volatile when any of its cells changed under normalisation. A
 * volatile cell is followed by exactly two spaces, every other cell keeps its padding to its
 * column's width. So the widths of deterministic columns (IMAGE, COMMAND, NAMES, ...) are still
 * compared, and only the widths that follow normalised values are not. A row that does not line up
 * with its header (a cut would fall inside a word) is normalised as plain text, which makes a
 * misaligned row show up as a difference. Extra rules from {@code #! replace} apply to each cell of
 * a table and to each whole line elsewhere.
 */
final class Normalizer {

  /** A replacement of every match of {@code pattern} by the literal {@code replacement}. */
  record Rule(Pattern pattern, String replacement) {
    Rule {
      Objects.requireNonNull(pattern);
      Objects.requireNonNull(replacement);
    }

    String apply(String text) {
      return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }
  }

  private static final String DURATION =
      "(?:Less than a second|About a minute|About an hour"
          + "|\\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))";

  private static final List<Rule> BUILT_IN =
      List.of(
          rule("sha256:[0-9a-f]{64}(?![0-9a-zA-Z])", "sha256:<DIGEST>"),
          rule("(?<![0-9a-zA-Z])[0-9a-f]{64}(?![0-9a-zA-Z])", "<ID>"),
          rule("(?<![0-9a-zA-Z])[0-9a-f]{12}(?![0-9a-zA-Z])", "<SHORT-ID>"),
          rule(
              "(?!0001-01-01T00:00:00Z)\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?"
                  + "(?:Z|[+-]\\d{2}:\\d{2})",
              "<TIME>"),
          rule(
              "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)? [+-]\\d{4} [A-Z]{2,5}"
                  + "(?: m=[+-]\\d+\\.\\d+)?",
              "<TIME>"),
          rule("(?<=Up )" + DURATION, "<DUR>"),
          rule(DURATION + "(?= ago)", "<DUR>"));

  private static final Rule SIZES =
      rule("(?<![\\w.])\\d+(?:\\.\\d+)?(?:B|kB|MB|GB|TB|PB)(?!\\w)", "<SIZE>");

  private static final Rule NAMES = rule("(?<![\\w.-])[a-z]+_[a-z]+\\d*(?![\\w.-])", "<NAME>");

  private static final Pattern DROPPED_LINE =
      Pattern.compile(
          "time=\"[^\"]*\" level=error msg=\"error waiting for container: context canceled\"");

  private static final Pattern HEADER_TITLE =
      Pattern.compile("%?[A-Z][A-Z0-9._/()-]*(?: [A-Z0-9._/()-]+)*");

  private final List<Rule> rules;
  private final boolean normalizeNames;
  private final List<Rule> extra;

  /** A normaliser with the built-in rules, names if asked, then {@code extra} in order. */
  Normalizer(boolean normalizeNames, List<Rule> extra) {
    this(true, normalizeNames, extra);
  }

  private Normalizer(boolean sizes, boolean normalizeNames, List<Rule> extra) {
    List<Rule> all = new ArrayList<>(BUILT_IN);
    if (sizes) {
      all.add(SIZES);
    }
    if (normalizeNames) {
      all.add(NAMES);
    }
    all.addAll(extra);
    this.rules = List.copyOf(all);
    this.normalizeNames = normalizeNames;
    this.extra = List.copyOf(extra);
  }

  /**
   * The same normaliser without the size rule, for stderr: sizes there are limits in error messages
   * ({@code Minimum memory limit allowed is 6MB.}), which are deterministic and must match.
   */
  Normalizer forStderr() {
    return new Normalizer(false, normalizeNames, extra);
  }

  /** The normaliser a golden file asks for. */
  static Normalizer forFile(GoldenFile file) {
    return new Normalizer(!file.keepSizes(), file.normalizeNames(), file.rules());
  }

  /** Splits output into lines (a final newline ends the last line) and normalises them. */
  List<String> normalizeOutput(String output) {
    return normalizeLines(output.lines().toList());
  }

  /** Normalises the lines of one stream of one command. */
  List<String> normalizeLines(List<String> lines) {
    List<String> kept = lines.stream().filter(l -> !DROPPED_LINE.matcher(l).matches()).toList();
    if (kept.isEmpty()) {
      return kept;
    }
    int[] starts = columnStarts(kept.get(0));
    if (starts.length < 2) {
      return kept.stream().map(this::normalizeText).toList();
    }
    return normalizeTable(kept, starts);
  }

  /** Applies every token rule to one piece of text. */
  String normalizeText(String text) {
    String result = text;
    for (Rule rule : rules) {
      result = rule.apply(result);
    }
    return result;
  }

  /** Where each column of a table starts, from its header; fewer than two when not a header. */
  static int[] columnStarts(String header) {
    if (header.isEmpty() || header.charAt(0) == ' ' || header.endsWith(" ")) {
      return new int[0];
    }
    String[] titles = header.split(" {2,}");
    if (titles.length < 2) {
      return new int[0];
    }
    for (String title : titles) {
      if (!HEADER_TITLE.matcher(title).matches()) {
        return new int[0];
      }
    }
    int[] starts = new int[titles.length];
    int from = 0;
    for (int j = 0; j < titles.length; j++) {
      starts[j] = header.indexOf(titles[j], from);
      from = starts[j] + titles[j].length();
    }
    return starts;
  }

  private List<String> normalizeTable(List<String> lines, int[] starts) {
    int columns = starts.length;
    List<String[]> rawRows = new ArrayList<>();
    boolean[] volatileColumn = new boolean[columns];
    List<String[]> normalRows = new ArrayList<>();
    for (String line : lines) {
      String[] cells = cut(line, starts);
      String[] normal = null;
      if (cells != null) {
        normal = new String[columns];
        for (int j = 0; j < columns; j++) {
          normal[j] = normalizeText(cells[j]);
          volatileColumn[j] |= !normal[j].equals(cells[j]);
        }
      }
      rawRows.add(cells);
      normalRows.add(normal);
    }
    List<String> result = new ArrayList<>();
    for (int r = 0; r < lines.size(); r++) {
      String[] normal = normalRows.get(r);
      if (normal == null) {
        result.add(normalizeText(lines.get(r)));
        continue;
      }
      StringBuilder row = new StringBuilder();
      for (int j = 0; j < columns; j++) {
        row.append(normal[j]);
        if (j == columns - 1) {
          break;
        }
        if (volatileColumn[j]) {
          row.append("  ");
        } else {
          int width = starts[j + 1] - starts[j];
          row.append(" ".repeat(Math.max(0, width - rawRows.get(r)[j].length())));
        }
      }
      result.add(row.toString());
    }
    return result;
  }

  /**
   * The cells of {@code line} at the given offsets (padding removed, the last cell as it is), or
   * null when the line does not line up with them.
   */
  private static String[] cut(String line, int[] starts) {
    String[] cells = new String[starts.length];
    for (int j = 0; j < starts.length; j++) {
      int from = starts[j];
      if (from >= line.length()) {
        cells[j] = "";
        continue;
      }
      if (j > 0 && line.charAt(from - 1) != ' ') {
        return null;
      }
      boolean last = j == starts.length - 1;
      int to = last ? line.length() : Math.min(line.length(), starts[j + 1]);
      String cell = line.substring(from, to);
      if (!last) {
        cell = cell.stripTrailing();
      }
      if (!cell.isEmpty() && cell.charAt(0) == ' ') {
        return null;
      }
      cells[j] = cell;
    }
    return cells;
  }

  private static Rule rule(String regex, String replacement) {
    return new Rule(Pattern.compile(regex), replacement);
  }
}
