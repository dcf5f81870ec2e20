package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CeilingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MB = 1024 * 1024;
  private static final String ID = "a".repeat(64);
  private static final long HOST = 25_276_157_952L;

  private final Ceilings ceilings =
      new Ceilings(new SandboxLimits(512 * MB, 256, 1_000_000_000L), () -> HOST);

  private static JsonNode host(String body) throws IOException {
    return JSON.readTree(body).path("HostConfig");
  }

  /** The engine's inspect document of a container created with this (applied) host config. */
  private static String inspected(JsonNode applied, boolean oomKilled) {
    return "{\"Id\":\""
        + ID
        + "\",\"Name\":\"/hog\",\"State\":{\"Status\":\"exited\",\"OOMKilled\":"
        + oomKilled
        + ",\"ExitCode\":1},\"HostConfig\":"
        + applied
        + "}";
  }

  @Test
  void create_withoutLimits_getsEveryCeiling() throws IOException {
    Ceilings.Applied a = ceilings.create("{\"Image\":\"busybox\",\"HostConfig\":{\"Memory\":0}}");
    JsonNode h = host(a.body());
    assertEquals(512 * MB, h.path("Memory").asLong());
    assertEquals(512 * MB, h.path("MemorySwap").asLong());
    assertEquals(256, h.path("PidsLimit").asLong());
    assertEquals(1_000_000_000L, h.path("NanoCpus").asLong());
    assertTrue(a.asked().memoryOurs());
    assertTrue(a.asked().pidsOurs());
  }

  @Test
  void create_withoutHostConfig_getsOne() throws IOException {
    JsonNode h = host(ceilings.create("{\"Image\":\"busybox\"}").body());
    assertEquals(256, h.path("PidsLimit").asLong());
  }

  @Test
  void create_learnersTighterLimits_win() throws IOException {
    Ceilings.Applied a =
        ceilings.create(
            "{\"HostConfig\":{\"Memory\":67108864,\"PidsLimit\":10,\"NanoCpus\":500000000}}");
    JsonNode h = host(a.body());
    assertEquals(64 * MB, h.path("Memory").asLong());
    assertFalse(h.has("MemorySwap"));
    assertEquals(10, h.path("PidsLimit").asLong());
    assertEquals(500_000_000L, h.path("NanoCpus").asLong());
    assertFalse(a.asked().memoryOurs());
    assertTrue(a.asked().shown().isEmpty());
  }

  @Test
  void create_learnersLooserLimits_areCapped_andInspectShowsTheLearners() throws IOException {
    Ceilings.Applied a =
        ceilings.create(
            "{\"Id\":\"x\",\"HostConfig\":{\"Memory\":1073741824,\"PidsLimit\":-1,"
                + "\"NanoCpus\":1500000000}}");
    JsonNode h = host(a.body());
    assertEquals(512 * MB, h.path("Memory").asLong());
    assertEquals(256, h.path("PidsLimit").asLong());
    assertEquals(1_000_000_000L, h.path("NanoCpus").asLong());
    ceilings.created(ID, a.asked());
    JsonNode seen = JSON.readTree(ceilings.inspect(inspected(h, false))).path("HostConfig");
    assertEquals(1024 * MB, seen.path("Memory").asLong());
    assertEquals(2048 * MB, seen.path("MemorySwap").asLong(), "the engine's default: twice");
    assertTrue(seen.path("PidsLimit").isNull(), "the engine shows -1 as null");
    assertEquals(1_500_000_000L, seen.path("NanoCpus").asLong());
  }

  @Test
  void create_cpuQuota_isCappedInItsOwnTerms() throws IOException {
    JsonNode h = host(ceilings.create("{\"HostConfig\":{\"CpuQuota\":150000}}").body());
    assertEquals(100_000, h.path("CpuQuota").asLong());
    assertEquals(100_000, h.path("CpuPeriod").asLong());
    assertFalse(h.has("NanoCpus"), "the engine refuses NanoCpus beside a quota");
    JsonNode tight = host(ceilings.create("{\"HostConfig\":{\"CpuQuota\":50000}}").body());
    assertEquals(50_000, tight.path("CpuQuota").asLong());
  }

  @Test
  void create_aRequestTheEngineRefuses_passesAsItIs() throws IOException {
    // swap without memory: the engine's own refusal must still come
    JsonNode h = host(ceilings.create("{\"HostConfig\":{\"MemorySwap\":104857600}}").body());
    assertEquals(0, h.path("Memory").asLong());
    assertEquals(104_857_600, h.path("MemorySwap").asLong());
  }

  @Test
  void inspect_hidesTheInjectedCeilings_asTheEngineShowsNone() throws IOException {
    Ceilings.Applied a = ceilings.create("{\"HostConfig\":{}}");
    ceilings.created(ID, a.asked());
    JsonNode doc = JSON.readTree(ceilings.inspect(inspected(host(a.body()), false)));
    JsonNode h = doc.path("HostConfig");
    assertEquals(0, h.path("Memory").asLong());
    assertEquals(0, h.path("MemorySwap").asLong());
    assertTrue(h.path("PidsLimit").isNull());
    assertEquals(0, h.path("NanoCpus").asLong());
    assertEquals(List.of(), ceilings.stoppedByCeiling());
  }

  @Test
  void inspect_oomKilledByTheCeiling_readsNotOomKilled_andIsRemembered() throws IOException {
    Ceilings.Applied a = ceilings.create("{\"HostConfig\":{}}");
    ceilings.created(ID, a.asked());
    JsonNode doc = JSON.readTree(ceilings.inspect(inspected(host(a.body()), true)));
    assertFalse(doc.path("State").path("OOMKilled").asBoolean());
    assertEquals("exited", doc.path("State").path("Status").asText());
    assertEquals(List.of("hog"), ceilings.stoppedByCeiling());
  }

  @Test
  void inspect_oomKilledByTheLearnersOwnLimit_staysOomKilled() throws IOException {
    Ceilings.Applied a = ceilings.create("{\"HostConfig\":{\"Memory\":67108864}}");
    ceilings.created(ID, a.asked());
    JsonNode doc = JSON.readTree(ceilings.inspect(inspected(host(a.body()), true)));
    assertTrue(doc.path("State").path("OOMKilled").asBoolean());
    assertEquals(List.of(), ceilings.stoppedByCeiling());
  }

  @Test
  void inspect_ofAContainerNotCreatedHere_isUntouched() {
    String doc = inspected(JSON.createObjectNode().put("Memory", 5), true);
    assertEquals(doc, ceilings.inspect(doc));
    assertEquals("not json", ceilings.inspect("not json"));
  }

  @Test
  void stats_showTheHostsMemory_andNoPidsLimit_forAnUncappedContainer() throws IOException {
    ceilings.created(ID, ceilings.create("{\"HostConfig\":{}}").asked());
    String engine =
        "{\"memory_stats\":{\"usage\":1000,\"limit\":536870912},"
            + "\"pids_stats\":{\"current\":3,\"limit\":256}}";
    JsonNode s = JSON.readTree(ceilings.stats(ID, engine));
    assertEquals(HOST, s.path("memory_stats").path("limit").asLong());
    assertFalse(s.path("pids_stats").has("limit"));
    assertEquals(3, s.path("pids_stats").path("current").asLong());
  }

  @Test
  void update_looserLimit_isCapped_andShownAsTyped() throws IOException {
    ceilings.created(ID, ceilings.create("{\"HostConfig\":{\"Memory\":67108864}}").asked());
    JsonNode sent = JSON.readTree(ceilings.update(ID, "{\"Memory\":2147483648,\"PidsLimit\":-1}"));
    assertEquals(512 * MB, sent.path("Memory").asLong());
    assertEquals(256, sent.path("PidsLimit").asLong());
    assertTrue(ceilings.memoryOurs(ID));
    JsonNode h = JSON.readTree(ceilings.inspect(inspected(sent, false))).path("HostConfig");
    assertEquals(2048 * MB, h.path("Memory").asLong());
  }

  @Test
  void update_tighterLimit_passes() throws IOException {
    ceilings.created(ID, ceilings.create("{\"HostConfig\":{}}").asked());
    JsonNode sent = JSON.readTree(ceilings.update(ID, "{\"Memory\":104857600}"));
    assertEquals(100 * MB, sent.path("Memory").asLong());
    assertFalse(ceilings.memoryOurs(ID));
  }

  @Test
  void buildQuery_getsTheMemoryAndCpuCeilings() {
    String q = ceilings.buildQuery("/build?rm=1&t=x");
    assertTrue(q.contains("&memory=536870912&memswap=536870912"), q);
    assertTrue(q.contains("&cpuperiod=100000&cpuquota=100000"), q);
  }

  @Test
  void noCeilings_passEverythingUnchanged() {
    Ceilings none = new Ceilings(SandboxLimits.none(), () -> HOST);
    String body = "{\"HostConfig\":{}}";
    assertEquals(body, none.create(body).body());
    assertEquals("/build?rm=1", none.buildQuery("/build?rm=1"));
    assertEquals("{\"Memory\":1}", none.update(ID, "{\"Memory\":1}"));
  }

  @Test
  void limits_belowTheEnginesMinimum_orNegative_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SandboxLimits(MB, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SandboxLimits(0, -1, 0));
  }
}
