package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

class DiffGoalTest {
  @Test
  void diff_listsAndOmits_passAndFail() {
    Sandbox s = new Sandbox().ok("docker run --name box busybox sh -c 'rm /etc/group; touch /new'");
    passes(s, "diff: {container: box, lists: ['D /etc/group', 'A /new']}");
    passes(s, "diff: {container: box, omits: 'A /etc/group'}");
    assertEquals(
        "docker diff box does not list A /etc/group (it lists D /etc/group)",
        fails(s, "diff: {container: box, lists: 'A /etc/group'}").reason().en());
    fails(s, "diff: {container: box, omits: 'A /new'}");
    fails(s, "diff: {container: gone, lists: 'A /new'}");
  }
}
