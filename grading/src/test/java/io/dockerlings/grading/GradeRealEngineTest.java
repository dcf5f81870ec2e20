package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.Reading;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.exercises.submission.SubmissionReader;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.EngineUnavailableException;
import io.dockerlings.real.HostPaths;
import io.dockerlings.real.RealEngine;
import io.dockerlings.real.RealOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code grade --backend real} on the machine's Docker engine: shipped exercises that need only
 * busybox replay to full marks there and a wrong attempt does not, every sandbox is gone afterwards
 * (also after the time limit ran out), and an exercise whose image the engine lacks is refused.
 */
@Tag("real-engine")
class GradeRealEngineTest {
  private static final EngineLocator LOCATOR = new EngineLocator();
  @TempDir static Path ledgers;
  @TempDir Path dir;

  @BeforeAll
  static void engineAnswers() {
    String why = "";
    try {
      LOCATOR.api();
    } catch (EngineUnavailableException e) {
      why = e.getMessage();
    }
    assumeTrue(why.isEmpty(), "real-engine test skipped: " + why);
  }

  private static final HostPaths NO_FILES =
      new HostPaths() {
        @Override
        public Optional<Path> real(String typed) {
          return Optional.empty();
        }

        @Override
        public String where() {
          return "nowhere";
        }
      };

  private static final RealEngines ENGINES =
      (session, limits) -> {
        try {
          RealEngine engine =
              RealEngine.connect(
                  LOCATOR,
                  RealOptions.in(ledgers)
                      .withSessionId(session)
                      .withPaths(NO_FILES)
                      .withLimits(
                          new io.dockerlings.real.SandboxLimits(
                              limits.memoryBytes(), limits.pids(), limits.nanoCpus())));
          return new RealEngines.Opened(engine, engine::stoppedByMemoryCeiling);
        } catch (EngineUnavailableException e) {
          throw new RealEngines.Unavailable(e.getMessage());
        }
      };

  private static Submission submission(Exercise e, List<String> lines) {
    return submission(e, lines, Duration.ZERO);
  }

  private static Submission submission(Exercise e, List<String> lines, Duration gap) {
    String text = GradingFixtures.submission(e, "learner", lines, gap);
    Reading r = new SubmissionReader(e).read("l.jsonl", text.getBytes(StandardCharsets.UTF_8));
    return ((Reading.Accepted) r).submission();
  }

  private static int score(RealGrading.Outcome o) {
    return o.checks().stream().mapToInt(CheckResult::earned).sum();
  }

  /** What /usr/bin/docker lists with the label of one sandbox, of every kind. */
  static String leftovers(String session) throws IOException, InterruptedException {
    StringBuilder b = new StringBuilder();
    for (List<String> kind :
        List.of(
            List.of("ps", "-aq"), List.of("network", "ls", "-q"), List.of("volume", "ls", "-q"))) {
      List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/docker"));
      argv.addAll(kind);
      argv.addAll(List.of("--filter", "label=io.dockerlings.sandbox=" + session));
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      b.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      p.waitFor(30, TimeUnit.SECONDS);
    }
    return b.toString().strip();
  }

  private static String run() {
    return "t" + Long.toString(System.nanoTime(), 36);
  }

  @ParameterizedTest
  @ValueSource(strings = {"volume-keeps-data", "build-cache", "clean-exited", "user-network"})
  void grade_busyboxExercise_referenceFullMarks_wrongLess_sandboxGone(String id) throws Exception {
    Exercise e = Catalog.shipped().find(id).orElseThrow();
    String run = run();
    RealGrading real = new RealGrading(ENGINES, Duration.ofSeconds(120), run);
    RealGrading.Outcome good = real.grade(e, submission(e, e.solution()));
    assertEquals(e.maxPoints(), score(good), good.checks() + " " + good.replay().commands());
    RealGrading.Outcome bad = real.grade(e, submission(e, e.wrong().get(0).commands()));
    assertTrue(score(bad) < e.maxPoints(), bad.checks().toString());
    assertEquals("", leftovers("grade-" + run + "-1"));
    assertEquals("", leftovers("grade-" + run + "-2"));
  }

