package io.dockerlings.lessons.measure;

import java.util.Locale;
import java.util.Optional;

/**
 * What a quantity measured: a number (a CPU share, a byte count, an exit code) or a text (a state,
 * an address, a layer's instruction).
 *
 * @param number the value as a number, when it is one
 * @param text the value as the learner reads it
 */
public record Value(Optional<Double> number, String text) {

  /** A number, shown without a fraction when it has none. */
  public static Value of(double n) {
    String t =
        n == Math.rint(n) && Math.abs(n) < 1e15
            ? Long.toString((long) n)
            : String.format(Locale.ROOT, "%.2f", n);
    return new Value(Optional.of(n), t);
  }

  /** A text; it is also a number when it reads as one. */
  public static Value of(String text) {
    String t = text.strip();
    try {
      return new Value(Optional.of(Double.parseDouble(t.replace("%", ""))), t);
    } catch (NumberFormatException e) {
      return new Value(Optional.empty(), t);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
