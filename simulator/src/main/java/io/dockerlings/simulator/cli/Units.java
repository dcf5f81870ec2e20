package io.dockerlings.simulator.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human units of the docker CLI (its go-units library): durations in words with the exact
 * thresholds ({@code About a minute}, {@code 3 weeks}), decimal and binary sizes printed with Go's
 * {@code %g} ({@code 4.26MB}, {@code 64MiB}), and size strings parsed as {@code -m 64m} parses
 * them.
 */
public final class Units {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final String[] BINARY = {
    "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"
  };

  /** go-units' size grammar; {@code (\.\d+)*} lets "1.2.3" through to fail in ParseFloat. */
  private static final Pattern SIZE =
      Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  private Units() {}

  /**
   * A duration in words: {@code Less than a second}, {@code 1 second}, {@code N seconds}, {@code
   * About a minute}, {@code N minutes}, {@code About an hour}, {@code N hours} (below 48), {@code N
   * days} (below two weeks), {@code N weeks} (below 60 days), {@code N months} (below two years),
   * {@code N years}. Negative durations read as less than a second, as in Go.
   */
  public static String humanDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 1) {
      return "Less than a second";
    }
    if (seconds == 1) {
      return "1 second";
    }
    if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = d.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    }
    if (minutes < 60) {
      return minutes + " minutes";
    }
    // Go rounds hours half up here: int(d.Hours() + 0.5). Whole milliseconds, as the engine's
    // listings have always counted them, and they do not overflow where nanoseconds would (292y).
    long hours = Math.round(d.toMillis() / 3_600_000.0);
    if (hours == 1) {
      return "About an hour";
    }
    if (hours < 48) {
      return hours + " hours";
    }
    if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    }
    if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return d.toHours() / 24 / 365 + " years";
  }

  /** The CREATED column: {@code 5 minutes ago}. */
  public static String ago(Instant then, Instant now) {
    return humanDuration(Duration.between(then, now)) + " ago";
  }

  /** The STATUS of a running container: {@code Up 3 seconds}. */
  public static String up(Instant startedAt, Instant now) {
    return "Up " + humanDuration(Duration.between(startedAt, now));
  }

  /** The STATUS of a stopped container: {@code Exited (137) 2 minutes ago}. */
  public static String exited(int exitCode, Instant finishedAt, Instant now) {
    return "Exited (" + exitCode + ") " + ago(finishedAt, now);
  }

  /**
   * A size in decimal units with three significant digits, as the SIZE columns of {@code docker
   * images}, {@code history} and {@code ps -s} print it: {@code 0B}, {@code 1.24kB}, {@code
   * 4.26MB}.
   */
  public static String humanSize(long bytes) {
    return humanSize(bytes, 3);
  }

  /** A size in decimal units with {@code precision} significant digits (go-units: 4 digits). */
  public static String humanSize(double bytes, int precision) {
    return scaled(bytes, 1000, DECIMAL, precision);
  }

  /** A size in binary units with four significant digits: {@code 64MiB}, {@code 23.54GiB}. */
  public static String bytesSize(double bytes) {
    return scaled(bytes, 1024, BINARY, 4);
  }

  private static String scaled(double size, double base, String[] units, int precision) {
    int i = 0;
    while (size >= base && i < units.length - 1) {
      size /= base;
      i++;
    }
    return formatG(size, precision) + units[i];
  }

  /** Go's {@code %.Ng}: shortest of plain and exponent form, trailing zeros dropped. */
  static String formatG(double v, int precision) {
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
    }
    BigDecimal rounded =
        new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= precision) {
      BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
      return mantissa.toPlainString()
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /**
   * Parses a size as {@code -m}, {@code --memory-swap} and {@code --shm-size} do: {@code 64m},
   * {@code 1g}, {@code 512k}, {@code 100b}, {@code 1.5GiB}; binary multiples.
   *
   * @throws IllegalArgumentException worded as the CLI words it: {@code invalid size: '64x'}
   */
  public static long ramInBytes(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size: '" + text + "'");
    }
    double size = GoParse.parseFloat(m.group(1));
    if (m.group(3) != null) {
      int power = "kmgtp".indexOf(Character.toLowerCase(m.group(3).charAt(0))) + 1;
      size *= Math.pow(1024, power);
    }
    // Go's float-to-int64 conversion on amd64: beyond the range is the smallest int64.
    return size >= 0x1p63 || Double.isNaN(size) ? Long.MIN_VALUE : (long) size;
  }
}