  @Test
  void grade_privateRegistry_referenceFullMarks_andTheSimulatorAgreesOnEveryCheck()
      throws Exception {
    Exercise e = Catalog.shipped().find("private-registry").orElseThrow();
    String run = run();
    RealGrading real = new RealGrading(ENGINES, Duration.ofSeconds(120), run);
    // Typed 3 s apart, as a learner types: the registry has started listening by the push.
    Submission s = submission(e, e.solution(), Duration.ofSeconds(3));
    RealGrading.Outcome good = real.grade(e, s);
    Replay.Result sim = Replay.run(e, s);
    List<CheckResult> simChecks =
        io.dockerlings.exercises.check.CheckRunner.run(e, sim.engine(), sim.journal());
    assertEquals(
        List.of(),
        Disagreements.of(simChecks, good.checks()),
        good.checks() + " " + good.replay().commands());
    assertEquals(e.maxPoints(), score(good), good.checks() + " " + good.replay().commands());
    RealGrading.Outcome bad = real.grade(e, submission(e, e.wrong().get(1).commands()));
    assertTrue(score(bad) < e.maxPoints(), bad.checks().toString());
    assertEquals("", leftovers("grade-" + run + "-1"));
    assertEquals("", leftovers("grade-" + run + "-2"));
  }

  @Test
  void grade_overTheTimeLimit_stopsAndLeavesNothing() throws Exception {
    Exercise e = Catalog.shipped().find("restart-always").orElseThrow();
    String run = run();
    RealGrading real = new RealGrading(ENGINES, Duration.ofSeconds(8), run);
    long t0 = System.nanoTime();
    RealGrading.Outcome o =
        real.grade(
            e,
            submission(
                e,
                List.of(
                    "docker run --name " + run + "-fg busybox sleep 600",
                    "docker run -d --name keeper busybox sleep 3600")));
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    assertTrue(o.replay().stopped().isPresent(), o.replay().commands().toString());
    assertEquals(1, o.replay().commands().size());
    assertTrue(seconds < 60, "took " + seconds + " s");
    assertEquals("", leftovers("grade-" + run + "-1"));
  }

