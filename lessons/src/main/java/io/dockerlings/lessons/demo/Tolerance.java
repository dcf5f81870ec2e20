package io.dockerlings.lessons.demo;

import java.util.Locale;
import java.util.Optional;

/**
 * How far a measurement may lie from the model's value: an absolute amount ({@code 5}) or a share
 * of the value ({@code 15%}).
 *
 * @param amount the absolute amount, or the percentage when {@code relative}
 * @param relative whether {@code amount} is a percentage of the expected value
 */
public record Tolerance(double amount, boolean relative) {
  /** No tolerance: numbers must be equal. */
  public static final Tolerance EXACT = new Tolerance(0, false);

  /** Reads {@code 5}, {@code 0.5} or {@code 15%}; empty when it is neither. */
  public static Optional<Tolerance> parse(String text) {
    String t = text.strip();
    boolean rel = t.endsWith("%");
    try {
      double v = Double.parseDouble(rel ? t.substring(0, t.length() - 1).strip() : t);
      return v < 0 ? Optional.empty() : Optional.of(new Tolerance(v, rel));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code measured} lies within this tolerance of {@code expected}. */
  public boolean within(double measured, double expected) {
    double allowed = relative ? Math.abs(expected) * amount / 100 : amount;
    return Math.abs(measured - expected) <= allowed + 1e-9;
  }

  /** {@code ±15%} or {@code ±5}. */
  public String shown() {
    String n =
        amount == Math.rint(amount)
            ? Long.toString((long) amount)
            : String.format(Locale.ROOT, "%.2f", amount);
    return "\u00b1" + n + (relative ? "%" : "");
  }
}
