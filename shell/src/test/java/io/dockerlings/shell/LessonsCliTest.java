package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonsCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int validate(String... paths) {
    String[] args = new String[paths.length + 2];
    args[0] = "lessons";
    args[1] = "validate";
    System.arraycopy(paths, 0, args, 2, paths.length);
    return Main.run(
        args,
        null,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
  }

  @Test
  void validate_soundLesson_exitsZero() {
    assertEquals(0, validate("src/test/resources/lessons-e2e/course"));
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains("4 steps, 4 solved, 3 of 3 wrong attempts refused"));
  }

  @Test
  void validate_brokenLesson_exitsOneWithLineNumberedProblems(@TempDir Path dir) throws Exception {
    String good =
        Files.readString(Path.of("src/test/resources/lessons-e2e/course/t0-first-steps.yaml"));
    Path bad = dir.resolve("t0-first-steps.yaml");
    Files.writeString(bad, good.replace("zh: 运行一个名为 hello", "zx: 运行一个名为 hello"));
    assertEquals(1, validate(bad.toString()));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains(bad + ":10: unknown say property 'zx'"), e);
    Files.writeString(
        bad,
        good.replace(
            "[docker run --name hi busybox echo hello]", "[docker run --name hello busybox true]"));
    assertEquals(1, validate(bad.toString()));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains(":8: wrong attempt 1 of step 'hello' completes it"));
  }

  @Test
  void validate_directoryWithoutLessons_exitsOne_andAResourcesDirectoryMeansItsLessons(
      @TempDir Path dir) throws Exception {
    assertEquals(1, validate(dir.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(dir + ": no lesson files"));
    Path lessons = Files.createDirectories(dir.resolve("lessons"));
    Files.copy(
        Path.of("src/test/resources/lessons-e2e/course/t0-first-steps.yaml"),
        lessons.resolve("t0-first-steps.yaml"));
    assertEquals(0, validate(dir.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("t0-first-steps.yaml: 4 steps"));
  }

  @Test
  void validate_withoutAPath_isAUsageError() {
    assertEquals(
        2,
        Main.run(
            new String[] {"lessons"}, null, new PrintStream(out), new PrintStream(err), false));
  }

  private int demoValidate(String... paths) {
    String[] args = new String[paths.length + 2];
    args[0] = "demo";
    args[1] = "validate";
    System.arraycopy(paths, 0, args, 2, paths.length);
    return Main.run(
        args,
        null,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
  }

  @Test
  void demoValidate_shippedDemos_exitZero() {
    assertEquals(0, demoValidate("../lessons/src/main/resources"));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("10 demo files, 0 problems"),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void demoValidate_brokenDemo_exitsOneWithLineNumberedProblems(@TempDir Path dir)
      throws Exception {
    String good = Files.readString(Path.of("../lessons/src/main/resources/demos/oom.yaml"));
    Path bad = dir.resolve("oom.yaml");
    Files.writeString(bad, good.replace("measure: {exit-code: demo-oom}", "measure: {speed: x}"));
    assertEquals(1, demoValidate(bad.toString()));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains(bad + ":21: unknown quantity 'speed'"), e);
  }

  @Test
  void demoValidate_demoDockerRefuses_exitsOneNamingTheStep(@TempDir Path dir) throws Exception {
    String good = Files.readString(Path.of("../lessons/src/main/resources/demos/oom.yaml"));
    Path bad = dir.resolve("oom.yaml");
    Files.writeString(bad, good.replace("-m 64m busybox", "-m 4m busybox"));
    assertEquals(1, demoValidate(bad.toString()));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("docker refused") && e.contains("Minimum memory limit"), e);
    assertEquals(2, demoValidate());
  }
}
