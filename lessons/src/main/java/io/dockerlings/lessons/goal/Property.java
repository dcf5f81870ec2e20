package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.text.Text;
import java.util.Optional;
import java.util.function.Function;

/**
 * One property a goal asks of an object (a container, an image): what it wants, and how to tell
 * what differs in a given object.
 *
 * @param key the YAML key ({@code publishes})
 * @param wants what is asked, as a phrase ("publishes 80/tcp -> 8080")
 * @param differs the phrase naming what differs ("publishes 8081, not 8080"), empty when it holds
 * @param <T> the object's type
 */
public record Property<T>(String key, Text wants, Function<T, Optional<Text>> differs) {

  /** A property comparing one value of the object with the value asked for, by equality. */
  public static <T> Property<T> equal(
      String key, String expected, Function<T, String> actual, String en, String zh) {
    Text wants = new Text(en + " " + expected, zh + "为 " + expected);
    return new Property<>(
        key,
        wants,
        o -> {
          String got = actual.apply(o);
          return got.equals(expected)
              ? Optional.empty()
              : Optional.of(
                  new Text(
                      en + " " + shown(got) + ", not " + expected,
                      zh + "是 " + shown(got) + "，而不是 " + expected));
        });
  }

  private static String shown(String value) {
    return value.isEmpty() ? "(none)" : value;
  }
}
