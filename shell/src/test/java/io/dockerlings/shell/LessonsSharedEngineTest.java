package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.run.Replay;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.SimulatorOptions;
import io.dockerlings.simulator.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two learners doing the same lesson at the same time in real mode on one engine: both type the
 * same container and volume names ({@code --name web}, {@code -v data:/data}), host ports ({@code
 * -p 8080:80}, a registry on 5000) and image tags ({@code build -t}, {@code localhost:5000/...}),
 * and each session's are its own, so both complete every step the engine can run, and nothing is
 * left.
 */
@Tag("real-engine")
class LessonsSharedEngineTest {
  @TempDir Path dir;

  /**
   * One locator for both sessions: two sessions of one dockerlings process (as grading runs them)
   * share which host port numbers they keep as their own. Two separate processes publishing the
   * same number within the same instant can both find it free; README says so.
   */
  private final EngineLocator locator = new EngineLocator();

  @BeforeAll
  static void engineAnswers() {
    Assumptions.assumeTrue(
        new EngineLocator().available(),
        "no Docker engine reachable: two lessons at once on one engine need one (start dockerd or"
            + " set DOCKER_HOST)");
  }

  private Replay.Report replay(Lesson lesson, String who) throws Exception {
    Path home = dir.resolve(who);
    Path ws = Files.createDirectories(home.resolve("workspace"));
    SimulatorBackend sim =
        new SimulatorBackend(() -> SimulatorOptions.defaults().withWorkspace(Workspace.at(ws)));
    String session = "s5ports-" + who + "-" + UUID.randomUUID().toString().substring(0, 6);
    RealBackend real =
        new RealBackend(
            locator,
            () ->
                RealOptions.in(home.resolve("real"))
                    .withSessionId(session)
                    .withPaths(new WorkspacePaths(sim, ws)));
    try (Modes modes = new Modes(sim, real, sim, "real")) {
      return Replay.replay(lesson, new ShellWorkbench(modes));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "m2-stop-and-exit-codes",
        "m9-volumes",
        "m8-ports",
        "m1-private-registry",
        "m5-dockerfile-cache"
      })
  void sameLesson_twoSessionsAtOnce_bothComplete(String id) throws Exception {
    Lesson lesson =
        Course.of(Course.builtIn()).lessons().stream()
            .filter(l -> l.id().equals(id))
            .findFirst()
            .orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Replay.Report> a = pool.submit(() -> replay(lesson, "a"));
      Future<Replay.Report> b = pool.submit(() -> replay(lesson, "b"));
      for (Replay.Report r : List.of(a.get(), b.get())) {
        assertEquals(List.of(), r.failures(), id + " beside another session");
        assertTrue(r.count(Replay.Outcome.PASSED) > 0, r.steps().toString());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals("", leftovers());
  }

  /** Containers, networks, volumes and image tags of this test's sessions still on the engine. */
  private static String leftovers() throws Exception {
    StringBuilder b = new StringBuilder();
    for (List<String> kind :
        List.of(
            List.of("ps", "-a", "--format", "{{.Names}}"),
            List.of("network", "ls", "--format", "{{.Name}}"),
            List.of("volume", "ls", "--format", "{{.Name}}"),
            List.of("images", "--format", "{{.Repository}}:{{.Tag}}"))) {
      List<String> argv = new ArrayList<>(List.of("docker"));
      argv.addAll(kind);
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      for (String line :
          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.contains("dl-s5ports-")) {
          b.append(line).append('\n');
        }
      }
      p.waitFor();
    }
    return b.toString();
  }
}
