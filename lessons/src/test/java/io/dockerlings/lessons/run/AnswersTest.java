package io.dockerlings.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.measure.Value;
import io.dockerlings.lessons.model.Fixtures;
import io.dockerlings.lessons.model.Step;
import org.junit.jupiter.api.Test;

class AnswersTest {
  @Test
  void predictNumber_withinToleranceIsRight() {
    Step.Predict p = (Step.Predict) Fixtures.lesson("t7-cpu-shares").steps().get(0);
    assertTrue(Answers.predict(p, "30", Value.of(33.33)).right());
    assertTrue(Answers.predict(p, "38%", Value.of(33.33)).right());
    assertFalse(Answers.predict(p, "50", Value.of(33.33)).right());
    assertFalse(Answers.predict(p, "a third", Value.of(33.33)).right());
    assertEquals("33.33 %", Answers.predict(p, "50", Value.of(33.33)).expected().en());
  }

  @Test
  void predictChoice_matchesTheChoiceWhoseValueIsInTheMeasure() {
    Step.Predict p = (Step.Predict) Fixtures.lesson("t4-layers").steps().get(2);
    Value busybox = Value.of("/bin/sh -c #(nop) COPY dir:abc in /");
    assertTrue(Answers.predict(p, "1", busybox).right());
    assertTrue(Answers.predict(p, "the busybox layer", busybox).right());
    assertFalse(Answers.predict(p, "2", busybox).right());
    assertFalse(Answers.predict(p, "9", busybox).right());
  }

  @Test
  void quiz_byNumberOrText() {
    Step.Quiz q = (Step.Quiz) Fixtures.lesson("t0-first-steps").steps().get(2);
    assertTrue(Answers.quiz(q, "2").right());
    assertTrue(Answers.quiz(q, " UTS ").right());
    assertFalse(Answers.quiz(q, "pid").right());
    assertEquals("2) uts", Answers.quiz(q, "pid").expected().en());
  }
}
