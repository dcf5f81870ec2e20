package io.dockerlings.exercises.check;

import io.dockerlings.exercises.model.Check;
import io.dockerlings.lessons.text.Text;

/**
 * How one check went.
 *
 * @param check the check
 * @param task the id of its task
 * @param earned the points given (all, some through partial credit, or none)
 * @param explanation what the check found, in both languages: why it failed, or why only partial
 *     credit was given; empty when it passed in full
 */
public record CheckResult(Check check, String task, int earned, Text explanation) {
  /** Whether it earned its full points. */
  public boolean passed() {
    return earned == check.points();
  }

  /** Whether it earned some but not all points. */
  public boolean partial() {
    return earned > 0 && earned < check.points();
  }
}
