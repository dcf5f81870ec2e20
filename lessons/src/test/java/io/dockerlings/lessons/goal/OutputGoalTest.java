package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

class OutputGoalTest {
  @Test
  void output_matchesTheLastCommandOnly() {
    Sandbox s = new Sandbox();
    fails(s, "output: {matches: 'Root Dir'}");
    s.run("docker info");
    passes(s, "output: {matches: 'Docker Root Dir: /var/lib/docker'}");
    s.run("docker ps");
    fails(s, "output: {matches: 'Docker Root Dir'}");
  }
}
