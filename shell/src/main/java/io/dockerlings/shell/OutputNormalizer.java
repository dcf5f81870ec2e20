package io.dockerlings.shell;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one docker command's output into lines whose comparison keys hide what must differ between
 * two engines (ids, digests, times, sizes, generated names, ephemeral host ports, host pids,
 * measured timings) and column widths; everything else, IP addresses included, is kept verbatim.
 */
final class OutputNormalizer {

  /** What a placeholder stands for; {@link #word} names it in a verdict. */
  enum Kind {
    ID("ids"),
    TIME("times"),
    SIZE("sizes"),
    NAME("names"),
    PORT("ports"),
    PID("pids"),
    MEASUREMENT("measurements");

    final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  /**
   * One line of output.
   *
   * @param raw the line as printed, without its line break
   * @param key what the line is compared by: placeholders for what must differ, and for a table row
   *     its cells joined by {@link #CELL_SEPARATOR} so that column widths do not count
   * @param replacements what was replaced to make {@code key}, in order
   */
  record Line(String raw, String key, List<Replacement> replacements) {
    Line {
      replacements = List.copyOf(replacements);
    }

    /** The kinds of what was replaced. */
    Set<Kind> replaced() {
      Set<Kind> kinds = EnumSet.noneOf(Kind.class);
      replacements.forEach(r -> kinds.add(r.kind()));
      return kinds;
    }

    /** The texts that were replaced by placeholders of {@code kind}, in order. */
    List<String> originals(Kind kind) {
      return replacements.stream()
          .filter(r -> r.kind() == kind)
          .map(Replacement::original)
          .toList();
    }
  }

  /** One piece of text a placeholder hides. */
  record Replacement(Kind kind, String original) {}

  /** Joins the cells of a table row in a key; docker never prints it inside a cell. */
  static final String CELL_SEPARATOR = " | ";

  // Docker's random names are adjective_surname, with a digit added when the first pick collided.
  private static final Pattern GENERATED_NAME = Pattern.compile("[a-z]+_[a-z]+[0-9]?");

  // units.HumanDuration's wording, as used in CREATED and STATUS columns.
  private static final String DURATION =
      "(?:Less than a second|About a minute|About an hour"
          + "|[0-9]+ (?:second|minute|hour|day|week|month|year)s?)";

  private static final int EPHEMERAL_LOW = 32768;
  private static final int EPHEMERAL_HIGH = 60999;

  /** A header: upper-case cells such as {@code CONTAINER ID}, two or more of them. */
  private static final Pattern HEADER =
      Pattern.compile("[A-Z%][A-Z%/.()_-]*(?: [A-Z%/.()_-]+)*(?: {2,}[A-Z%][A-Z%/.()_ -]*)+ *");

  private static final Pattern HEADER_CELL = Pattern.compile("\\S+(?: \\S+)*");

  // Error lines state limits ("Minimum memory limit allowed is 6MB."): sizes there are content.
  private static final Pattern ERROR_LINE =
      Pattern.compile("^(?:docker: )?(?:Error|error)\\b|Error response from daemon");

