package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoRunTest {
  /** The model on a 2-CPU host like the course's real engine here; no real engine. */
  static final DemoRun.Engines SIM_ONLY =
      new DemoRun.Engines() {
        @Override
        public DockerEngine model(String host) {
          HostSpec spec =
              host.equals("course-server")
                  ? HostSpec.courseServer()
                  : new HostSpec(2, 8L << 30, "5.10.0", "Debian GNU/Linux 11 (bullseye)", "h");
          return DockerSimulator.create(SimulatorOptions.defaults().withHost(spec));
        }

        @Override
        public Optional<DockerEngine> engine() {
          return Optional.empty();
        }
      };

  /** Runs every step of a shipped demo headlessly and returns each predict step's model value. */
  static List<String> predictions(String name) {
    Demo demo = DemoCatalog.find(name).orElseThrow();
    List<String> values = new ArrayList<>();
    try (DemoRun run = new DemoRun(demo, SIM_ONLY, false, 1)) {
      for (int i = 0; i < demo.steps().size(); i++) {
        DemoRun.StepResult r = run.run(i, Style.plain(Lang.EN, 80), (x, n, of) -> {});
        r.model().value().ifPresent(v -> values.add(v.text()));
        assertTrue(r.engine().isEmpty());
      }
    }
    return values;
  }

  @Test
  void cpuShares_pinnedToOneCpu_splitsTwoToOneAndAloneTakesAll() {
    assertEquals(List.of("2.00", "100"), predictions("cpu-shares"));
  }

  @Test
  void cpuUnpinned_onTwoCpus_bothGetAWholeCpu() {
    assertEquals(List.of("100"), predictions("cpu-unpinned"));
  }

  @Test
  void cpus_oneAndAHalf_capsThreeLoopsAt150() {
    assertEquals(List.of("150"), predictions("cpus"));
  }

  @Test
  void oom_at64m_exits137AndIsMarkedOomKilled() {
    assertEquals(List.of("137", "true"), predictions("oom"));
  }

  @Test
  void copyUp_deleteLeavesAWhiteoutAndTheImageIntact() {
    assertEquals(List.of("true", "0"), predictions("copy-up"));
  }

  @Test
  void buildCache_sameFileRebuildsNothingAndStep3ChangeRebuilds3And4() {
    assertEquals(List.of("none", "3,4"), predictions("build-cache"));
  }

  @Test
  void ports_httpdPublishedOn8088_answersThroughTheGateway() {
    assertEquals(List.of("hello from httpd"), predictions("ports"));
  }

  @Test
  void volume_outlivesItsContainer() {
    assertEquals(List.of("kept in the volume"), predictions("volume"));
  }

  @Test
  void registry_pushThenPull_bringsTheTagBack() {
    assertEquals(List.of("v1"), predictions("registry"));
  }

  @Test
  void dns_defaultBridgeFailsAndUserNetworkResolves() {
    assertEquals(List.of("1", "0"), predictions("dns"));
  }

  @Test
  void run_goingBack_rerunsOnFreshEnginesWithTheSameResult() {
    Demo demo = DemoCatalog.find("dns").orElseThrow();
    try (DemoRun run = new DemoRun(demo, SIM_ONLY, false, 1)) {
      Style s = Style.plain(Lang.EN, 80);
      run.run(0, s, (x, n, of) -> {});
      run.run(1, s, (x, n, of) -> {});
      // Rerunning step 1 after step 2 would fail on a used engine (demo-a exists already).
      DemoRun.StepResult again = run.run(0, s, (x, n, of) -> {});
      assertEquals("1", again.model().value().orElseThrow().text());
      assertEquals(0, again.model().results().get(0).exitCode());
      assertEquals(1, run.done());
    }
  }

  @Test
  void engine_switchedOnWithoutOne_staysOff() {
    Demo demo = DemoCatalog.find("oom").orElseThrow();
    try (DemoRun run = new DemoRun(demo, SIM_ONLY, false, 1)) {
      assertFalse(run.engine(true));
      assertFalse(run.engineOn());
    }
  }
}
