package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * busybox {@code cut}: characters or bytes ({@code -c}, {@code -b}) or delimited fields ({@code -f}
 * with {@code -d}, {@code -s}, {@code -O}) chosen by a list of positions and ranges. Each position
 * is printed once and in ascending order, whatever the order of the list, as busybox does.
 */
final class CutApplet {
  private CutApplet() {}

  private static final String USAGE =
      "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n"
          + "Usage: cut [OPTIONS] [FILE]...\n\n"
          + "Print selected fields from FILEs to stdout\n\n"
          + "\t-b LIST\tOutput only bytes from LIST\n"
          + "\t-c LIST\tOutput only characters from LIST\n"
          + "\t-d SEP\tField delimiter for input (default -f TAB, -F run of whitespace)\n"
          + "\t-O SEP\tField delimiter for output (default = -d for -f, one space for -F)\n"
          + "\t-D\tDon't sort/collate sections or match -fF lines without delimiter\n"
          + "\t-f LIST\tPrint only these fields (-d is single char)\n"
          + "\t-F LIST\tPrint only these fields (-d is regex)\n"
          + "\t-s\tOutput only lines containing delimiter\n"
          + "\t-n\tIgnored\n";

  /** One element of a list, 1-based and inclusive; {@code to} is MAX_VALUE for an open end. */
  record Range(int from, int to) {
    boolean contains(int position) {
      return position >= from && position <= to;
    }
  }

  static int run(List<String> argv, AppletContext c) {
    GetOpt.Result parsed = GetOpt.split(argv, "b:c:d:f:O:snD");
    if (parsed.error().isPresent()) {
      c.err("cut: " + parsed.error().get() + "\n" + USAGE);
      return 1;
    }
    List<String> words = parsed.argv();
    boolean operands = false;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (operands) {
        continue;
      }
      if (w.equals("--")) {
        operands = true;
      } else if (List.of("-b", "-c", "-d", "-f", "-O").contains(w)) {
        i++;
      } else if (w.startsWith("-") && w.length() > 1 && !List.of("-s", "-n", "-D").contains(w)) {
        // An option letter cut does not know (getopt left the word as it was).
        c.err("cut: invalid option -- '" + w.charAt(1) + "'\n" + USAGE);
        return 1;
      }
    }
    char kind = 0;
    String list = "";
    char delim = '\t';
    Optional<String> outDelim = Optional.empty();
    boolean onlyDelimited = false;
    List<String> files = new ArrayList<>();
    boolean afterDashes = false;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (afterDashes || w.equals("--")) {
        if (afterDashes) {
          files.add(w);
        }
        afterDashes = true;
        continue;
      }
      switch (w) {
        case "-b", "-c", "-f" -> {
          if (kind != 0) {
            // Only one kind of list may be given: busybox answers with its usage alone.
            c.err(USAGE);
            return 1;
          }
          kind = w.charAt(1);
          list = words.get(++i);
        }
        case "-d" -> {
          // The first byte of the word, as busybox takes it.
          String d = latin1(words.get(++i).getBytes(StandardCharsets.UTF_8));
          delim = d.isEmpty() ? '\0' : d.charAt(0);
        }
        case "-O" ->
            outDelim = Optional.of(latin1(words.get(++i).getBytes(StandardCharsets.UTF_8)));
        case "-s" -> onlyDelimited = true;
        case "-n", "-D" -> {
          // -n is ignored by busybox; -D only keeps the list's order, which ascending output
          // matches for the usual sorted lists.
        }
        default -> files.add(w);
      }
    }
    if (kind == 0) {
      c.err("cut: expected a list of bytes, characters, or fields\n");
      return 1;
    }
    List<Range> ranges;
    try {
      ranges = ranges(list);
    } catch (NumberFormatException e) {
      c.err("cut: invalid number '" + e.getMessage() + "'\n");
      return 1;
    } catch (IllegalArgumentException e) {
      c.err("cut: " + e.getMessage() + "\n");
      return 1;
    }
    int status = 0;
    // Lines are cut as bytes (one char per byte): this busybox counts -c in bytes too.
    StringBuilder out = new StringBuilder();
    for (String f : files.isEmpty() ? List.of("-") : files) {
      byte[] data;
      if (f.equals("-")) {
        data = c.stdinBytes();
      } else {
        try {
          data = c.fs().read(c.resolve(f), Limits.FILE_BYTES);
        } catch (FsException e) {
          c.err("cut: " + f + ": " + e.reason().text() + "\n");
          status = 1;
          continue;
        }
      }
      for (String line : TextApplets.lines(latin1(data))) {
        String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        if (kind != 'f') {
          out.append(characters(body, ranges)).append('\n');
        } else if (body.indexOf(delim) < 0) {
          if (!onlyDelimited) {
            out.append(body).append('\n');
          }
        } else {
          String joiner = outDelim.orElse(String.valueOf(delim));
          out.append(fields(body, delim, joiner, ranges)).append('\n');
        }
      }
    }
    TextApplets.emitBytes(c, out.toString().getBytes(StandardCharsets.ISO_8859_1));
    return status;
  }

  private static String latin1(byte[] data) {
    return new String(data, StandardCharsets.ISO_8859_1);
  }

  /**
   * Parses {@code 1-3,5,7-}: a missing start is 1, a missing end is the line's end, 0 counts as 1,
   * and an end just before its start selects the start alone; an end further back is refused.
   *
   * @throws NumberFormatException whose message is the part that is not a number
   * @throws IllegalArgumentException for an end before its start, in busybox's words ({@code 1<2})
   */
  static List<Range> ranges(String list) {
    List<Range> out = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      int dash = part.indexOf('-');
      String lo = dash < 0 ? part : part.substring(0, dash);
      String hi = dash < 0 ? part : part.substring(dash + 1);
      int from = lo.isEmpty() && dash >= 0 ? 1 : Math.max(1, number(lo));
      int to = hi.isEmpty() && dash >= 0 ? Integer.MAX_VALUE : number(hi);
      int start = lo.isEmpty() ? 1 : number(lo);
      if (to < start - 1) {
        throw new IllegalArgumentException(to + "<" + (start - 1));
      }
      out.add(new Range(from, Math.max(from, to)));
    }
    return out;
  }

  private static int number(String text) {
    if (!text.matches("\\d{1,9}")) {
      throw new NumberFormatException(text);
    }
    return Integer.parseInt(text);
  }

  private static boolean chosen(List<Range> ranges, int position) {
    return ranges.stream().anyMatch(r -> r.contains(position));
  }

  static String characters(String line, List<Range> ranges) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      if (chosen(ranges, i + 1)) {
        b.append(line.charAt(i));
      }
    }
    return b.toString();
  }

  static String fields(String line, char delim, String joiner, List<Range> ranges) {
    String[] parts = line.split(java.util.regex.Pattern.quote(String.valueOf(delim)), -1);
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (chosen(ranges, i + 1)) {
        picked.add(parts[i]);
      }
    }
    return String.join(joiner, picked);
  }
}