  // IP addresses are deliberately not among these: bridge IPAM hands out 172.17.0.2, .3... in
  // the same order on both engines, and which container got which address is a lesson topic.
  private static final List<Rule> RULES =
      List.of(
          // RFC 3339 with optional nanos (Go trims trailing zeros); the zero time means "never".
          new Rule(
              "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?"
                  + "(?:Z|[+-][0-9]{2}:[0-9]{2})",
              Kind.TIME, m -> m.group().startsWith("0001-01-01T00:00:00") ? m.group() : "<time>"),
          // Go's time.String(), as in {{.CreatedAt}}: 2026-11-23 12:00:00 +0000 UTC.
          new Rule(
              "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?"
                  + " [+-][0-9]{4} [A-Z]{2,5}",
              Kind.TIME, m -> "<time>"),
          new Rule("sha256:[0-9a-f]{64}(?![0-9a-zA-Z_])", Kind.ID, m -> "<digest>"),
          // The content hash in a COPY or ADD history line (cut short with an ellipsis by
          // history): each builder hashes the file with its own tar headers.
          new Rule("(?<=\\b(?:file|dir):)[0-9a-f]{8,64}…?", Kind.ID, m -> "<digest>"),
          new Rule(
              "(?<![0-9a-zA-Z_])(?:[0-9a-f]{64}|[0-9a-f]{12})(?![0-9a-zA-Z_])",
              Kind.ID,
              m -> "<id>"),
          new Rule("(?<=\\bUp )" + DURATION, Kind.TIME, m -> "<time>"),
          new Rule(DURATION + "(?= ago\\b)", Kind.TIME, m -> "<time>"),
          // A published port the engine picked itself: ADDRESS:PORT in ps, port and inspect.
          new Rule(
              "(?<![0-9.:])((?:[0-9]{1,3}\\.){3}[0-9]{1,3}|::|\\[::])(:[0-9]{5})(?![0-9])",
              Kind.PORT,
              m -> ephemeral(m.group(2).substring(1)) ? m.group(1) + ":<port>" : m.group()),
          // The end of a compacted range, 0.0.0.0:32768-32769->80-81/tcp.
          new Rule(
              "(?<=:<port>-)[0-9]{5}(?![0-9])",
              Kind.PORT, m -> ephemeral(m.group()) ? "<port>" : m.group()),
          new Rule(
              "(\"HostPort\": \")([0-9]{5})\"",
              Kind.PORT, m -> ephemeral(m.group(2)) ? m.group(1) + "<port>\"" : m.group()),
          new Rule("(\"Pid\": )([1-9][0-9]*)", Kind.PID, m -> m.group(1) + "<pid>"),
          // docker inspect's own name of a container; a chosen name of the same shape is hidden
          // too.
          new Rule(
              "(\"Name\": \"/)([a-z]+_[a-z]+[0-9]?)\"", Kind.NAME, m -> m.group(1) + "<name>\""),
          // Round trips are measured: they differ between two runs of the same engine.
          new Rule("(?<=\\btime=)[0-9]+(?:\\.[0-9]+)? ms", Kind.MEASUREMENT, m -> "<ms>"),
          new Rule("(?<=min/avg/max = )[0-9.]+/[0-9.]+/[0-9.]+ ms", Kind.MEASUREMENT, m -> "<ms>"));

  private static final Rule SIZE =
      new Rule(
          "(?<![0-9a-zA-Z_.])[0-9]+(?:\\.[0-9]+)?(?:B|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)"
              + "(?![0-9a-zA-Z_])",
          Kind.SIZE,
          m -> "<size>");

  private final Set<String> generatedNames;
  private final List<Pattern> generatedNamePatterns;

  /**
   * A normalizer that also hides {@code generatedNames}, names the caller knows an engine made up
   * (from {@code docker run} without {@code --name}), wherever they appear as a whole word.
   */
  OutputNormalizer(Set<String> generatedNames) {
    this.generatedNames = Set.copyOf(generatedNames);
    this.generatedNamePatterns =
        this.generatedNames.stream()
            .map(n -> Pattern.compile("(?<![\\w.-])" + Pattern.quote(n) + "(?![\\w.-])"))
            .toList();
  }

  /** A normalizer that knows no generated names; NAMES columns are still recognised by shape. */
  static OutputNormalizer standard() {
    return new OutputNormalizer(Set.of());
  }

  /** The lines of {@code output}, each with its comparison key; no line for a final line break. */
  List<Line> normalize(String output) {
    List<String> lines = output.lines().toList();
    List<Line> result = new ArrayList<>(lines.size());
    List<Column> table = List.of();
    boolean tableMayStart = true;
    for (String raw : lines) {
      if (raw.isBlank()) {
        table = List.of();
        tableMayStart = true;
        result.add(plain(raw));
        continue;
      }
      // A header starts a table at the top of the output or of a section (after a blank line or
      // a title such as "Images space usage:"); elsewhere an upper-case line is just text.
      if (tableMayStart && HEADER.matcher(raw).matches()) {
        table = columns(raw);
      }
      tableMayStart = raw.endsWith(":");
      List<String> cells = table.isEmpty() ? null : cut(raw, table);
      if (cells == null) {
        table = List.of();
        result.add(plain(raw));
      } else {
        result.add(row(raw, cells, table));
      }
    }
    return result;
  }

  /** The keys of {@link #normalize}, one per line: handy for tests and logs. */
  String keys(String output) {
    StringBuilder b = new StringBuilder();
    for (Line line : normalize(output)) {
      b.append(line.key()).append('\n');
    }
    return b.toString();
  }

  private Line plain(String raw) {
    List<Replacement> replaced = new ArrayList<>();
    String key = tokens(raw.stripTrailing(), replaced, !ERROR_LINE.matcher(raw).find());
    return new Line(raw, key, replaced);
  }

