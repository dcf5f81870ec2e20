package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ToleranceTest {
  @Test
  void within_relativeFifteenPercentOfTwo_acceptsOnePointSevenToTwoPointThree() {
    Tolerance t = Tolerance.parse("15%").orElseThrow();
    assertTrue(t.within(1.98, 2.0));
    assertTrue(t.within(2.3, 2.0));
    assertFalse(t.within(1.69, 2.0));
    assertFalse(t.within(26.97, 100));
    assertEquals("\u00b115%", t.shown());
  }

  @Test
  void parse_absoluteAndNonsense() {
    assertTrue(Tolerance.parse("5").orElseThrow().within(104, 100));
    assertEquals(Optional.empty(), Tolerance.parse("lots"));
    assertEquals(Optional.empty(), Tolerance.parse("-3"));
    assertFalse(Tolerance.EXACT.within(137.5, 137));
  }
}
