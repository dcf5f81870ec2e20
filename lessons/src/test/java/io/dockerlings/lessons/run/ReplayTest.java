package io.dockerlings.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.model.Fixtures;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.LessonLoader;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.HostSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private static final String BASE = Fixtures.files().get("t0-first-steps.yaml");

  /** A simulator that says it is a real engine holding only {@code images}. */
  private record PretendReal(SimulatorWorkbench sim, Set<String> images) implements Workbench {
    @Override
    public DockerEngine engine() {
      return sim.engine();
    }

    @Override
    public Journal.Entry run(String line, List<String> input) {
      return sim.run(line, input);
    }

    @Override
    public void reset(HostSpec host) {
      sim.reset(host);
    }

    @Override
    public boolean hasRealEngine() {
      return true;
    }

    @Override
    public boolean hasImage(String ref) {
      return images.contains(ref);
    }
  }

  private static Lesson lesson(String yaml) {
    return LessonLoader.load("t0-first-steps.yaml", yaml).lesson().orElseThrow();
  }

  private static Workbench realWith(String... images) {
    return new PretendReal(new SimulatorWorkbench(HostSpec.courseServer()), Set.of(images));
  }

  @Test
  void fixture_everyStepPasses() {
    Replay.Report r = Replay.replay(lesson(BASE), new SimulatorWorkbench(HostSpec.courseServer()));
    assertEquals(r.steps().size(), r.count(Replay.Outcome.PASSED), r.toString());
    assertEquals(List.of(), r.failures());
  }

  @Test
  void solutionThatDoesNotSolve_isAFailureNamingTheGoal() {
    Replay.Report r =
        Replay.replay(
            lesson(BASE.replace("- docker run --name hello busybox echo hi", "- docker ps")),
            new SimulatorWorkbench(HostSpec.courseServer()));
    assertEquals(1, r.failures().size(), r.toString());
    assertTrue(r.failures().get(0).startsWith("t0-first-steps/hello: "), r.failures().toString());
    assertTrue(r.failures().get(0).contains("no container named hello"), r.failures().toString());
  }

  @Test
  void stepNeedingAnImageTheEngineLacks_isSkippedWithTheReason() {
    Lesson l =
        lesson(
            BASE.replace(
                "  - id: hello\n    kind: do\n",
                "  - id: hello\n    kind: do\n    needs: {images: [nginx]}\n"));
    Replay.Report r = Replay.replay(l, realWith("busybox"));
    assertEquals(Replay.Outcome.SKIPPED, r.steps().get(0).outcome());
    assertEquals(
        "This step needs the image nginx, which this engine does not have and cannot pull.",
        r.steps().get(0).detail());
    assertEquals(r.steps().size() - 1, r.count(Replay.Outcome.PASSED), r.toString());
    Replay.Report has = Replay.replay(l, realWith("busybox", "nginx"));
    assertEquals(has.steps().size(), has.count(Replay.Outcome.PASSED), has.toString());
  }

  @Test
  void simulatorOnlyLesson_isSkippedWhole_onARealEngineOnly() {
    Lesson l =
        lesson(
            BASE.replace(
                "requires: []\n",
                "requires: []\nneeds: {simulator: {en: it restarts the daemon, zh: 它会重启守护进程}}\n"));
    Replay.Report real = Replay.replay(l, realWith("busybox"));
    assertEquals(real.steps().size(), real.count(Replay.Outcome.SKIPPED));
    assertEquals(
        "Only the simulator can run this step: it restarts the daemon",
        real.steps().get(2).detail());
    assertEquals("这一步只能在模拟器上运行：它会重启守护进程", Replay.unmet(l.needs(), realWith()).orElseThrow().zh());
    Replay.Report sim = Replay.replay(l, new SimulatorWorkbench(HostSpec.courseServer()));
    assertEquals(sim.steps().size(), sim.count(Replay.Outcome.PASSED));
  }

  @Test
  void intro_onAnEngineWithoutTheImage_saysWhyAndHowToGoOn() {
    Lesson l =
        lesson(
            BASE.replace(
                "  - id: hello\n    kind: do\n",
                "  - id: hello\n    kind: do\n    needs: {images: [nginx]}\n"));
    String real =
        LessonSession.begin(l, realWith("busybox")).intro().paragraphs().stream()
            .map(t -> t.en())
            .reduce("", (a, b) -> a + b + "\n");
    assertTrue(real.contains("needs the image nginx"), real);
    assertTrue(real.contains("mode sim"), real);
    String sim =
        LessonSession.begin(l, new SimulatorWorkbench(HostSpec.courseServer()))
            .intro()
            .paragraphs()
            .stream()
            .map(t -> t.en())
            .reduce("", (a, b) -> a + b + "\n");
    assertTrue(!sim.contains("needs the image"), sim);
  }

  @Test
  void observeOnARealEngine_mustMatchAnExactRecording_butASampleIsOnlyReported() {
    String stale = BASE.replace("allowed is 6MB", "allowed is 4MB");
    Replay.Report exact = Replay.replay(lesson(stale), realWith("busybox"));
    assertEquals(1, exact.failures().size(), exact.toString());
    assertTrue(
        exact.failures().get(0).contains("min-memory: the engine no longer answers as recorded"),
        exact.failures().toString());
    Replay.Report sample =
        Replay.replay(
            lesson(stale.replace("exit: 125", "exit: 125\n      tolerance: 1")),
            realWith("busybox"));
    assertEquals(List.of(), sample.failures());
    assertTrue(
        sample.steps().get(3).detail().startsWith("sample now: does not print the recorded line"),
        sample.toString());
    Replay.Report onSim =
        Replay.replay(lesson(stale), new SimulatorWorkbench(HostSpec.courseServer()));
    assertEquals(List.of(), onSim.failures(), "the self-test, not the replay, judges the model");
  }
}
