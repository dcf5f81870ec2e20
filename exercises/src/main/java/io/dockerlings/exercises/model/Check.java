package io.dockerlings.exercises.model;

import io.dockerlings.lessons.goal.Goal;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;

/**
 * One graded check: a goal in the lessons' goal vocabulary (see {@code lessons/FORMAT.md}) over the
 * final engine state and the learner's commands.
 *
 * @param id unique in the exercise
 * @param points what it is worth when its goal holds
 * @param visible whether the learner sees it before submitting ({@code exercise check}); hidden
 *     checks count in the grade but show on feedback only as counts
 * @param goal the goal, read by the lessons' goal parser
 * @param reason what the check asks for, shown with its result
 * @param hint a nudge shown on feedback when it fails, if any
 * @param partial lesser goals that earn some of the points when the goal fails, first match wins
 */
public record Check(
    String id,
    int points,
    boolean visible,
    Goal goal,
    Text reason,
    Optional<Text> hint,
    List<Partial> partial) {
  public Check {
    partial = List.copyOf(partial);
  }

  /**
   * Partial credit: some points, with the reason they are only some.
   *
   * @param points fewer than the check's
   * @param goal what must hold for them
   * @param reason why this is only partly right
   */
  public record Partial(int points, Goal goal, Text reason) {}
}
