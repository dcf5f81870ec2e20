package io.dockerlings.exercises.check;

import io.dockerlings.simulator.DockerEngine;
import java.util.List;

/**
 * What checks look at once an attempt is over: the engine in its final state and the lines the
 * learner typed.
 *
 * @param engine the engine the commands ran on (for grading, a fresh replay)
 * @param journal the learner's lines in order, setup excluded
 * @param lastOutput stdout and stderr of the last line
 */
public record Attempt(DockerEngine engine, List<String> journal, String lastOutput) {
  public Attempt {
    journal = List.copyOf(journal);
  }
}
