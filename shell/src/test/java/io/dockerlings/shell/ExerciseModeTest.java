package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.grading.GradeCommand;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseModeTest {
  @TempDir Path dir;

  private String session(String input, String lang) {
    return session(
        input,
        lang,
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9)));
  }

  /** A backend in {@code mode} whose real side connects on first use, as the launcher builds it. */
  static Modes modes(String mode, Path dir) {
    SimulatorBackend sim =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    RealBackend real =
        new RealBackend(new EngineLocator(), () -> RealOptions.in(dir.resolve("real")));
    return new Modes(
        sim, real, new CompareBackend(sim, real, Messages.forLanguage("en").orElseThrow()), mode);
  }

  private String session(String input, String lang, Backend backend) {
    return session(input, lang, backend, dir);
  }

  /** The REPL's output for {@code input}, submissions going under {@code dir}. */
  static String session(String input, String lang, Backend backend, Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    ExerciseMode mode = new ExerciseMode(Catalog.shipped(), dir, "alice", Clock.systemUTC());
    try (Console console =
        new StreamConsole(new BufferedReader(new StringReader(input)), ps, ps, true)) {
      new Repl(
              backend,
              console,
              Messages.forLanguage(lang).orElseThrow(),
              ReplCommands.standard(),
              Optional.empty(),
              Optional.of(mode))
          .run();
    }
    return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
  }

  @Test
  void startWorkCheckSubmit_givesAFileThatGradesFullMarksWithoutDivergence() throws IOException {
    Path subs = Files.createDirectories(dir.resolve("subs"));
    String out =
        session(
            "exercise start web-on-8080\n"
                + "docker run -d --name web -p 8080:80 nginx\n"
                + "docker ps\n"
                + "curl -s localhost:8080\n"
                + "exercise check\n"
                + "exercise submit "
                + subs.resolve("alice.jsonl")
                + "\n",
            "en");
    assertTrue(out.contains("A web server on port 8080"), out);
    assertTrue(out.contains("Visible checks: 7 of 7 points."), out);
    assertTrue(out.contains("1 hidden check(s)"), out);
    assertTrue(out.contains("(3 commands)"), out);
    ByteArrayOutputStream gout = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(gout, true, StandardCharsets.UTF_8);
    int rc =
        new GradeCommand(ps, ps)
            .run(List.of("web-on-8080", subs.toString(), "--out", dir.resolve("out").toString()));
    assertEquals(0, rc, gout.toString());
    String csv = Files.readString(dir.resolve("out/gradebook.csv"));
    assertTrue(csv.contains("alice,alice,8,8,,,"), csv);
    assertTrue(!csv.contains("other than recorded"), csv);
  }

  @Test
  void check_showsFailingChecksWithReasons_inChinese() {
    String out =
        session(
            "exercise start web-on-8080\ndocker run -d --name web -p 8081:80 nginx\nexercise check\n",
            "zh-CN");
    assertTrue(out.contains("✗ 0/3"), out);
    assertTrue(out.contains("web 的 80 端口发布到了宿主机的 8080 端口"), out);
    assertTrue(out.contains("可见检查项：得 3 分，满分 7 分。"), out);
  }

  @Test
  void withoutAnExercise_checkAndSubmitSaySo_andUnknownIdIsNamed() {
    String out = session("exercise check\nexercise submit\nexercise start nope\nexercise\n", "en");
    assertTrue(out.contains("No exercise is in progress"), out);
    assertTrue(out.contains("There is no exercise nope"), out);
    assertTrue(out.contains("usage: exercise list"), out);
  }

  @Test
  void resetDuringAnExercise_isRefused_andListMarksIt() {
    String out = session("exercise start oom-cap\nreset\nexercise list\n", "en");
    assertTrue(out.contains("Exercise oom-cap is in progress"), out);
    assertTrue(out.contains("* oom-cap"), out);
  }

  @Test
  void submitWithoutPath_writesIntoTheDataDirectory() {
    String out = session("exercise start restart-always\nexercise submit\n", "en");
    assertTrue(Files.exists(dir.resolve("submissions/restart-always-alice.jsonl")), out);
  }

  @Test
  void start_inRealMode_anExerciseForTheSimulatorOnly_isRefusedWithItsBackends() {
    try (Modes real = modes("real", dir)) {
      String out = session("exercise start copy-on-write\nexercise check\n", "en", real);
      assertTrue(out.contains("Exercise copy-on-write is done on: sim."), out);
      assertTrue(out.contains("No exercise is in progress"), out);
    }
  }
}
