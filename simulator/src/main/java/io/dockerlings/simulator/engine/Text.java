package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.Units;
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

  /** A duration in words, with the CLI's thresholds: {@link Units#humanDuration}. */
  static String duration(Duration d) {
    return Units.humanDuration(d);
  }

  /** {@code 5 seconds ago}. */
  static String ago(Duration d) {
    return Units.humanDuration(d) + " ago";
  }

  /** A size in decimal units with three significant digits: {@code 4.26MB}, {@code 0B}. */
  static String size(long bytes) {
    // Not Units.humanSize, which is Go's %.3g: this rounds exact halves up (1125 bytes: 1.13kB,
    // Go 1.12kB) and writes no exponent (999600 bytes: 1000kB, Go 1e+03kB). Kept as the listings
    // have always printed it; moving them to Units would change those outputs.
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
