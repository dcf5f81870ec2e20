package io.dockerlings.lessons.goal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.state.Sandbox;

/** Test helper: checks a goal written in YAML against a sandbox and asserts the verdict. */
final class Checks {
  private Checks() {}

  static Verdict verdict(Sandbox s, String yaml) {
    return GoalParser.parse(Sandbox.yaml(yaml)).check(s.state());
  }

  static Verdict passes(Sandbox s, String yaml) {
    Verdict v = verdict(s, yaml);
    assertTrue(v.passed(), yaml + " should pass: " + v.reason());
    assertFalse(v.reason().en().isBlank());
    assertFalse(v.reason().zh().isBlank());
    return v;
  }

  static Verdict fails(Sandbox s, String yaml) {
    Verdict v = verdict(s, yaml);
    assertFalse(v.passed(), yaml + " should fail: " + v.reason());
    assertFalse(v.reason().en().isBlank());
    assertFalse(v.reason().zh().isBlank());
    return v;
  }
}
