package io.dockerlings.exercises.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.Fixtures;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.DockerSimulator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
  private final Exercise tiny = Fixtures.tiny();

  private List<CheckResult> run(boolean visibleOnly, String... lines) {
    DockerSimulator sim = DockerSimulator.create(tiny.simulatorOptions(Clock.systemUTC()));
    List<Journal.Entry> entries = new ArrayList<>();
    for (String l : lines) {
      entries.add(Commands.run(sim, l));
    }
    Journal j = new Journal(entries);
    return visibleOnly ? CheckRunner.runVisible(tiny, sim, j) : CheckRunner.run(tiny, sim, j);
  }

  @Test
  void run_goalHolds_earnsFullPoints() {
    List<CheckResult> r = run(false, "docker run --name app busybox");
    assertEquals(3, r.get(0).earned(), r.get(0).explanation().en());
    assertTrue(r.get(0).passed());
    assertEquals(1, r.get(1).earned());
  }

  @Test
  void run_onlyPartialGoalHolds_earnsPartialWithItsReason() {
    CheckResult r = run(false, "docker run --name bob busybox").get(0);
    assertEquals(1, r.earned());
    assertTrue(r.partial());
    assertEquals("ran something", r.explanation().en());
  }

  @Test
  void run_nothingHolds_earnsNothingWithTheGoalsReason() {
    CheckResult r = run(false, "docker ps").get(0);
    assertEquals(0, r.earned());
    assertTrue(r.explanation().en().contains("app"), r.explanation().en());
    assertTrue(!r.explanation().zh().isBlank());
  }

  @Test
  void run_privileged_failsTheHiddenCheck() {
    assertEquals(0, run(false, "docker run --privileged --name app busybox").get(1).earned());
  }

  @Test
  void runVisible_leavesHiddenChecksOut() {
    List<CheckResult> r = run(true, "docker run --name app busybox");
    assertEquals(1, r.size());
    assertEquals("exists", r.get(0).check().id());
  }
}
