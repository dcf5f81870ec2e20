package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.EngineUnavailableException;
import io.dockerlings.real.RealEngine;
import io.dockerlings.real.RealOptions;
import io.dockerlings.real.SandboxLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade --backend real} of the same submissions with {@code --jobs 1} and {@code --jobs 2},
 * interleaved, several times: wall time per run, the grades equal, and no sandbox left. Run with
 * {@code -Dtest=RealGradingBenchmark -DexcludedGroups=}; {@code -Dreal.benchmark.runs=N}, {@code
 * -Dreal.benchmark.submissions=N}, {@code -Dreal.benchmark.exercise=ID}, {@code
 * -Dreal.benchmark.jobs=1,2,4}, {@code -Dreal.benchmark.limits=on,off} and {@code
 * -Dreal.benchmark.gap=SECONDS} change the defaults (3, 6, user-network, 1,2, on, 0): {@code on}
 * puts grade's default resource ceilings on every container, as the launcher does, {@code off}
 * none; the gap is the learner's pause between lines, replayed (2 lets a registry start before the
 * push).
 */
@Tag("benchmark")
@Tag("real-engine")
class RealGradingBenchmark {
  private static final EngineLocator LOCATOR = new EngineLocator();
  @TempDir Path dir;

  @Test
  void jobs1_against_jobs2() throws Exception {
    String why = "";
    try {
      LOCATOR.api();
    } catch (EngineUnavailableException e) {
      why = e.getMessage();
    }
    assumeTrue(why.isEmpty(), "real-engine benchmark skipped: " + why);
    int runs = Integer.getInteger("real.benchmark.runs", 3);
    int count = Integer.getInteger("real.benchmark.submissions", 6);
    Exercise e =
        Catalog.shipped()
            .find(System.getProperty("real.benchmark.exercise", "user-network"))
            .orElseThrow();
    Path ledgers = dir.resolve("ledgers");
    List<String> sessions = new ArrayList<>();
    RealEngines limited = engines(ledgers, sessions, true);
    RealEngines unlimited = engines(ledgers, sessions, false);
    Duration gap = Duration.ofSeconds(Integer.getInteger("real.benchmark.gap", 0));
    Path subs = GradeRealEngineTest.submissions(dir.resolve("subs"), e, count, gap);
    List<String> expected = null;
    StringBuilder report = new StringBuilder();
    for (int run = 0; run < runs; run++) {
      for (String j : System.getProperty("real.benchmark.jobs", "1,2").split(",")) {
        for (String limits : System.getProperty("real.benchmark.limits", "on").split(",")) {
          int jobs = Integer.parseInt(j.strip());
          boolean on = limits.strip().equals("on");
          long t0 = System.nanoTime();
          List<String> scores =
              GradeRealEngineTest.gradeCommand(
                  subs,
                  dir.resolve("out-" + run + "-" + jobs + "-" + limits.strip()),
                  e.id(),
                  jobs,
                  on ? limited : unlimited);
          double wall = (System.nanoTime() - t0) / 1e9;
          if (expected == null) {
            expected = scores;
          }
          assertEquals(expected, scores, "jobs " + jobs + " graded otherwise");
          report.append(
              String.format(
                  Locale.ROOT,
                  "real grading benchmark: %s, %d submissions, --jobs %d, limits %s: wall %.2f s,"
                      + " load %.1f, grades %s%n",
                  e.id(),
                  count,
                  jobs,
                  on ? "on" : "off",
                  wall,
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                      .getSystemLoadAverage(),
                  scores));
        }
      }
    }
    System.out.print(report);
    List<String> opened;
    synchronized (sessions) {
      opened = new ArrayList<>(sessions);
    }
    assertEquals("", GradeRealEngineTest.settledLeftovers(opened));
    assertEquals("", GradeRealEngineTest.taggedLeftovers(opened));
  }

  /** Sandboxes as the launcher opens them, with grade's ceilings or none, noting each session. */
  private static RealEngines engines(Path ledgers, List<String> sessions, boolean limited) {
    return (session, limits) -> {
      synchronized (sessions) {
        sessions.add(session);
      }
      try {
        RealEngine engine =
            RealEngine.connect(
                LOCATOR,
                RealOptions.in(ledgers)
                    .withSessionId(session)
                    .withLimits(
                        limited
                            ? new SandboxLimits(
                                limits.memoryBytes(), limits.pids(), limits.nanoCpus())
                            : SandboxLimits.none()));
        return new RealEngines.Opened(engine, engine::stoppedByMemoryCeiling);
      } catch (EngineUnavailableException x) {
        throw new RealEngines.Unavailable(x.getMessage());
      }
    };
  }
}
