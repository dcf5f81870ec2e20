package io.dockerlings.exercises.check;

import io.dockerlings.lessons.text.Text;

/**
 * Whether a goal holds, and why not when it does not.
 *
 * @param holds whether the goal holds
 * @param why what differs, naming the object, in both languages; empty text when it holds
 */
public record Verdict(boolean holds, Text why) {
  /** A goal that holds. */
  public static Verdict yes() {
    return new Verdict(true, Text.same(""));
  }

  /** A goal that fails, and why. */
  public static Verdict no(Text why) {
    return new Verdict(false, why);
  }
}
