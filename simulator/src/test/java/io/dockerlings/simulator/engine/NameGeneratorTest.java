package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameGeneratorTest {
  @Test
  void next_givesAdjectiveUnderscoreSurname() {
    String name = new NameGenerator(new Random(1)).next(n -> false);
    assertTrue(name.matches("[a-z]+_[a-z]+"), name);
  }

  @Test
  void next_neverReturnsATakenName() {
    NameGenerator g = new NameGenerator(new Random(2));
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      String n = g.next(taken::contains);
      assertTrue(taken.add(n), n);
    }
    assertNotEquals(0, taken.size());
  }
}
