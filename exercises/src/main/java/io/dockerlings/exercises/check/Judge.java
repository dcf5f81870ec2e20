package io.dockerlings.exercises.check;

import com.fasterxml.jackson.databind.JsonNode;

/** Decides a goal of the lessons' goal vocabulary over an attempt. */
@FunctionalInterface
public interface Judge {
  /** Whether {@code goal} (a one-key YAML map) holds for {@code attempt}, and why not. */
  Verdict judge(JsonNode goal, Attempt attempt);
}
