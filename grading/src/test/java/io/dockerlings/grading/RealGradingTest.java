package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.Reading;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.exercises.submission.SubmissionReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real grading's sandboxes, replay and time limit, with simulators standing in for the engine. */
class RealGradingTest {
  private final Exercise web = GradingFixtures.web();
  private final List<StandInEngine> opened = new ArrayList<>();
  private final List<String> sessions = new ArrayList<>();

  private final RealEngines engines =
      (session, limits) -> {
        sessions.add(session);
        StandInEngine e = new StandInEngine();
        opened.add(e);
        return RealEngines.Opened.of(e);
      };

  private Submission submission(List<String> lines) {
    String text = GradingFixtures.submission(web, "amy", lines);
    Reading r = new SubmissionReader(web).read("amy.jsonl", text.getBytes(StandardCharsets.UTF_8));
    return ((Reading.Accepted) r).submission();
  }

  @Test
  void grade_eachSubmissionInItsOwnSandbox_closedAfterwards() throws Exception {
    RealGrading real = new RealGrading(engines, Duration.ofSeconds(30), "t1");
    RealGrading.Outcome a = real.grade(web, submission(web.solution()));
    real.grade(web, submission(web.wrong().get(0).commands()));
    assertEquals(List.of("grade-t1-1", "grade-t1-2"), sessions);
    assertEquals(1, opened.get(0).closed.get());
    assertEquals(1, opened.get(1).closed.get());
    assertEquals(6, a.checks().stream().mapToInt(CheckResult::earned).sum());
    assertTrue(opened.get(0).sim.containerNames().contains("web"));
  }

  @Test
  void grade_overTheTimeLimit_killsStopsAndStillCloses() throws Exception {
    RealGrading real = new RealGrading(engines, Duration.ofSeconds(1), "t2");
    RealGrading.Outcome o =
        real.grade(
            web,
            submission(
                List.of(
                    "docker run -d --name web busybox httpd -f -p 80",
                    "docker wait web",
                    "docker run -d --name late busybox sleep 9")));
    assertTrue(o.replay().stopped().isPresent());
    assertTrue(
        o.replay().stopped().get().en().contains("at command 2"), o.replay().stopped().get().en());
    assertEquals(2, o.replay().commands().size(), "the command after the limit is not run");
    assertEquals(124, o.replay().commands().get(1).exitCode());
    assertTrue(!opened.get(0).sim.containerNames().contains("late"));
    assertEquals(1, opened.get(0).closed.get());
  }

  @Test
  void grade_withoutAnEngine_throwsUnavailable() {
    RealGrading real =
        new RealGrading(RealEngines.none("no engine here"), Duration.ofSeconds(5), "t3");
    RealEngines.Unavailable e =
        assertThrows(RealEngines.Unavailable.class, () -> real.grade(web, submission(List.of())));
    assertEquals("no engine here", e.getMessage());
  }

  @Test
  void missingImages_probesInItsOwnSandbox() throws Exception {
    RealGrading real = new RealGrading(engines, Duration.ofSeconds(5), "t4");
    assertEquals(List.of(), real.missingImages(web));
    assertEquals(List.of("grade-t4-probe"), sessions);
    assertEquals(1, opened.get(0).closed.get());
  }

  /** Grades two submissions on two threads and returns the most sandboxes open at once. */
  private int mostOpenAtOnce(List<String> a, List<String> b) throws Exception {
    java.util.concurrent.atomic.AtomicInteger live =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    RealEngines slow =
        (session, limits) ->
            RealEngines.Opened.of(
                new StandInEngine() {
                  {
                    most.accumulateAndGet(live.incrementAndGet(), Math::max);
                  }

                  @Override
                  public io.dockerlings.simulator.CommandResult execute(
                      List<String> argv, String stdin) {
                    try {
                      Thread.sleep(150);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return super.execute(argv, stdin);
                  }

                  @Override
                  public void close() {
                    live.decrementAndGet();
                  }
                });
    RealGrading real = new RealGrading(slow, Duration.ofSeconds(30), "par");
    Submission first = submission(a);
    Submission second = submission(b);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var f1 = pool.submit(() -> real.grade(web, first));
      var f2 = pool.submit(() -> real.grade(web, second));
      f1.get();
      f2.get();
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, live.get(), "every sandbox was closed");
    return most.get();
  }

