package io.dockerlings.simulator;

import java.util.regex.Pattern;

/**
 * Makes a real engine's output and the simulator's comparable: replaces what must differ between
 * two runs (ids, digests, times, sizes) by placeholders, the same way on both sides.
 *
 * <p>Column widths stay checked wherever a line has nothing replaced. A table row in which a
 * placeholder replaced text of a different width has its runs of spaces collapsed to two, since the
 * tabwriter pads later columns by the replaced text's width.
 */
final class Normalizer {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final Pattern LONG_ID = Pattern.compile("\\b[0-9a-f]{64}\\b");
  private static final Pattern SHORT_ID = Pattern.compile("\\b[0-9a-f]{12}\\b");
  private static final Pattern AGO =
      Pattern.compile(
          "(Less than a second|\\d+ seconds?|About a minute|\\d+ minutes|About an hour|\\d+ hours|\\d+ days|\\d+ weeks|\\d+ months|\\d+ years)( ago)?");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z| \\+0000 UTC)?");
  private static final Pattern SIZE = Pattern.compile("\\b\\d+(\\.\\d+)?(B|kB|MB|GB)\\b");
  private static final Pattern NAME = Pattern.compile("\\b[a-z]+_[a-z]+\\d?\\b");

  private final boolean names;

  Normalizer(boolean names) {
    this.names = names;
  }

  String normalize(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String n = DIGEST.matcher(line).replaceAll("sha256:<DIGEST>");
      n = LONG_ID.matcher(n).replaceAll("<ID>");
      n = SHORT_ID.matcher(n).replaceAll("<ID12>");
      n = TIMESTAMP.matcher(n).replaceAll("<TIME>");
      n = AGO.matcher(n).replaceAll("<AGO>");
      n = SIZE.matcher(n).replaceAll("<SIZE>");
      if (names) {
        n = NAME.matcher(n).replaceAll("<NAME>");
      }
      if (!n.equals(line) && n.contains("  ")) {
        n = n.replaceAll(" {2,}", "  ").stripTrailing();
      }
      out.append(n).append('\n');
    }
    return out.toString();
  }
}
