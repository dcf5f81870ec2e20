package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.measure.Value;
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

  /**
   * The tolerance of a predict step as the lessons loader reads it: {@code relative} ones are a
   * fraction ({@code 0.15} for {@code 15%}).
   */
  public static Tolerance of(double tolerance, boolean relative) {
    double amount = relative ? Math.round(tolerance * 100 * 1e6) / 1e6 : tolerance;
    return new Tolerance(amount, relative);
  }

  /**
   * Whether a measured value agrees with the {@code expected} one: numbers within this tolerance,
   * texts equal.
   */
  public boolean agrees(Value measured, Value expected) {
    if (measured.number().isPresent() && expected.number().isPresent()) {
      return within(measured.number().get(), expected.number().get());
    }
    return measured.text().equals(expected.text());
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
