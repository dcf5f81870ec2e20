package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NetworkTest {
  @Test
  void attach_handsOutAddressesInOrderFromDotTwo() {
    Network n = new Network("id");
    Network.Endpoint a = n.attach("a").orElseThrow();
    Network.Endpoint b = n.attach("b").orElseThrow();
    assertEquals("172.17.0.2", a.ipAddress());
    assertEquals("02:42:ac:11:00:02", a.macAddress());
    assertEquals("172.17.0.3", b.ipAddress());
  }

  @Test
  void detach_reusesLowestFreeAddress() {
    Network n = new Network("id");
    Network.Endpoint a = n.attach("a").orElseThrow();
    n.attach("b").orElseThrow();
    n.detach(a);
    assertEquals("172.17.0.2", n.attach("c").orElseThrow().ipAddress());
  }
}
