package io.dockerlings.lessons.demo;

import java.util.Locale;
import java.util.Optional;

/**
 * A measured quantity: a number (a CPU share, an exit code, a ratio) or a text (yes/no, an output,
 * a list of build steps), as the model computed it or the engine showed it.
 *
 * @param number the value when it is a number
 * @param text how it is shown
 */
public record Value(Optional<Double> number, String text) {
  /** A number, shown with at most two decimals. */
  public static Value of(double number) {
    String shown =
        number == Math.rint(number) && Math.abs(number) < 1e9
            ? Long.toString((long) number)
            : String.format(Locale.ROOT, "%.2f", number);
    return new Value(Optional.of(number), shown);
  }

  /** A text. */
  public static Value text(String text) {
    return new Value(Optional.empty(), text.strip());
  }

  /** A yes or no. */
  public static Value of(boolean yes) {
    return text(Boolean.toString(yes));
  }

  /**
   * Whether this value agrees with {@code expected} within {@code tolerance}: numbers within it,
   * texts equal.
   */
  public boolean agrees(Value expected, Tolerance tolerance) {
    if (number.isPresent() && expected.number.isPresent()) {
      return tolerance.within(number.get(), expected.number.get());
    }
    return text.equals(expected.text);
  }
}
