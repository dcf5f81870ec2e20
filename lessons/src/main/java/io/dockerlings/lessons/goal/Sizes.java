package io.dockerlings.lessons.goal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts as lessons write them: docker's flag units ({@code 64m}, {@code 1g}: powers of 1024,
 * as {@code -m} reads them), {@code KiB/MiB/GiB} (1024) and {@code kB/MB/GB} (1000, as {@code
 * docker images} prints sizes).
 */
public final class Sizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

  private Sizes() {}

  /** The number of bytes {@code text} names. */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: '" + text + "' (write 64m, 10MB, 512)");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    long factor =
        switch (unit.toLowerCase(Locale.ROOT)) {
          case "", "b" -> 1L;
          case "k", "kib" -> 1L << 10;
          case "m", "mib" -> 1L << 20;
          case "g", "gib" -> 1L << 30;
          case "kb" -> 1000L;
          case "mb" -> 1000_000L;
          case "gb" -> 1000_000_000L;
          default ->
              throw new IllegalArgumentException(
                  "unknown size unit '"
                      + unit
                      + "' in '"
                      + text
                      + "' (b, k, m, g, KiB, MiB, kB, MB)");
        };
    return Math.round(n * factor);
  }

  /** A byte count the way a person reads it: {@code 64MiB}, {@code 1.5GiB}, {@code 512B}. */
  public static String human(long bytes) {
    if (bytes < 0) {
      return Long.toString(bytes);
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    String n = v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    return n + units[u];
  }
}
