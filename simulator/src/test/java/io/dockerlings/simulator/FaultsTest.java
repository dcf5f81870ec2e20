package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultsTest {
  @Test
  void line_namesTheFaultInOneLine() {
    String line = Faults.line(new IllegalStateException("first\nsecond"));
    assertEquals(
        "dockerlings: the simulator failed on this command (IllegalStateException: first); this"
            + " is a simulator fault, not docker's answer. Please report it.\n",
        line);
  }

  @Test
  void line_ofAnErrorWithoutMessage_andOfALongMessage_staysShort() {
    assertTrue(Faults.line(new StackOverflowError()).contains("(StackOverflowError)"));
    String line = Faults.line(new RuntimeException("x".repeat(1_000)));
    assertEquals(1, line.lines().count());
    assertTrue(line.length() < 400, line);
  }
}
