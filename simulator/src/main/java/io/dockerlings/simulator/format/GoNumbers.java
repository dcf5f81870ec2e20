package io.dockerlings.simulator.format;

import java.math.BigDecimal;

/** Go's text forms of float64 values: {@code %v} (shortest {@code %g}) and JSON's encoding. */
final class GoNumbers {
  private GoNumbers() {}

  /** The shortest decimal text that reads back as {@code d}, in Java's notation. */
  static String shortest(double d) {
    return Double.toString(d);
  }

  /**
   * Go's {@code %e} form of a value with its own digits: {@code d.ddde±XX}, with at least two
   * exponent digits; JSON drops the zero of a one-digit negative exponent ({@code 1e-7}).
   */
  static String exponent(BigDecimal value, boolean json) {
    BigDecimal v = value.stripTrailingZeros();
    String digits = v.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - v.scale();
    StringBuilder out = new StringBuilder();
    if (v.signum() < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10 && !(json && exp < 0)) {
      out.append('0');
    }
    return out.append(a).toString();
  }

  /** Go's {@code %v} of a float64: shortest digits, exponent form below 1e-4 or from 1e6. */
  static String format(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal v = new BigDecimal(shortest(d)).stripTrailingZeros();
    int exp = v.precision() - 1 - v.scale();
    if (exp < -4 || exp >= 6) {
      return exponent(v, false);
    }
    return v.toPlainString();
  }
}
