package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

class GoalTest {
  @Test
  void allAnyNot_compose() {
    Sandbox s = new Sandbox().ok("docker volume create data");
    passes(s, "all: [{volume: data}, {never: privileged}]");
    assertEquals(
        "there is no volume named logs",
        fails(s, "all: [{volume: data}, {volume: logs}]").reason().en());
    passes(s, "any: [{volume: logs}, {volume: data}]");
    assertEquals(
        "none of these holds: there is no volume named a; or there is no volume named b",
        fails(s, "any: [{volume: a}, {volume: b}]").reason().en());
    passes(s, "not: {volume: logs}");
    assertEquals(
        "this should not be so: volume data exists", fails(s, "not: {volume: data}").reason().en());
  }
}
