package io.dockerlings.lessons.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

class GoalParserTest {
  private static GoalException refused(String yaml) {
    return assertThrows(GoalException.class, () -> GoalParser.parse(Sandbox.yaml(yaml)));
  }

  @Test
  void parse_everyKind_givesItsRecord() {
    assertInstanceOf(Goal.All.class, GoalParser.parse(Sandbox.yaml("all: [{volume: a}]")));
    assertInstanceOf(ContainerGoal.class, GoalParser.parse(Sandbox.yaml("container: {name: a}")));
    assertInstanceOf(JournalGoal.class, GoalParser.parse(Sandbox.yaml("never: x")));
    assertInstanceOf(
        DiffGoal.class, GoalParser.parse(Sandbox.yaml("diff: {container: a, lists: 'A /x'}")));
  }

  @Test
  void parse_unknownGoalOrProperty_namesItAndWhere() {
    GoalException e = refused("containr: {name: a}");
    assertEquals("/containr", e.pointer());
    assertEquals(true, e.getMessage().startsWith("unknown goal 'containr'"));
    GoalException p = refused("all: [{container: {name: a, stat: running}}]");
    assertEquals("/all/0/container/stat", p.pointer());
    assertEquals(true, p.getMessage().contains("unknown container property 'stat'"));
  }

  @Test
  void parse_badValues_areRefusedWithReasons() {
    assertEquals("/container/state", refused("container: {state: sleeping}").pointer());
    assertEquals("/container/publishes", refused("container: {publishes: 'http'}").pointer());
    assertEquals(
        "/container/limits/memory", refused("container: {limits: {memory: 64q}}").pointer());
    assertEquals("/used", refused("used: '(['").pointer());
    assertEquals("", refused("{volume: a, network: b}").pointer());
    assertEquals("/any", refused("any: []").pointer());
    assertEquals("/diff", refused("diff: {container: a, lists: 'X /y'}").pointer());
    assertEquals("/file", refused("file: {path: /x}").pointer());
    assertEquals("/image", refused("image: {layers: 2}").pointer());
  }
}
