package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.EngineUnavailableException;
import io.dockerlings.real.RealEngine;
import io.dockerlings.real.RealOptions;
import io.dockerlings.real.SandboxLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oom-cap exercise graded on the real engine with the sandbox's ceilings on: the checks still
 * read the learner's own {@code -m}. The engine here has no {@code progrium/stress} and cannot pull
 * it, so the exercise is graded with a stand-in image built from busybox ({@code s5-limits-stress}:
 * allocates {@code --vm-bytes} again and again with {@code dd}, and ends with 1 when the OOM killer
 * ends the allocation, as stress does when a worker is killed).
 */
@Tag("real-engine")
class GradeLimitsRealEngineTest {
  private static final String IMAGE = "s5-limits-stress";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  @TempDir Path dir;

  @BeforeAll
  static void buildStandIn() throws Exception {
    String why = "";
    try {
      new EngineLocator().api();
    } catch (EngineUnavailableException e) {
      why = e.getMessage();
    }
    assumeTrue(why.isEmpty(), "real-engine test skipped: " + why);
    Path context = Files.createDirectories(shared.resolve("context"));
    Files.writeString(
        context.resolve("stress"),
        "#!/bin/sh\n"
            + "bytes=256M\n"
            + "while [ $# -gt 0 ]; do case \"$1\" in --vm-bytes) bytes=\"$2\"; shift;; esac;"
            + " shift; done\n"
            + "n=${bytes%[KkMmGg]}\n"
            + "case \"$bytes\" in *[Kk]) n=$((n*1024));; *[Mm]) n=$((n*1048576));;"
            + " *[Gg]) n=$((n*1073741824));; esac\n"
            + "echo 'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd'\n"
            + "while :; do head -c \"$n\" /dev/zero | tr '\\0' x | sort > /dev/null || exit 1;"
            + " done\n");
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM busybox\nCOPY stress /stress\nRUN chmod +x /stress\nENTRYPOINT [\"/stress\"]\n");
    assertEquals(0, docker("build", "-q", "-t", IMAGE, context.toString()));
  }

  @AfterAll
  static void removeStandIn() throws Exception {
    docker("rmi", IMAGE);
  }

