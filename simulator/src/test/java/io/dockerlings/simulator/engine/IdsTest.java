package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void next_is64LowerHexAndNotAllDigitsInShortForm() {
    Ids ids = new Ids(new Random(3));
    for (int i = 0; i < 100; i++) {
      String id = ids.next();
      assertTrue(id.matches("[0-9a-f]{64}"), id);
      assertTrue(!Ids.shortId(id).matches("[0-9]+"), id);
    }
  }

  @Test
  void sameSeed_sameIds() {
    assertEquals(new Ids(new Random(4)).next(), new Ids(new Random(4)).next());
    assertNotEquals(new Ids(new Random(4)).next(), new Ids(new Random(5)).next());
  }

  @Test
  void shortId_dropsDigestPrefix() {
    assertEquals("0123456789ab", Ids.shortId("sha256:0123456789abcdef"));
  }
}
