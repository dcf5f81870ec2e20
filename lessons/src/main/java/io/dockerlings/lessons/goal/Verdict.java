package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.text.Text;
import java.util.Objects;

/**
 * A goal's answer against a state: whether it holds, and why, naming the object and what differs.
 *
 * @param passed whether the goal holds
 * @param reason what was found, in both languages
 */
public record Verdict(boolean passed, Text reason) {
  public Verdict {
    Objects.requireNonNull(reason, "reason");
  }

  /** A goal that holds, saying why. */
  public static Verdict pass(String en, String zh) {
    return new Verdict(true, new Text(en, zh));
  }

  /** A goal that does not hold, saying what differs. */
  public static Verdict fail(String en, String zh) {
    return new Verdict(false, new Text(en, zh));
  }
}
