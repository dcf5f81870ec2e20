package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.progress.Progress;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LessonDeskTest {
  private final Messages en = Messages.forLanguage("en").orElseThrow();

  private final Backend backend =
      new SimulatorBackend(
          () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));

  private LessonDesk desk(int width) {
    Course course = Course.of(Course.readDir(Path.of("src/test/resources/lessons-e2e/course")));
    LessonDesk d =
        new LessonDesk(course, new ShellWorkbench(backend), Optional.empty(), Progress.empty());
    d.width(width);
    return d;
  }

  @Test
  void commandsOnTheirOwnLines_areNeverBroken_whileTheProseAroundThemWraps() {
    LessonDesk d = desk(40);
    d.handle("lesson", List.of("t0-first-steps"), en);
    d.afterCommand(
        new ShellWorkbench(backend).run("docker run --name hello busybox echo hi", List.of()), en);
    String noted = d.handle("answer", List.of("3"), en);
    assertTrue(noted.contains("\n  docker run --name seven busybox sh -c 'exit 7'\n"), noted);
    for (String line : noted.split("\n")) {
      assertTrue(line.startsWith("  docker ") || line.length() <= 40, line);
    }
  }

  @Test
  void lessonsList_keepsIdsBarsAndCountsInColumns_andHangsWhatALessonTeaches() {
    String list = desk(40).handle("lessons", List.of(), en);
    assertTrue(
        list.contains(
            "\n    t0-first-steps         \u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591\u2591   0/4\n"),
        list);
    assertTrue(list.contains("\n      First steps (fixture) \u2014 A\n"), list);
    for (String line : list.split("\n")) {
      assertTrue(line.length() <= 45, line);
    }
  }
}
