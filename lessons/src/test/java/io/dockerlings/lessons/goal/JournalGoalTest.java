package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

class JournalGoalTest {
  @Test
  void usedAndNever_readOnlyTheLearnersCommands() {
    Sandbox s = new Sandbox();
    fails(s, "used: 'docker run'");
    passes(s, "never: '--privileged'");
    s.run("docker run --privileged --name priv busybox sh -c 'exit 3'");
    passes(s, "used: 'docker run'");
    fails(s, "never: '--privileged'");
  }

  @Test
  void used_ignoresCommandsThatFailed() {
    Sandbox s = new Sandbox();
    s.run("docker run --name x nosuchimage");
    fails(s, "used: 'docker run'");
  }
}
