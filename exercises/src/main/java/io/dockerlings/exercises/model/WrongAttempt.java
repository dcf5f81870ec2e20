package io.dockerlings.exercises.model;

import java.util.List;

/**
 * A plausible wrong attempt shipped with an exercise; the tests prove it scores less than full.
 *
 * @param name what is wrong with it, in a few words
 * @param commands the lines the learner would have typed
 */
public record WrongAttempt(String name, List<String> commands) {
  public WrongAttempt {
    commands = List.copyOf(commands);
  }
}
