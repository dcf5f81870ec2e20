package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetsTest {
  @Test
  void overlap_containedAndEqual_butNotNeighbours() {
    assertTrue(Subnets.overlap("192.168.0.0/16", "192.168.5.0/24"));
    assertTrue(Subnets.overlap("192.168.5.0/24", "192.168.0.0/16"));
    assertTrue(Subnets.overlap("10.1.0.0/16", "10.1.0.0/16"));
    assertFalse(Subnets.overlap("10.1.0.0/16", "10.2.0.0/16"));
    assertFalse(Subnets.overlap("172.17.0.0/16", "172.18.0.0/16"));
    assertTrue(Subnets.overlap("0.0.0.0/0", "10.2.0.0/16"));
  }

  @Test
  void overlap_unreadable_isNoOverlap() {
    assertFalse(Subnets.overlap("192.168.0.0", "192.168.0.0/16"));
    assertFalse(Subnets.overlap("300.1.0.0/16", "10.1.0.0/16"));
    assertFalse(Subnets.overlap("fd00::/64", "fd00::/64"));
    assertFalse(Subnets.overlap("10.1.0.0/33", "10.1.0.0/16"));
    assertFalse(Subnets.overlap("", ""));
  }

  @Test
  void anyOverlaps_amongSeveral() {
    assertTrue(Subnets.anyOverlaps(List.of("10.9.0.0/24"), List.of("", "10.0.0.0/8")));
    assertFalse(Subnets.anyOverlaps(List.of("10.9.0.0/24"), List.of("172.20.0.0/16")));
    assertFalse(Subnets.anyOverlaps(List.of("10.9.0.0/24"), List.of()));
  }
}
