package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.demo.DemoCatalog;
import io.dockerlings.lessons.demo.DemoRun;
import io.dockerlings.lessons.measure.Value;
import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demos' measurements on a real engine: each lies within its step's tolerance of the model's
 * value (cpu-shares 2:1 within 15%, OOM exit 137, the whiteout present).
 */
@Tag("real-engine")
class DemoRealEngineTest {
  @TempDir Path dir;

  private Modes modes;
  private DemoCommands commands;

  @BeforeEach
  void engine() {
    Assumptions.assumeTrue(
        new EngineLocator().available(),
        "no Docker engine reachable: the demos' measurements need one (start dockerd or set"
            + " DOCKER_HOST)");
    SimulatorBackend sim = new SimulatorBackend(SimulatorOptions::defaults);
    RealBackend real =
        new RealBackend(new EngineLocator(), () -> RealOptions.in(dir.resolve("real")));
    modes = new Modes(sim, real, sim, "real");
    StreamConsole console =
        new StreamConsole(
            new BufferedReader(new StringReader("")),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            false);
    commands = new DemoCommands(modes, console, dir, DemoPresenter.Pace.instant(5));
  }

  /** Runs the steps of a demo on both engines and returns each predict step's result. */
  private List<DemoRun.StepResult> measured(String name) {
    var demo = DemoCatalog.find(name).orElseThrow();
    List<DemoRun.StepResult> out = new ArrayList<>();
    try (DemoRun run = new DemoRun(demo, commands.engines(), true, 5)) {
      assertTrue(run.engineOn());
      for (int i = 0; i < demo.steps().size(); i++) {
        DemoRun.StepResult r = run.run(i, Style.plain(Lang.EN, 80), (x, n, of) -> {});
        if (r.step().predicts()) {
          out.add(r);
        }
      }
    } finally {
      modes.close();
    }
    return out;
  }

  private static Value engine(DemoRun.StepResult r) {
    return r.engine().orElseThrow().value().orElseThrow();
  }

  @Test
  void cpuShares_pinnedPair_splitsTwoToOneWithinFifteenPercent() {
    DemoRun.StepResult ratio = measured("cpu-shares").get(0);
    double measured = engine(ratio).number().orElseThrow();
    System.out.printf("cpu-shares: engine ratio %.2f (model 2.00)%n", measured);
    assertTrue(ratio.agrees().orElseThrow(), "engine ratio " + measured + ", model 2.00 ±15%");
  }

  @Test
  void oom_underSixtyFourMegabytes_exits137AndIsOomKilled() {
    List<DemoRun.StepResult> r = measured("oom");
    assertEquals("137", engine(r.get(0)).text());
    assertEquals("true", engine(r.get(1)).text());
    assertTrue(r.get(0).agrees().orElseThrow());
  }

  @Test
  void copyUp_deletedFile_leavesAWhiteoutTheDiffShows() {
    List<DemoRun.StepResult> r = measured("copy-up");
    assertEquals("true", engine(r.get(0)).text());
    assertTrue(r.get(0).agrees().orElseThrow());
    assertTrue(r.get(1).agrees().orElseThrow(), "a fresh container sees /etc/group");
  }

  @Test
  void buildCache_changedStep_rebuildsFromThereOnTheEngineToo() {
    List<DemoRun.StepResult> r = measured("build-cache");
    assertEquals("none", engine(r.get(0)).text());
    assertEquals("3,4", engine(r.get(1)).text());
  }

  @Test
  void dns_volume_registry_ports_agreeWithTheModel() {
    for (String name : List.of("dns", "volume", "registry", "ports")) {
      engine();
      for (DemoRun.StepResult r : measured(name)) {
        assertTrue(
            r.agrees().orElseThrow(),
            name + "/" + r.step().id() + ": engine " + engine(r) + ", model " + r.model().value());
      }
    }
  }
}
