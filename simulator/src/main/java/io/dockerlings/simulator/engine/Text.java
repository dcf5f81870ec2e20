package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.Units;
import java.time.Duration;

/**
 * How the docker CLI writes durations and sizes for people: {@code About a minute}, {@code 4.26MB},
 * and its truncation of long cells with an ellipsis.
 */
final class Text {

  private Text() {}

  /** A duration in words, with the CLI's thresholds: {@link Units#humanDuration}. */
  static String duration(Duration d) {
    return Units.humanDuration(d);
  }

  /** {@code 5 seconds ago}. */
  static String ago(Duration d) {
    return Units.humanDuration(d) + " ago";
  }

  /**
   * A size as the CLI's listings print it ({@code images}, {@code history}, {@code ps -s}):
   * go-units' HumanSizeWithPrecision with 3 digits, Go's {@code %.3g}: {@code 4.26MB}, {@code 0B},
   * {@code 1.12kB} for 1125 bytes (the binary half rounds to even), {@code 1e+03kB} for 999600
   * bytes.
   */
  static String size(long bytes) {
    return Units.humanSize(bytes);
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