  private static int docker(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("/usr/bin/docker"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(120, TimeUnit.SECONDS);
    return p.exitValue();
  }

  /** The shipped oom-cap exercise with the stand-in image in place of progrium/stress. */
  private Exercise oomCap() throws Exception {
    String yaml;
    try (InputStream in = Catalog.class.getResourceAsStream("/exercises/oom-cap.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(yaml.contains("progrium/stress"));
    Path file = Files.createDirectories(dir.resolve("ex")).resolve("oom-cap.yaml");
    Files.writeString(file, yaml.replace("progrium/stress", IMAGE));
    return Catalog.shipped().resolve(file.toString());
  }

  /**
   * The reference solution and each wrong one, as submission files named by what they are, each
   * followed by two looks at {@code docker ps -a} 5 s apart, as a learner would: on this loaded
   * machine a hog took up to 2 s to start and several more to reach a 100 MB ceiling, longer than
   * the replay's settle wait.
   */
  private static Path submissions(Path subs, Exercise e) throws IOException {
    Files.createDirectories(subs);
    Map<String, List<String>> all = new TreeMap<>();
    all.put("reference", e.solution());
    for (int i = 0; i < e.wrong().size(); i++) {
      all.put("wrong" + i, e.wrong().get(i).commands());
    }
    for (var s : all.entrySet()) {
      List<String> lines = new ArrayList<>(s.getValue());
      lines.add("docker ps -a");
      lines.add("docker ps -a");
      Files.writeString(
          subs.resolve(s.getKey() + ".jsonl"),
          GradingFixtures.submission(e, s.getKey(), lines, Duration.ofSeconds(5)),
          StandardCharsets.UTF_8);
    }
    return subs;
  }

  /** {@code grade --backend real} with these extra options; returns the gradebook's grades. */
  private JsonNode grade(Path exercise, Path subs, Path out, List<String> sessions, String... more)
      throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(
            List.of(
                exercise.toString(),
                subs.toString(),
                "--backend",
                "real",
                "--jobs",
                "1",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    int exit =
        new GradeCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                engines(sessions))
            .run(args);
    assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
    return JSON.readTree(out.resolve("gradebook.json").toFile()).path("grades");
  }

  /** Sandboxes as the launcher opens them (the ceilings passed on), noting each session. */
  private static RealEngines engines(List<String> sessions) {
    return (session, limits) -> {
      synchronized (sessions) {
        sessions.add(session);
      }
      try {
        RealEngine engine =
            RealEngine.connect(
                new EngineLocator(),
                RealOptions.in(shared.resolve("ledgers"))
                    .withSessionId(session)
                    .withLimits(
                        new SandboxLimits(limits.memoryBytes(), limits.pids(), limits.nanoCpus())));
        return new RealEngines.Opened(engine, engine::stoppedByMemoryCeiling);
      } catch (EngineUnavailableException x) {
        throw new RealEngines.Unavailable(x.getMessage());
      }
    };
  }

  private static int score(JsonNode grades, String learner) {
    for (JsonNode g : grades) {
      if (g.path("learner").asText().equals(learner)) {
        return g.path("score").asInt();
      }
    }
    throw new AssertionError("no grade for " + learner + " in " + grades);
  }

  private static String feedback(Path out, String learner) throws IOException {
    return Files.readString(out.resolve("feedback").resolve(learner + ".md"));
  }

  @Test
  void defaultCeilings_referenceFullMarks_eachWrongLess_noCeilingNote() throws Exception {
    Exercise e = oomCap();
    Path subs = submissions(dir.resolve("subs"), e);
    List<String> sessions = new ArrayList<>();
    Path out = dir.resolve("out");
    JsonNode grades = grade(dir.resolve("ex/oom-cap.yaml"), subs, out, sessions);
    assertEquals(e.maxPoints(), score(grades, "reference"), grades.toString());
    for (int i = 0; i < e.wrong().size(); i++) {
      assertTrue(score(grades, "wrong" + i) < e.maxPoints(), "wrong" + i + ": " + grades);
      assertFalse(
          feedback(out, "wrong" + i).contains("memory ceiling"), feedback(out, "wrong" + i));
    }
    assertEquals("", GradeRealEngineTest.leftovers(sessions));
  }

  @Test
  void tightCeiling_killsTheUncappedHog_whichDoesNotCountAsCapped() throws Exception {
    Exercise e = oomCap();
    Path subs = submissions(dir.resolve("subs"), e);
    List<String> sessions = new ArrayList<>();
    Path out = dir.resolve("out");
    JsonNode grades =
        grade(dir.resolve("ex/oom-cap.yaml"), subs, out, sessions, "--limit-memory", "100m");
    // The learner's own 64m is tighter than the ceiling: the reference still scores full marks.
    assertEquals(e.maxPoints(), score(grades, "reference"), grades.toString());
    assertFalse(feedback(out, "reference").contains("memory ceiling"));
    // "no limit": the 100m ceiling did OOM-kill the 128 MB hog, but that is not the learner's
    // cap: neither the limit check (2) nor the OOM check (4) scores; only the partial and the
    // hidden killer-on check do.
    assertEquals("no limit", e.wrong().get(0).name());
    assertEquals(2, score(grades, "wrong0"), grades.toString());
    String fb = feedback(out, "wrong0");
    assertTrue(
        fb.contains(
            "hog was stopped by the grading sandbox's memory ceiling (100 MiB), not by a limit you"
                + " set"),
        fb);
    // "limit above what it uses" (-m 256m) is capped to the ceiling and killed by it: the check
    // still reads 256m, and the kill is the sandbox's.
    assertEquals("limit above what it uses", e.wrong().get(2).name());
    assertEquals(2, score(grades, "wrong2"), grades.toString());
    assertTrue(feedback(out, "wrong2").contains("memory ceiling (100 MiB)"));
    assertEquals("", GradeRealEngineTest.leftovers(sessions));
  }
}
