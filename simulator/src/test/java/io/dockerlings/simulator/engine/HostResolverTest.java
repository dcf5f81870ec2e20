package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.fs.Layer;
import io.dockerlings.simulator.fs.UnionFs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostResolverTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static UnionFs host(String hosts, String resolv) {
    Layer.Builder b = Layer.builder(T0).dir("/etc", 0755);
    if (hosts != null) {
      b.file("/etc/hosts", hosts);
    }
    if (resolv != null) {
      b.file("/etc/resolv.conf", resolv);
    }
    return new UnionFs(List.of(b.build()), Clock.fixed(T0, ZoneOffset.UTC));
  }

  @Test
  void hostsEntry_findsAliasesAndSkipsComments() {
    UnionFs fs = host("# hub.local\n192.168.1.5  master.up.com master\n", null);
    assertEquals(Optional.of("192.168.1.5"), HostResolver.hostsEntry(fs, "master"));
    assertEquals(Optional.of("192.168.1.5"), HostResolver.hostsEntry(fs, "MASTER.up.com"));
    assertEquals(Optional.empty(), HostResolver.hostsEntry(fs, "hub.local"));
  }

  @Test
  void noSuchHost_namesTheFirstNameserver() {
    UnionFs fs = host(null, "search lan\nnameserver 10.0.0.2\nnameserver 8.8.8.8\n");
    assertEquals(
        "dial tcp: lookup daocloud.io on 10.0.0.2:53: no such host",
        HostResolver.noSuchHost(fs, "daocloud.io"));
    assertEquals(
        "dial tcp: lookup x on 127.0.0.1:53: no such host",
        HostResolver.noSuchHost(host(null, null), "x"));
  }

  @Test
  void isAddress_onlyForLiterals() {
    assertTrue(HostResolver.isAddress("10.1.2.3"));
    assertFalse(HostResolver.isAddress("daocloud.io"));
    assertFalse(HostResolver.isAddress("localhost"));
  }
}
