package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {
  @Test
  void parse_hostAndContainer_bindsAllAddresses() {
    assertEquals(List.of(new PortBinding(80, "tcp", "", 4000)), Ports.parse("4000:80"));
  }

  @Test
  void parse_ipHostContainerProto_keepsAll() {
    assertEquals(
        List.of(new PortBinding(53, "udp", "127.0.0.1", 5353)),
        Ports.parse("127.0.0.1:5353:53/udp"));
  }

  @Test
  void parse_badProto_isWordedLikeCli() {
    Failure f = assertThrows(Failure.class, () -> Ports.parse("80:80/xyz"));
    assertEquals("Invalid proto: xyz", f.getMessage());
  }

  @Test
  void parse_badHostPort_isWordedLikeCli() {
    assertEquals(
        "Invalid hostPort: 99999",
        assertThrows(Failure.class, () -> Ports.parse("99999:80")).getMessage());
    assertEquals(
        "Invalid containerPort: abc",
        assertThrows(Failure.class, () -> Ports.parse("abc")).getMessage());
  }

  @Test
  void bind_takenPort_failsAndBindsNothing() {
    Ports ports = new Ports();
    ports.bind(Ports.parse("8080:80"));
    Failure f =
        assertThrows(
            Failure.class,
            () ->
                ports.bind(List.of(Ports.parse("9090:90").get(0), Ports.parse("8080:80").get(0))));
    assertEquals(
        "driver failed programming external connectivity on endpoint: Bind for 0.0.0.0:8080"
            + " failed: port is already allocated",
        f.getMessage());
    // 9090 was not kept by the failed attempt.
    assertEquals(2, ports.bind(Ports.parse("9090:90")).size());
  }

  @Test
  void bind_randomPorts_comeFromEphemeralRangeUpward() {
    Ports ports = new Ports();
    List<Ports.Published> a = ports.bind(Ports.parse("80"));
    List<Ports.Published> b = ports.bind(Ports.parse("80"));
    assertEquals(32768, a.get(0).hostPort());
    assertEquals(32769, b.get(0).hostPort());
  }

  @Test
  void release_freesThePort() {
    Ports ports = new Ports();
    List<Ports.Published> p = ports.bind(Ports.parse("8080:80"));
    ports.release(p);
    assertEquals(2, ports.bind(Ports.parse("8080:80")).size());
  }

  @Test
  void display_publishedAndExposed_readsLikePs() {
    Ports ports = new Ports();
    List<Ports.Published> p = ports.bind(Ports.parse("18080:80"));
    assertEquals(
        "443/tcp, 0.0.0.0:18080->80/tcp, :::18080->80/tcp",
        Ports.display(p, Set.of("80/tcp", "443/tcp")));
  }
}
