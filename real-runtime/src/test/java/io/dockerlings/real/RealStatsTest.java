package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealStatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path state;

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void cpuPercent_isTheDeltaRatioTimesOnlineCpus() throws Exception {
    JsonNode s =
        json(
            "{'cpu_stats':{'cpu_usage':{'total_usage':1500000000},'system_cpu_usage':6000000000,"
                + "'online_cpus':2},'precpu_stats':{'cpu_usage':{'total_usage':500000000},"
                + "'system_cpu_usage':4000000000}}");
    assertEquals(100.0, RealStats.cpuPercent(s), 1e-9);
  }

  @Test
  void cpuPercent_withoutOnlineCpus_countsPerCpuEntries_andIsZeroWithoutProgress()
      throws Exception {
    JsonNode s =
        json(
            "{'cpu_stats':{'cpu_usage':{'total_usage':300,'percpu_usage':[1,2,3,4]},"
                + "'system_cpu_usage':2000},'precpu_stats':{'cpu_usage':{'total_usage':100},"
                + "'system_cpu_usage':1000}}");
    assertEquals(80.0, RealStats.cpuPercent(s), 1e-9);
    JsonNode idle =
        json(
            "{'cpu_stats':{'cpu_usage':{'total_usage':100},'system_cpu_usage':2000,"
                + "'online_cpus':2},'precpu_stats':{'cpu_usage':{'total_usage':100},"
                + "'system_cpu_usage':1000}}");
    assertEquals(0.0, RealStats.cpuPercent(idle));
  }

  @Test
  void memoryUsage_leavesOutTheInactiveFileCache() throws Exception {
    assertEquals(
        600.0, RealStats.memoryUsage(json("{'usage':1000,'stats':{'total_inactive_file':400}}")));
    assertEquals(
        700.0, RealStats.memoryUsage(json("{'usage':1000,'stats':{'inactive_file':300}}")));
    assertEquals(
        1000.0, RealStats.memoryUsage(json("{'usage':1000,'stats':{'total_inactive_file':2000}}")));
  }

  @Tag("real-engine")
  @Test
  void stats_unknownContainers_areEachReportedAndNoTableShown() throws Exception {
    try (EnginePair both = EnginePair.open(state)) {
      both.same("docker stats --no-stream nope");
      both.real("docker run -d --name dl-rc-s1 busybox sleep 1000");
      CommandResult mixed = both.real("docker stats --no-stream nope1 dl-rc-s1 nope2");
      assertEquals("", mixed.stdout());
      assertEquals(
          "Error response from daemon: No such container: nope1\n"
              + "Error response from daemon: No such container: nope2\n",
          mixed.stderr());
      assertEquals(1, mixed.exitCode());
    }
  }

  @Tag("real-engine")
  @Test
  void stats_busyContainerShowsItsCpuAndLimit_createdOneShowsZeros() throws Exception {
    try (EnginePair both = EnginePair.open(state)) {
      both.real("docker run -d --name dl-rc-busy -m 64m busybox sh -c 'while :; do :; done'");
      both.real("docker create --name dl-rc-idle busybox");
      CommandResult table = both.real("docker stats --no-stream dl-rc-busy dl-rc-idle");
      assertEquals(0, table.exitCode(), table.stderr());
      String[] lines = table.stdout().split("\n");
      assertEquals(
          "CONTAINER ID   NAME         CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   "
              + "BLOCK I/O   PIDS",
          lines[0].replaceAll("NET I/O +", "NET I/O   "));
      CommandResult busy =
          both.real(
              "docker stats --no-stream --format '{{.CPUPerc}}|{{.MemUsage}}|{{.PIDs}}'"
                  + " dl-rc-busy");
      String[] cells = busy.stdout().strip().split("\\|");
      double cpu = Double.parseDouble(cells[0].replace("%", ""));
      // A spinning shell gets up to one CPU (100%); the engine is shared, so only "clearly
      // busy" is certain.
      assertTrue(cpu > 5 && cpu <= 200, busy.stdout());
      assertTrue(cells[1].endsWith(" / 64MiB"), busy.stdout());
      assertEquals("1", cells[2]);
      CommandResult idle =
          both.real(
              "docker stats --no-stream --format '{{.Name}} {{.CPUPerc}} {{.MemUsage}}'"
                  + " dl-rc-idle");
      assertEquals("dl-rc-idle 0.00% 0B / 0B\n", idle.stdout());
    }
  }
}