  private Line row(String raw, List<String> cells, List<Column> columns) {
    List<Replacement> replaced = new ArrayList<>();
    List<String> keys = new ArrayList<>(cells.size());
    boolean containerTable = columns.stream().anyMatch(c -> c.name().equals("CONTAINER ID"));
    for (int i = 0; i < cells.size(); i++) {
      keys.add(cell(cells.get(i), columns.get(i).name(), containerTable, replaced));
    }
    return new Line(raw, String.join(CELL_SEPARATOR, keys), replaced);
  }

  private String cell(
      String text, String column, boolean containerTable, List<Replacement> replaced) {
    if (text.equals(column)) {
      return text; // the header itself
    }
    switch (column) {
      case "PID", "PPID", "PGID", "SID" -> {
        // Host pids in docker top: each engine numbers its processes as the host kernel did.
        if (text.matches("[0-9]+")) {
          replaced.add(new Replacement(Kind.PID, text));
          return "<pid>";
        }
      }
      case "STIME", "START" -> {
        replaced.add(new Replacement(Kind.TIME, text));
        return "<time>";
      }
      case "CPU %", "MEM %", "%CPU", "%MEM" -> {
        if (text.matches("[0-9.]+%?|--")) {
          replaced.add(new Replacement(Kind.MEASUREMENT, text));
          return "<pct>";
        }
      }
      case "VSZ", "RSS" -> {
        // docker top CONTAINER aux: memory the host kernel measured, in KiB.
        if (text.matches("[0-9]+")) {
          replaced.add(new Replacement(Kind.MEASUREMENT, text));
          return "<kib>";
        }
      }
      case "NAMES", "NAME" -> {
        // NAME is a container's only in docker stats; elsewhere it names networks or volumes.
        if ((column.equals("NAMES") || containerTable) && generated(text)) {
          replaced.add(new Replacement(Kind.NAME, text));
          return "<name>";
        }
      }
      default -> {}
    }
    return tokens(text, replaced, true);
  }

  private String tokens(String text, List<Replacement> replaced, boolean sizes) {
    String s = text;
    for (Rule rule : RULES) {
      s = rule.apply(s, replaced);
    }
    if (sizes) {
      s = SIZE.apply(s, replaced);
    }
    for (Pattern name : generatedNamePatterns) {
      s = new Rule(name, Kind.NAME, m -> "<name>").apply(s, replaced);
    }
    return s;
  }

  private boolean generated(String cell) {
    // Links show as "db,web/db"; a cell is generated when each of its names is.
    for (String name : cell.split(",")) {
      if (!GENERATED_NAME.matcher(name).matches() && !generatedNames.contains(name)) {
        return false;
      }
    }
    return !cell.isEmpty();
  }

  private static boolean ephemeral(String port) {
    int p = Integer.parseInt(port);
    return p >= EPHEMERAL_LOW && p <= EPHEMERAL_HIGH;
  }

  /** A table column: its header text and where its cells start. */
  private record Column(String name, int start) {}

  private static List<Column> columns(String header) {
    List<Column> columns = new ArrayList<>();
    Matcher m = HEADER_CELL.matcher(header);
    while (m.find()) {
      columns.add(new Column(m.group().toUpperCase(Locale.ROOT), m.start()));
    }
    return List.copyOf(columns);
  }

  /**
   * The cells of a table row, cut where the header's cells start; {@code null} when the line does
   * not fit the table (text that would be cut inside a word), which ends the table.
   */
  private static List<String> cut(String raw, List<Column> columns) {
    List<String> cells = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      int start = columns.get(i).start();
      int end = i + 1 < columns.size() ? columns.get(i + 1).start() : raw.length();
      if (start > 0 && start < raw.length() && raw.charAt(start - 1) != ' ') {
        return null;
      }
      cells.add(start >= raw.length() ? "" : raw.substring(start, Math.min(end, raw.length())));
    }
    return cells.stream().map(String::strip).toList();
  }

  /** One replacement: what to find, what it hides, and what to put instead. */
  private record Rule(Pattern pattern, Kind kind, Function<MatchResult, String> replacement) {
    Rule(String regex, Kind kind, Function<MatchResult, String> replacement) {
      this(Pattern.compile(regex), kind, replacement);
    }

    String apply(String s, List<Replacement> done) {
      return pattern
          .matcher(s)
          .replaceAll(
              r -> {
                String to = replacement.apply(r);
                if (!to.equals(r.group())) {
                  done.add(new Replacement(kind, r.group()));
                }
                return Matcher.quoteReplacement(to);
              });
    }
  }
}
