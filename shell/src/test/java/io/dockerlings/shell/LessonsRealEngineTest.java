package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.run.Replay;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.SimulatorOptions;
import io.dockerlings.simulator.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course on a real engine: every built-in lesson's solutions replayed through real mode (the
 * same wiring as {@code mode real}: the simulated host for host lines, the engine for docker
 * lines), and every step that the engine can run completes there too. Steps whose declared needs
 * the engine does not meet are skipped with their reason; the counts go to {@code
 * target/lessons-real-engine.md}.
 */
@Tag("real-engine")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LessonsRealEngineTest {
  @TempDir Path dir;
  private final List<Replay.Report> reports = new ArrayList<>();

  @BeforeAll
  void engineAnswers() {
    Assumptions.assumeTrue(
        new EngineLocator().available(),
        "no Docker engine reachable: the lessons' real-engine replay needs one (start dockerd or"
            + " set DOCKER_HOST)");
  }

  @TestFactory
  Stream<DynamicTest> everyLesson_solutionsCompleteOnTheRealEngine() {
    Course course = Course.of(Course.builtIn());
    List<String> only = List.of(System.getProperty("lessons.only", "").split(","));
    return course.lessons().stream()
        .filter(l -> only.equals(List.of("")) || only.contains(l.id()))
        .map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> replay(lesson)));
  }

  private void replay(Lesson lesson) throws IOException {
    Path ws = Files.createDirectories(dir.resolve(lesson.id()).resolve("workspace"));
    SimulatorBackend sim =
        new SimulatorBackend(() -> SimulatorOptions.defaults().withWorkspace(Workspace.at(ws)));
    RealBackend real =
        new RealBackend(
            new EngineLocator(),
            () ->
                RealOptions.in(dir.resolve(lesson.id()).resolve("real"))
                    .withPaths(new WorkspacePaths(sim, ws)));
    try (Modes modes = new Modes(sim, real, sim, "real")) {
      Replay.Report report = Replay.replay(lesson, new Paced(new ShellWorkbench(modes)));
      synchronized (reports) {
        reports.add(report);
      }
      assertEquals(List.of(), report.failures(), lesson.id() + " on the real engine");
    }
  }

  @AfterAll
  void writeReport() throws IOException {
    if (reports.isEmpty()) {
      return;
    }
    StringBuilder md = new StringBuilder("# Lessons on the real engine\n\n");
    md.append("| lesson | steps | passed | failed | skipped |\n|---|---|---|---|---|\n");
    long[] total = new long[4];
    for (Replay.Report r : reports) {
      long p = r.count(Replay.Outcome.PASSED);
      long f = r.count(Replay.Outcome.FAILED);
      long s = r.count(Replay.Outcome.SKIPPED);
      md.append("| %s | %d | %d | %d | %d |\n".formatted(r.lesson(), r.steps().size(), p, f, s));
      total[0] += r.steps().size();
      total[1] += p;
      total[2] += f;
      total[3] += s;
    }
    md.append("| all | %d | %d | %d | %d |\n\n".formatted(total[0], total[1], total[2], total[3]));
    for (Replay.Report r : reports) {
      for (Replay.StepResult s : r.steps()) {
        if (s.outcome() != Replay.Outcome.PASSED || !s.detail().isEmpty()) {
          md.append(
              "- %s/%s (%s) %s: %s\n"
                  .formatted(r.lesson(), s.step(), s.kind(), s.outcome(), s.detail()));
        }
      }
    }
    Path out = Path.of("target", "lessons-real-engine.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.println(md);
  }

  /**
   * A workbench that, after a detached run publishing a host port, waits (at most 15 s) until the
   * service behind it answers, as a learner's typing pace lets it: docker-proxy accepts a
   * connection before the container listens, so a push typed at once to a registry still starting
   * gets EOF on the engine.
   */
  private static final class Paced implements io.dockerlings.lessons.run.Workbench {
    private static final java.util.regex.Pattern PUBLISHED =
        java.util.regex.Pattern.compile(
            "^docker (?:container )?run .*-d\\b.*-p (?:127\\.0\\.0\\.1:)?(\\d+):");
    private final io.dockerlings.lessons.run.Workbench bench;

    Paced(io.dockerlings.lessons.run.Workbench bench) {
      this.bench = bench;
    }

    @Override
    public io.dockerlings.simulator.DockerEngine engine() {
      return bench.engine();
    }

    @Override
    public io.dockerlings.lessons.state.Journal.Entry run(String line, List<String> input) {
      io.dockerlings.lessons.state.Journal.Entry e = bench.run(line, input);
      java.util.regex.Matcher m = PUBLISHED.matcher(line);
      if (e.exitCode() == 0 && m.find()) {
        awaitAnswer(Integer.parseInt(m.group(1)));
      }
      return e;
    }

    @Override
    public void reset(io.dockerlings.simulator.HostSpec host) {
      bench.reset(host);
    }

    @Override
    public boolean hasRealEngine() {
      return bench.hasRealEngine();
    }

    @Override
    public boolean hasImage(String ref) {
      return bench.hasImage(ref);
    }

    private static void awaitAnswer(int port) {
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
          socket.setSoTimeout(2_000);
          socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes());
          if (socket.getInputStream().read() >= 0) {
            return;
          }
        } catch (IOException notYet) {
          // refused, reset or timed out: the service is still starting
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
