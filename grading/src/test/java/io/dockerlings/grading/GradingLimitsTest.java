package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradingLimitsTest {
  private static final long MB = 1024L * 1024;
  private final GradingLimits d = GradingLimits.DEFAULTS;

  @Test
  void defaults_are512MiB_256Processes_oneCpu() {
    assertEquals(new GradingLimits(512 * MB, 256, 1_000_000_000L), d);
    assertEquals("512 MiB", d.memoryText());
  }

  @Test
  void withMemory_readsSizesAsDockerMDoes() {
    assertEquals(256 * MB, d.withMemory("256m").memoryBytes());
    assertEquals(1024 * MB, d.withMemory("1g").memoryBytes());
    assertEquals(1536 * MB, d.withMemory("1.5GiB").memoryBytes());
    assertEquals(64 * MB, d.withMemory("64MB").memoryBytes());
    assertEquals(8 * MB, d.withMemory("8388608").memoryBytes());
    assertEquals("1 GiB", d.withMemory("1g").memoryText());
    assertEquals(0, d.withMemory("none").memoryBytes());
  }

  @Test
  void withMemory_belowSixMegabytesOrGarbage_isRefused() {
    for (String bad : new String[] {"5m", "lots", "-1g", "", "12q"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> d.withMemory(bad), bad);
      assertEquals(
          "--limit-memory takes a size such as 512m or 2g (at least 6m), or none", e.getMessage());
    }
  }

  @Test
  void withPids_andWithCpus_readNumbers_andRefuseOthers() {
    assertEquals(64, d.withPids("64").pids());
    assertEquals(0, d.withPids("none").pids());
    assertEquals(500_000_000L, d.withCpus("0.5").nanoCpus());
    assertEquals(2_000_000_000L, d.withCpus("2").nanoCpus());
    assertEquals(0, d.withCpus("none").nanoCpus());
    assertThrows(IllegalArgumentException.class, () -> d.withPids("3"));
    assertThrows(IllegalArgumentException.class, () -> d.withPids("many"));
    assertThrows(IllegalArgumentException.class, () -> d.withCpus("0.001"));
    assertThrows(IllegalArgumentException.class, () -> d.withCpus("two"));
  }
}
