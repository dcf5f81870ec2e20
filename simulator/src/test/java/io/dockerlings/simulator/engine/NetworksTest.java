package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworksTest {
  private final Networks networks = new Networks(new Ids(new Random(1)), Instant.EPOCH);

  @Test
  void userNetworks_takeTheNextFreeSlash16() {
    assertEquals("172.18.0.0/16", networks.create("a", "", Instant.EPOCH).subnet());
    assertEquals("172.19.0.0/16", networks.create("b", "", Instant.EPOCH).subnet());
  }

  @Test
  void overlappingSubnet_isRefusedWithTheDaemonsWords() {
    networks.create("a", "192.168.77.0/24", Instant.EPOCH);
    assertEquals(
        "Pool overlaps with other one on this address space",
        assertThrows(Failure.class, () -> networks.create("b", "192.168.0.0/16", Instant.EPOCH))
            .getMessage());
  }

  @Test
  void builtIns_areThere() {
    assertEquals("bridge", networks.find("bridge").orElseThrow().driver);
    assertEquals("null", networks.find("none").orElseThrow().driver);
    assertEquals("172.17.0.1", networks.bridge().gateway());
  }
}
