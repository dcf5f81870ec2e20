package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuModelTest {
  private static CpuModel.Demand busy(
      String id, long weight, double threads, double quota, String cpuset) {
    return new CpuModel.Demand(id, weight, threads, quota, cpuset);
  }

  @Test
  void shares1024And512_onOneCpu_splitTwoToOne() {
    Map<String, Double> got =
        CpuModel.allocate(List.of(busy("a", 1024, 1, 0, "0"), busy("b", 512, 1, 0, "0")), 4);
    assertEquals(2.0 / 3, got.get("a"), 1e-9);
    assertEquals(1.0 / 3, got.get("b"), 1e-9);
  }

  @Test
  void threeContainers_1024_1024_2048_onOneCpu_get25_25_50() {
    Map<String, Double> got =
        CpuModel.allocate(
            List.of(
                busy("a", 1024, 1, 0, "0"), busy("b", 1024, 1, 0, "0"), busy("c", 2048, 1, 0, "0")),
            2);
    assertEquals(0.25, got.get("a"), 1e-9);
    assertEquals(0.25, got.get("b"), 1e-9);
    assertEquals(0.50, got.get("c"), 1e-9);
  }

  @Test
  void idleHeavyContainer_leavesEverythingToTheLightOne() {
    Map<String, Double> got =
        CpuModel.allocate(
            List.of(busy("heavy", 1024, 0, 0, "0"), busy("light", 512, 1, 0, "0")), 4);
    assertEquals(0.0, got.get("heavy"), 1e-9);
    assertEquals(1.0, got.get("light"), 1e-9);
  }

  @Test
  void oneThreadPerContainer_onTwoCores_eachGetsAWholeCore_whateverTheWeights() {
    Map<String, Double> got =
        CpuModel.allocate(List.of(busy("a", 1024, 1, 0, ""), busy("b", 512, 1, 0, "")), 2);
    assertEquals(1.0, got.get("a"), 1e-9);
    assertEquals(1.0, got.get("b"), 1e-9);
  }

  @Test
  void cpusQuota_capsThreeBusyThreadsAtOneAndAHalf() {
    Map<String, Double> got = CpuModel.allocate(List.of(busy("q", 1024, 3, 1.5, "")), 4);
    assertEquals(1.5, got.get("q"), 1e-9);
  }

  @Test
  void twoBusyThreadsEach_1024vs512_onTwoCores_splitTwoToOne() {
    Map<String, Double> got =
        CpuModel.allocate(List.of(busy("a", 1024, 2, 0, ""), busy("b", 512, 2, 0, "")), 2);
    assertEquals(4.0 / 3, got.get("a"), 1e-9);
    assertEquals(2.0 / 3, got.get("b"), 1e-9);
  }

  @Test
  void cores_outsideTheHost_areRefusedWithTheDaemonsWords() {
    Failure f = assertThrows(Failure.class, () -> CpuModel.cores("5", 2));
    assertEquals("Requested CPUs are not available - requested 5, available: 0-1", f.getMessage());
    assertEquals(
        "Invalid value abc for cpuset cpus: invalid format: abc",
        assertThrows(Failure.class, () -> CpuModel.cores("abc", 2)).getMessage());
    assertEquals(3, CpuModel.cores("0-1,3", 4).cardinality());
  }

  @Test
  void pinnedAndUnpinned_neverGetMoreThanTheHostHas() {
    Map<String, Double> got =
        CpuModel.allocate(
            List.of(
                busy("free", 1024, 1, 0, ""),
                busy("p1", 1024, 1, 0, "0"),
                busy("p2", 1024, 1, 0, "0")),
            2);
    assertEquals(1.0, got.get("free"), 1e-9);
    assertEquals(0.5, got.get("p1"), 1e-9);
    assertEquals(0.5, got.get("p2"), 1e-9);
  }

  @Test
  void twoThreadsUnpinned_andOnePinned_shareTheTwoCoresByWeight() {
    Map<String, Double> got =
        CpuModel.allocate(
            List.of(busy("free", 1024, 2, 0, ""), busy("pinned", 1024, 1, 0, "1")), 2);
    assertEquals(1.0, got.get("free"), 1e-9);
    assertEquals(1.0, got.get("pinned"), 1e-9);
    assertEquals(2.0, got.get("free") + got.get("pinned"), 1e-9);
  }

  @Test
  void pinnedToOneCore_twoThreads_getOneCoreAtMost() {
    Map<String, Double> got = CpuModel.allocate(List.of(busy("a", 1024, 2, 0, "1")), 4);
    assertEquals(1.0, got.get("a"), 1e-9);
  }
}
