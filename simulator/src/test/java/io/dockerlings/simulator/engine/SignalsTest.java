package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalsTest {
  @Test
  void parse_acceptsNamesWithOrWithoutSigAndNumbers() {
    assertEquals(Optional.of(15), Signals.parse("TERM"));
    assertEquals(Optional.of(15), Signals.parse("sigterm"));
    assertEquals(Optional.of(9), Signals.parse("9"));
  }

  @Test
  void parse_unknown_isEmpty() {
    assertTrue(Signals.parse("BOGUS").isEmpty());
    assertTrue(Signals.parse("0").isEmpty());
  }
}
