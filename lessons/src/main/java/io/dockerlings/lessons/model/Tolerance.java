package io.dockerlings.lessons.model;

import io.dockerlings.lessons.goal.Fields;

/**
 * How far a measured number may lie from the expected one: absolute ({@code 5}) or relative to the
 * expected value ({@code "10%"}).
 *
 * @param amount the allowed difference, or the fraction of the expected value when {@code relative}
 * @param relative whether {@code amount} is a fraction of the expected value
 */
public record Tolerance(double amount, boolean relative) {
  /** No difference allowed. */
  public static final Tolerance EXACT = new Tolerance(0, false);

  /** Whether {@code got} is within this tolerance of {@code expected}. */
  public boolean accepts(double expected, double got) {
    double allowed = relative ? Math.abs(expected) * amount : amount;
    return Math.abs(got - expected) <= allowed + 1e-9;
  }

  /** Whether any difference is allowed. */
  public boolean isExact() {
    return amount == 0;
  }

  /** {@code 5} or {@code 10%}, as the file says it. */
  public String describe() {
    double shown = relative ? amount * 100 : amount;
    String n = shown == Math.rint(shown) ? Long.toString((long) shown) : Double.toString(shown);
    return relative ? n + "%" : n;
  }

  /** Reads {@code 5} or {@code "10%"}; a missing field is exact. */
  static Tolerance parse(Fields f) {
    if (f.node().isMissingNode() || f.node().isNull()) {
      return EXACT;
    }
    String t = f.text().trim();
    boolean rel = t.endsWith("%");
    double v;
    try {
      v = Double.parseDouble(rel ? t.substring(0, t.length() - 1) : t);
    } catch (NumberFormatException e) {
      throw f.error("tolerance is a number or a percentage (5, \"10%\")");
    }
    if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      throw f.error("tolerance is a number or a percentage (5, \"10%\")");
    }
    return new Tolerance(rel ? v / 100 : v, rel);
  }
}
