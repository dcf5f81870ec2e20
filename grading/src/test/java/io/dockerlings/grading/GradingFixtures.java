package io.dockerlings.grading;

import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.model.ExerciseLoader;
import io.dockerlings.exercises.submission.TerminalInput;
import io.dockerlings.exercises.submission.Transcript;
import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.DockerSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A small exercise and submissions to it, for the grading tests. */
final class GradingFixtures {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  static final String WEB =
      """
      id: web
      module: M2
      title: {en: A web server, zh: 一个网页服务器}
      task: {en: Run busybox httpd as web., zh: 以 web 为名运行 busybox httpd。}
      deadline: 2026-12-02T00:00:00Z
      tasks:
        - id: serve
          title: {en: Serve, zh: 提供服务}
          checks:
            - id: web-running
              points: 3
              goal: {container: {name: web, state: running}}
              reason: {en: web is running, zh: web 正在运行}
              hint: {en: "run it detached with -d", zh: "用 -d 在后台运行"}
              partial:
                - points: 1
                  goal: {container: {name: web}}
                  reason: {en: web exists but is not running, zh: web 存在但没有运行}
            - id: published
              points: 2
              goal: {used: "-p 8080:80"}
              reason: {en: port 8080 is published, zh: 发布了 8080 端口}
            - id: no-privileged
              points: 1
              visible: false
              goal: {never: "--privileged"}
              reason: {en: no privileged mode, zh: 没有用特权模式}
      solution: [docker run -d --name web -p 8080:80 busybox httpd -f -p 80]
      wrong:
        - name: no port
          commands: [docker run -d --name web busybox httpd -f -p 80]
      """;

  private GradingFixtures() {}

  static Exercise web() {
    try {
      return new ExerciseLoader().load("web", WEB.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A sealed submission of {@code lines}, each run on a fresh simulator as the REPL would. */
  static String submission(Exercise e, String learner, List<String> lines) {
    return submission(e, learner, lines, Duration.ZERO);
  }

  /** The same, its lines typed {@code gap} apart. */
  static String submission(Exercise e, String learner, List<String> lines, Duration gap) {
    ReplayClock clock = new ReplayClock(T0);
    DockerSimulator sim = DockerSimulator.create(e.simulatorOptions(clock));
    for (String line : e.setup()) {
      Commands.run(sim, line);
    }
    Transcript t = new Transcript(learner, e, "sim", T0);
    Instant at = T0;
    for (String line : lines) {
      clock.advanceTo(at);
      Journal.Entry r = Commands.run(sim, line);
      t.add(line, at, r.exitCode(), r.output(), "", List.<TerminalInput>of());
      at = at.plus(gap);
    }
    return t.seal(at.plusSeconds(60));
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