  @Test
  void command_exerciseWhoseImageTheEngineLacks_isRefused() throws IOException {
    Path subs = Files.createDirectories(dir.resolve("subs"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new GradeCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                ENGINES)
            .run(
                List.of(
                    "web-on-8080,oom-cap",
                    subs.toString(),
                    "--backend",
                    "real",
                    "--out",
                    dir.resolve("out").toString()));
    assertEquals(2, exit, err.toString());
    assertTrue(err.toString().contains("web-on-8080 needs nginx:latest"), err.toString());
    assertTrue(err.toString().contains("oom-cap needs progrium/stress:latest"), err.toString());
  }

  /** Writes {@code count} submissions of {@code e}, alternately its solution and a wrong one. */
  static Path submissions(Path dir, Exercise e, int count, Duration gap) throws IOException {
    Path subs = Files.createDirectories(dir);
    for (int i = 0; i < count; i++) {
      List<String> lines = i % 2 == 0 ? e.solution() : e.wrong().get(0).commands();
      Files.writeString(
          subs.resolve("learner" + i + ".jsonl"),
          GradingFixtures.submission(e, "learner" + i, lines, gap),
          StandardCharsets.UTF_8);
    }
    return subs;
  }

  /**
   * {@code grade --backend real} over {@code subs}; returns each learner's "learner score" line.
   */
  static List<String> gradeCommand(
      Path subs, Path out, String exercise, int jobs, RealEngines engines) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new GradeCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                engines)
            .run(
                List.of(
                    exercise,
                    subs.toString(),
                    "--backend",
                    "real",
                    "--jobs",
                    Integer.toString(jobs),
                    "--out",
                    out.toString()));
    assertEquals(0, exit, err.toString());
    com.fasterxml.jackson.databind.JsonNode book =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(out.resolve("gradebook.json").toFile());
    List<String> scores = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode g : book.path("grades")) {
      scores.add(g.path("learner").asText() + " " + g.path("score").asText());
    }
    java.util.Collections.sort(scores);
    return scores;
  }

  /** ENGINES, noting each session it opens. */
  static RealEngines noting(List<String> sessions) {
    return (session, limits) -> {
      synchronized (sessions) {
        sessions.add(session);
      }
      return ENGINES.open(session, limits);
    };
  }

  /** What any of these sandboxes left on the engine. */
  static String leftovers(List<String> sessions) throws IOException, InterruptedException {
    StringBuilder b = new StringBuilder();
    for (String s : sessions) {
      b.append(leftovers(s));
    }
    return b.toString();
  }

  @Test
  void command_jobs2_namesCollideNoMore_scoresAsJobs1_andLeavesNothing() throws Exception {
    Exercise e = Catalog.shipped().find("user-network").orElseThrow();
    Path subs = submissions(dir.resolve("subs"), e, 4, Duration.ZERO);
    List<String> sessions = new java.util.ArrayList<>();
    List<String> one = gradeCommand(subs, dir.resolve("one"), e.id(), 1, noting(sessions));
    List<String> two = gradeCommand(subs, dir.resolve("two"), e.id(), 2, noting(sessions));
    assertEquals(one, two);
    assertTrue(one.get(0).endsWith(" " + e.maxPoints()), one.toString());
    assertTrue(!one.get(1).endsWith(" " + e.maxPoints()), one.toString());
    assertEquals(10, sessions.size(), sessions.toString());
    assertEquals("", leftovers(sessions));
  }

  /** ENGINES, counting the sandboxes open at once into {@code most}. */
  static RealEngines counting(
      java.util.concurrent.atomic.AtomicInteger live,
      java.util.concurrent.atomic.AtomicInteger most,
      List<String> sessions) {
    RealEngines inner = noting(sessions);
    return (session, limits) -> {
      RealEngines.Opened sandbox = inner.open(session, limits);
      io.dockerlings.simulator.DockerEngine opened = sandbox.engine();
      most.accumulateAndGet(live.incrementAndGet(), Math::max);
      io.dockerlings.simulator.DockerEngine counted =
          new io.dockerlings.simulator.ForwardingDockerEngine(opened) {
            @Override
            public Optional<String> readFile(String container, String path) {
              return opened.readFile(container, path);
            }

            @Override
            public Optional<String> readVolumeFile(String volume, String path) {
              return opened.readVolumeFile(volume, path);
            }

            @Override
            public Optional<String> readHostFile(String path) {
              return opened.readHostFile(path);
            }

            @Override
            public Optional<List<String>> diff(String container) {
              return opened.diff(container);
            }

            @Override
            public Optional<List<String>> registryTags(String registry, String repository) {
              return opened.registryTags(registry, repository);
            }

            @Override
            public Optional<Integer> layerOf(String image, String path) {
              return opened.layerOf(image, path);
            }

            @Override
            public Optional<io.dockerlings.simulator.HostSpec> hostSpec() {
              return opened.hostSpec();
            }

            @Override
            public void close() {
              live.decrementAndGet();
              opened.close();
            }
          };
      return new RealEngines.Opened(counted, sandbox.stoppedByMemoryCeiling());
    };
  }

  /**
   * Exercises that publish host ports and make image tags (the registry on 5000, a push, a pull
   * back; a build tagged app): their reference and every wrong submission graded with {@code --jobs
   * 2} get the grades {@code --jobs 1} gives, two of them on the engine at once, and nothing is
   * left (no container, network or volume of a sandbox, no tag of one).
   */
  @ParameterizedTest
  @ValueSource(strings = {"private-registry", "build-cache"})
  void command_jobs2_portsAndTags_sideBySide_scoreAsJobs1_andLeaveNothing(String id)
      throws Exception {
    Exercise e = Catalog.shipped().find(id).orElseThrow();
    Path subs = Files.createDirectories(dir.resolve("subs"));
    List<List<String>> all = new java.util.ArrayList<>();
    all.add(e.solution());
    e.wrong().forEach(w -> all.add(w.commands()));
    all.add(e.solution());
    for (int i = 0; i < all.size(); i++) {
      Files.writeString(
          subs.resolve("learner" + i + ".jsonl"),
          GradingFixtures.submission(e, "learner" + i, all.get(i), Duration.ofSeconds(2)),
          StandardCharsets.UTF_8);
    }
    List<String> sessions = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger live =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    List<String> one =
        gradeCommand(subs, dir.resolve("one"), e.id(), 1, counting(live, most, sessions));
    assertEquals(1, most.get());
    List<String> two =
        gradeCommand(subs, dir.resolve("two"), e.id(), 2, counting(live, most, sessions));
    assertEquals(one, two);
    assertEquals(2, most.get(), "two submissions on the engine at once");
    assertTrue(one.get(0).endsWith(" " + e.maxPoints()), one.toString());
    assertTrue(
        one.stream().filter(g -> g.endsWith(" " + e.maxPoints())).count() == 2, one.toString());
    assertEquals("", settledLeftovers(sessions));
    assertEquals("", taggedLeftovers(sessions));
  }

  /**
   * What these sandboxes left once the engine's own removals have finished: a build's intermediate
   * containers carry the build's labels and the daemon may still be removing them (it showed them
   * "Removal In Progress" right after a parallel run), so this waits up to 15 s for nothing to be
   * left, and returns what is left then.
   */
  static String settledLeftovers(List<String> sessions) throws Exception {
    String left = leftovers(sessions);
    for (int i = 0; i < 30 && !left.isEmpty(); i++) {
      Thread.sleep(500);
      left = leftovers(sessions);
    }
    return left;
  }

  /** Image tags of these sandboxes still on the engine (their prefix, or a registry port's). */
  static String taggedLeftovers(List<String> sessions) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("/usr/bin/docker", "images", "--format", "{{.Repository}}:{{.Tag}}")
            .redirectErrorStream(true)
            .start();
    String images = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    StringBuilder b = new StringBuilder();
    for (String line : images.split("\n")) {
      for (String s : sessions) {
        if (line.contains("dl-" + s + ".")) {
          b.append(line).append('\n');
        }
      }
      if (line.matches("localhost:[0-9]+/tools/hello:.*")) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  @Test
  void command_jobs2_twoSubmissionsPublishingTheSamePort_bothFullMarks_sideBySide()
      throws Exception {
    Exercise e = Catalog.shipped().find("private-registry").orElseThrow();
    Path subs = Files.createDirectories(dir.resolve("subs"));
    for (int i = 0; i < 2; i++) {
      Files.writeString(
          subs.resolve("learner" + i + ".jsonl"),
          GradingFixtures.submission(e, "learner" + i, e.solution(), Duration.ofSeconds(3)),
          StandardCharsets.UTF_8);
    }
    List<String> sessions = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger live =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    List<String> scores =
        gradeCommand(subs, dir.resolve("out"), e.id(), 2, counting(live, most, sessions));
    assertEquals(List.of("learner0 " + e.maxPoints(), "learner1 " + e.maxPoints()), scores);
    assertEquals(2, most.get(), "both registries on port 5000 at once");
    assertEquals("", settledLeftovers(sessions));
    assertEquals("", taggedLeftovers(sessions));
  }
}
