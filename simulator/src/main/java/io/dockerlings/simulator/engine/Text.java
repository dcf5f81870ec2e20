package io.dockerlings.simulator.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * How the docker CLI writes durations and sizes for people: {@code About a minute}, {@code 4.26MB},
 * and its truncation of long cells with an ellipsis.
 */
final class Text {
  private static final String[] DECIMAL_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

  private Text() {}

  /** A duration in words, with the CLI's thresholds ({@code Less than a second} ... years). */
  static String duration(Duration d) {
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

  /** {@code 5 seconds ago}. */
  static String ago(Duration d) {
    return duration(d) + " ago";
  }

  /** A size in decimal units with three significant digits: {@code 4.26MB}, {@code 0B}. */
  static String size(long bytes) {
    double v = bytes;
    int unit = 0;
    while (v >= 1000 && unit < DECIMAL_UNITS.length - 1) {
      v /= 1000;
      unit++;
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(3));
    String digits = rounded.stripTrailingZeros().toPlainString();
    return digits + DECIMAL_UNITS[unit];
  }

  /** Cuts {@code s} to {@code max} characters, the last being an ellipsis, as tables do. */
  static String ellipsis(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    int end = s.offsetByCodePoints(0, max - 1);
    return s.substring(0, end) + "…";
  }
}
