package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsTest {
  @TempDir Path state;

  private static SimulatorBackend sim() {
    return new SimulatorBackend(
        () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 5));
  }

  /** An engine that is not there. */
  private static final class Absent extends FakeBackend {
    @Override
    public Optional<String> unavailable() {
      return Optional.of("no Docker engine answered");
    }
  }

  @Test
  void cpuShares_withoutEngine_predictsTwoToOneOnTheCourseServer() {
    String report = new Experiments(sim(), new Absent()).run("cpu-shares");
    assertTrue(report.contains("4 busy loops each on 4 CPUs"), report);
    assertTrue(report.contains("ratio           2.00         2.00"), report);
    assertTrue(report.contains("(no engine answers: the model's prediction only"), report);
  }

  @Test
  void oom_withoutEngine_predictsExit137() {
    String report = new Experiments(sim(), new Absent()).run("oom");
    assertTrue(report.contains("predicted: exit 137 OOMKilled=true"), report);
  }

  @Test
  void copyUp_withoutEngine_showsTheDiff() {
    String report = new Experiments(sim(), new Absent()).run("copy-up");
    assertTrue(
        report.contains("    C /etc\n    D /etc/group\n    C /etc/passwd\n    A /new.txt\n"),
        report);
  }

  @Test
  void buildCache_withoutEngine_hitsAllThenStopsAtTheChangedCopy() {
    String report = new Experiments(sim(), new Absent()).run("build-cache");
    assertTrue(report.contains("predicted       0/3      3/3      1/3"), report);
  }

  @Test
  void run_unknownExperiment_listsTheNames() {
    assertEquals(
        "experiment: there is no experiment called disk; choose one of cpu-shares, oom, copy-up,"
            + " build-cache\n",
        new Experiments(sim(), new Absent()).run("disk"));
  }

  @Test
  void percentages_readStatsLines_andSkipMissingReadings() {
    assertEquals(
        Map.of("a", 133.33, "b", 66.67), Experiments.percentages("a\t133.33%\nb\t66.67%\nc\t--\n"));
  }

  @Test
  void upperLayer_showsCopiedUpFiles() throws Exception {
    Files.createDirectories(state.resolve("etc"));
    Files.writeString(state.resolve("etc/passwd"), "root\n");
    String text = Experiments.upperLayer(state);
    assertTrue(text.contains("    /etc/passwd  file, 5 bytes\n"), text);
    assertTrue(Experiments.upperLayer(state.resolve("none")).contains("not local"));
  }

  @Test
  @Tag("real-engine")
  void oom_withEngine_measuresTheKill() {
    EngineLocator locator = new EngineLocator();
    Assumptions.assumeTrue(locator.available(), "no Docker engine reachable: skipped");
    RealBackend real = new RealBackend(locator, () -> RealOptions.in(state));
    try {
      String report = new Experiments(sim(), real).run("oom");
      assertTrue(report.contains("measured:  exit 137 OOMKilled=true"), report);
    } finally {
      real.close();
    }
  }

  @Test
  @Tag("real-engine")
  void copyUp_withLocalEngine_findsTheWhiteoutInTheContainerLayer() {
    EngineLocator locator = new EngineLocator();
    Assumptions.assumeTrue(locator.available(), "no Docker engine reachable: skipped");
    RealBackend real = new RealBackend(locator, () -> RealOptions.in(state));
    try {
      String report = new Experiments(sim(), real).run("copy-up");
      Assumptions.assumeFalse(
          report.contains("not local"), "the engine's disk is not readable here");
      assertTrue(report.contains("/etc/group  whiteout (character device 0,0)"), report);
      assertTrue(report.contains("/etc/passwd  file,"), report);
    } finally {
      real.close();
    }
  }
}
