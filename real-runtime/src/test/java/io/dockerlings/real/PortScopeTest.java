package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortScopeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A scope whose engine ports are 40001, 40002, ... in turn. */
  private static PortScope counting() {
    Iterator<Integer> next = IntStream.iterate(40001, i -> i + 1).iterator();
    return new PortScope(next::next);
  }

  @Test
  void enginePort_isGivenOnFirstUse_andKeptForTheSession() {
    PortScope ports = counting();
    assertEquals(40001, ports.enginePort(8080));
    assertEquals(40002, ports.enginePort(5000));
    assertEquals(40001, ports.enginePort(8080));
    assertEquals(Optional.of(8080), ports.learnerPort(40001));
    assertEquals(Optional.empty(), ports.learnerPort(8080));
  }

  @Test
  void enginePort_onThisHost_keepsTheLearnersNumber_whileNothingHereListensOnIt()
      throws java.io.IOException {
    int free;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    assertEquals(free, PortScope.onThisHost().enginePort(free));
    // Held here (as another session's published port is, by the engine's proxy): another port.
    try (java.net.ServerSocket held = new java.net.ServerSocket(0)) {
      int taken = held.getLocalPort();
      int given = PortScope.onThisHost().enginePort(taken);
      assertNotEquals(taken, given);
      assertTrue(given > 0 && given <= 65535, "port " + given);
    }
  }

  @Test
  void enginePort_twoSessionsOfOneProcess_atTheSameMoment_onlyTheFirstKeepsTheNumber() {
    java.util.Set<Integer> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Iterator<Integer> next = IntStream.iterate(40001, i -> i + 1).iterator();
    // Nothing listens yet for either: the second must still not take the first one's number.
    PortScope first = new PortScope(next::next, p -> true, held);
    PortScope second = new PortScope(next::next, p -> true, held);
    assertEquals(8080, first.enginePort(8080));
    assertEquals(40001, second.enginePort(8080));
    first.release();
    PortScope third = new PortScope(next::next, p -> true, held);
    assertEquals(8080, third.enginePort(8080), "given back when the first session closed");
  }

  @Test
  void enginePort_keepsTheOwnNumber_onlyWhereItIsFree() {
    Iterator<Integer> next = IntStream.iterate(40001, i -> i + 1).iterator();
    PortScope ports =
        new PortScope(
            next::next, p -> p == 8080, java.util.concurrent.ConcurrentHashMap.newKeySet());
    assertEquals(8080, ports.enginePort(8080));
    assertEquals(40001, ports.enginePort(5000));
    assertEquals(Optional.of(8080), ports.learnerPort(8080));
    assertEquals(Optional.of(5000), ports.learnerPort(40001));
  }

  @Test
  void createBody_mapsHostPorts_andLeavesRandomAndRangesAlone() throws Exception {
    PortScope ports = counting();
    ObjectNode doc =
        (ObjectNode)
            JSON.readTree(
                "{\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":"
                    + "\"8080\"},{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8080\"}],"
                    + "\"81/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}],"
                    + "\"82/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"9000-9001\"}]}}}");
    ports.createBody(doc);
    assertEquals(
        "{\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":"
            + "\"40001\"},{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"40001\"}],"
            + "\"81/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}],"
            + "\"82/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"9000-9001\"}]}}}",
        doc.toString());
  }

  @Test
  void unmap_listAndInspect_showTheLearnersNumbers_only_forTheSessionsPorts() throws Exception {
    PortScope ports = counting();
    ports.enginePort(8080);
    JsonNode list =
        JSON.readTree(
            "[{\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":40001,"
                + "\"Type\":\"tcp\"},{\"PrivatePort\":81,\"PublicPort\":49153,\"Type\":\"tcp\"}]}]");
    assertTrue(ports.unmap(list));
    assertEquals(
        "[{\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,"
            + "\"Type\":\"tcp\"},{\"PrivatePort\":81,\"PublicPort\":49153,\"Type\":\"tcp\"}]}]",
        list.toString());
    JsonNode inspect =
        JSON.readTree(
            "{\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"40001\"}]}},"
                + "\"NetworkSettings\":{\"Ports\":{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\","
                + "\"HostPort\":\"40001\"}],\"81/tcp\":null}}}");
    assertTrue(ports.unmap(inspect));
    assertFalse(inspect.toString().contains("40001"), inspect.toString());
    assertEquals(2, inspect.toString().split("\"8080\"", -1).length - 1);
    assertFalse(ports.unmap(JSON.readTree("{\"HostPort\":\"40002\",\"PublicPort\":\"40001\"}")));
  }

  @Test
  void engineHost_mapsThisMachinesRegistries_only() {
    PortScope ports = counting();
    assertEquals("localhost:40001", ports.engineHost("localhost:5000"));
    assertEquals("127.0.0.1:40001", ports.engineHost("127.0.0.1:5000"));
    assertEquals("reg.example.com:5000", ports.engineHost("reg.example.com:5000"));
    assertEquals("localhost:99999", ports.engineHost("localhost:99999"));
    assertTrue(PortScope.isLocalRegistry("localhost:5000"));
    assertFalse(PortScope.isLocalRegistry("localhost"));
    assertFalse(PortScope.isLocalRegistry("docker.io"));
  }

  @Test
  void rewrites_showTheEnginesHostPortsAsTheLearners_inText() {
    PortScope ports = counting();
    ports.enginePort(5000);
    List<Rewrite> rewrites = ports.rewrites();
    assertEquals(
        "The push refers to repository [localhost:5000/app]; Bind for 0.0.0.0:5000 failed;"
            + " 127.0.0.1:5000 [::]:5000 x0.0.0.0:40001 localhost:40002",
        UnscopingStream.rewrite(
            "The push refers to repository [localhost:40001/app]; Bind for 0.0.0.0:40001 failed;"
                + " 127.0.0.1:40001 [::]:40001 x0.0.0.0:40001 localhost:40002",
            rewrites));
  }

  @Test
  void number_isAPortDockerTakes() {
    assertEquals(Optional.of(1), PortScope.number("1"));
    assertEquals(Optional.of(65535), PortScope.number("65535"));
    assertEquals(Optional.empty(), PortScope.number("0"));
    assertEquals(Optional.empty(), PortScope.number("65536"));
    assertEquals(Optional.empty(), PortScope.number(""));
    assertEquals(Optional.empty(), PortScope.number("80-81"));
  }
}
