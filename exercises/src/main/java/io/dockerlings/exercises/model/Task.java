package io.dockerlings.exercises.model;

import io.dockerlings.lessons.text.Text;
import java.util.List;

/**
 * One part of an exercise: a title and the checks that award its points.
 *
 * @param id unique in the exercise
 * @param title what this part asks, in both languages
 * @param checks at least one
 */
public record Task(String id, Text title, List<Check> checks) {
  public Task {
    checks = List.copyOf(checks);
  }

  /** The points this task is worth. */
  public int points() {
    return checks.stream().mapToInt(Check::points).sum();
  }
}