  @Test
  void grade_submissionsWithoutPortsOrTags_runSideBySide() throws Exception {
    List<String> lines = List.of("docker run -d --name web busybox sleep 60", "docker ps -a");
    assertEquals(2, mostOpenAtOnce(lines, lines));
  }

  @Test
  void grade_submissionsPublishingPortsAndMakingTags_runSideBySide() throws Exception {
    List<String> port =
        List.of("docker run -d --name web -p 8080:80 busybox sleep 60", "docker ps");
    List<String> tag = List.of("docker build -t app -", "docker tag app localhost:5000/app");
    assertEquals(2, mostOpenAtOnce(port, port));
    assertEquals(2, mostOpenAtOnce(tag, port));
  }

  @Test
  void grade_aSubmissionUsingSomethingEngineWide_runsAlone() throws Exception {
    List<String> free = List.of("docker run -d --name web busybox sleep 60", "docker ps -a");
    List<String> range =
        List.of("docker run -d --name web -p 8080-8081:80-81 busybox sleep 60", "docker ps");
    assertEquals(1, mostOpenAtOnce(range, range));
    assertEquals(1, mostOpenAtOnce(free, range));
    assertEquals(1, mostOpenAtOnce(List.of("docker network create --subnet 10.5.0.0/16 n"), free));
    assertEquals(1, mostOpenAtOnce(List.of("docker load -i app.tar", "docker images"), free));
  }

  @Test
  void grade_passesTheCeilings_andReportsWhatTheMemoryCeilingStopped() throws Exception {
    List<GradingLimits> seen = new ArrayList<>();
    RealEngines stopping =
        (session, limits) -> {
          seen.add(limits);
          return new RealEngines.Opened(new StandInEngine(), () -> List.of("hog"));
        };
    GradingLimits tight = GradingLimits.DEFAULTS.withMemory("64m");
    RealGrading real = new RealGrading(stopping, Duration.ofSeconds(30), "t6", tight);
    RealGrading.Outcome o = real.grade(web, submission(web.solution()));
    assertEquals(List.of(tight), seen);
    assertEquals(List.of("hog"), o.stoppedByCeiling());
    RealGrading.Outcome none =
        new RealGrading(engines, Duration.ofSeconds(30), "t7")
            .grade(web, submission(web.solution()));
    assertEquals(List.of(), none.stoppedByCeiling());
  }

  @Test
  void grader_notesAContainerTheCeilingStopped_inBothLanguages() {
    RealEngines stopping =
        (session, limits) -> new RealEngines.Opened(new StandInEngine(), () -> List.of("hog"));
    RealGrading real =
        new RealGrading(
            stopping, Duration.ofSeconds(30), "t8", GradingLimits.DEFAULTS.withMemory("64m"));
    Grader grader = new Grader(web, Overrides.none(), java.util.Optional.of(real));
    String text = GradingFixtures.submission(web, "amy", web.solution());
    Grade g = grader.grade("amy.jsonl", text.getBytes(StandardCharsets.UTF_8));
    assertTrue(
        g.notes().stream()
            .anyMatch(
                n ->
                    n.en()
                            .equals(
                                "hog was stopped by the grading sandbox's memory ceiling (64 MiB),"
                                    + " not by a limit you set: it does not count as capping it")
                        && n.zh().contains("评分沙箱的内存上限（64 MiB）")),
        g.notes().toString());
    Grade plain =
        new Grader(
                web,
                Overrides.none(),
                java.util.Optional.of(new RealGrading(engines, Duration.ofSeconds(30), "t9")))
            .grade("amy.jsonl", text.getBytes(StandardCharsets.UTF_8));
    assertTrue(
        plain.notes().stream().noneMatch(n -> n.en().contains("ceiling")),
        plain.notes().toString());
  }
}
