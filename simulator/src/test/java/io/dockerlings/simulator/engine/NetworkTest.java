package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkTest {
  private static Network bridge() {
    return new Network("id", "bridge", "bridge", "172.17.0.0/16", Instant.EPOCH, true);
  }

  @Test
  void attach_handsOutAddressesInOrderFromDotTwo() {
    Network n = bridge();
    Network.Endpoint a = n.attach("a", Optional.empty()).orElseThrow();
    Network.Endpoint b = n.attach("b", Optional.empty()).orElseThrow();
    assertEquals("172.17.0.2", a.ipAddress());
    assertEquals("02:42:ac:11:00:02", a.macAddress());
    assertEquals("172.17.0.1", a.gateway());
    assertEquals("172.17.0.3", b.ipAddress());
  }

  @Test
  void detach_reusesLowestFreeAddress() {
    Network n = bridge();
    Network.Endpoint a = n.attach("a", Optional.empty()).orElseThrow();
    n.attach("b", Optional.empty()).orElseThrow();
    n.detach(a);
    assertEquals("172.17.0.2", n.attach("c", Optional.empty()).orElseThrow().ipAddress());
  }

  @Test
  void requestedAddress_isUsed_andATakenOneRefused() {
    Network n = new Network("id", "net", "bridge", "192.168.77.0/24", Instant.EPOCH, false);
    assertEquals(
        "192.168.77.10", n.attach("a", Optional.of("192.168.77.10")).orElseThrow().ipAddress());
    assertEquals(
        "Address already in use",
        assertThrows(Failure.class, () -> n.attach("b", Optional.of("192.168.77.10")))
            .getMessage());
  }

  @Test
  void hostAndNone_giveNoAddresses() {
    Network none = new Network("id", "none", "null", "", Instant.EPOCH, true);
    assertEquals(Optional.empty(), none.attach("a", Optional.empty()));
  }
}
