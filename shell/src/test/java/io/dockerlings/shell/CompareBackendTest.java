package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CompareBackendTest {
  private static SimulatorBackend sim(long seed) {
    return new SimulatorBackend(
        () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), seed));
  }

  private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

  @Test
  void execute_onTwoAlikeEngines_saysSameAfterNormalisingIds() {
    CompareBackend both = new CompareBackend(sim(1), sim(2), EN);
    CommandResult r =
        both.execute(List.of("docker", "run", "-d", "--name", "web", "busybox", "sleep", "99"), "");
    assertEquals(0, r.exitCode());
    assertTrue(r.stdout().contains("=> same after normalising ids"), r.stdout());
    CompareBackend.Outcome o = both.last().orElseThrow();
    assertEquals(List.of(), o.stateDifferences());
    assertEquals(0, o.comparison().differingLines());
  }

  @Test
  void diffInPathOrder_sortsTheEnginesDiffLines_andLeavesOtherCommandsAlone() {
    CommandResult engine = CommandResult.of(0, "C /etc\nA /etc/x\nC /bin\nD /bin/yes\n", "");
    assertEquals(
        "C /bin\nD /bin/yes\nC /etc\nA /etc/x\n",
        CompareBackend.diffInPathOrder(List.of("docker", "container", "diff", "c"), engine)
            .stdout());
    assertEquals(
        engine.stdout(),
        CompareBackend.diffInPathOrder(List.of("docker", "logs", "c"), engine).stdout());
  }

  @Test
  void execute_generatedNames_areNotCountedAsDifferences() {
    CompareBackend both = new CompareBackend(sim(1), sim(2), EN);
    both.execute(List.of("docker", "create", "busybox"), "");
    CommandResult ps = both.execute(List.of("docker", "ps", "-a"), "");
    assertTrue(ps.stdout().contains("=> same after normalising"), ps.stdout());
  }

  @Test
  void execute_differentAnswers_markLinesStateAndExitCodeOfTheEngine() {
    FakeBackend engine =
        new FakeBackend()
            .answer(
                "docker run -m 2m busybox true",
                CommandResult.of(
                    125,
                    "",
                    "docker: Error response from daemon: Minimum memory limit allowed is 6MB.\n"
                        + "See 'docker run --help'.\n"));
    CompareBackend both = new CompareBackend(sim(1), engine, EN);
    both.execute(List.of("docker", "create", "--name", "only-here", "busybox"), "");
    CommandResult r = both.execute(List.of("docker", "run", "-m", "2m", "busybox", "true"), "");
    assertEquals(125, r.exitCode());
    assertTrue(r.stdout().contains("State differences"), r.stdout());
    assertTrue(r.stdout().contains("container only-here: only on the left"), r.stdout());
    assertTrue(r.stdout().contains("6MB"), r.stdout());
  }

  @Test
  void layout_narrowTerminal_stacksTheTwoSides() {
    CompareBackend both = new CompareBackend(sim(1), sim(2), EN);
    both.layout(() -> 60, false);
    CommandResult r = both.execute(List.of("docker", "ps"), "");
    assertTrue(r.stdout().contains("== simulator (exit 0) =="), r.stdout());
    assertTrue(r.stdout().lines().allMatch(l -> l.length() <= 60), r.stdout());
  }

  @Test
  void reset_resetsBothEngines() {
    SimulatorBackend left = sim(1);
    SimulatorBackend right = sim(2);
    CompareBackend both = new CompareBackend(left, right, EN);
    both.execute(List.of("docker", "create", "--name", "x", "busybox"), "");
    both.reset();
    assertEquals(List.of(), left.containerNames());
    assertEquals(List.of(), right.containerNames());
  }

  @Test
  void execute_unnamedContainers_arePairedAcrossGeneratedNames_andTheirStatesCompared() {
    CompareBackend both = new CompareBackend(sim(1), sim(2), EN);
    both.execute(List.of("docker", "run", "busybox", "sh", "-c", "exit 3"), "");
    assertEquals(List.of(), both.last().orElseThrow().stateDifferences());
    both.execute(List.of("docker", "create", "busybox"), "");
    assertEquals(List.of(), both.last().orElseThrow().stateDifferences());
    CompareBackend.Outcome ps = lastOf(both, "docker ps -a");
    assertEquals(List.of(), ps.stateDifferences());
  }

  @Test
  void execute_runIt_givesOneTerminal_whoseLinesReachBothEngines() {
    CompareBackend both = new CompareBackend(sim(1), sim(2), EN);
    CommandResult r =
        both.execute(List.of("docker", "run", "-it", "--name", "t1", "busybox", "sh"), "");
    assertTrue(r.stdout().contains("=> same output"), r.stdout());
    io.dockerlings.simulator.InteractiveSession term = r.session().orElseThrow();
    assertEquals("hi\n", term.send("echo hi"));
    term.send("exit 3");
    assertEquals(3, term.exitCode());
    CompareBackend.Outcome ps = lastOf(both, "docker ps -a");
    // Both containers exited with 3: the engine's was typed into too.
    assertEquals(List.of(), ps.stateDifferences());
    assertTrue(ps.engine().stdout().contains("Exited (3)"), ps.engine().stdout());
  }

  @Test
  void execute_runIt_comparesTheAnswersToEachLine_showingOnlyThoseThatDiffer() {
    Backend right = sim(2);
    CompareBackend both = new CompareBackend(sim(1), right, EN);
    io.dockerlings.simulator.InteractiveSession term =
        both.execute(List.of("docker", "run", "-it", "--name", "t2", "busybox", "sh"), "")
            .session()
            .orElseThrow();
    // Each side's hostname is its own container id: the same after normalising, so no table.
    String host = term.send("hostname");
    assertFalse(host.contains("engine (exit"), host);
    right.execute(List.of("docker", "exec", "t2", "touch", "/only-right"), "");
    String ls = term.send("ls /only-right");
    assertTrue(ls.startsWith("ls: /only-right: No such file or directory\n"), ls);
    assertTrue(ls.contains("engine (exit 0)"), ls);
    assertTrue(ls.contains("differs in"), ls);
    term.send("exit");
  }

  private static CompareBackend.Outcome lastOf(CompareBackend both, String line) {
    both.execute(List.of(line.split(" ")), "");
    return both.last().orElseThrow();
  }

  @Test
  void teachingPoints_wrapAtTheTerminalWidth_hangingUnderTheirMark() {
    FakeBackend engine =
        new FakeBackend()
            .answer(
                "docker run -m 2m busybox true",
                CommandResult.of(
                    125,
                    "",
                    "docker: Error response from daemon: Minimum memory limit allowed is 6MB.\n"
                        + "See 'docker run --help'.\n"));
    CompareBackend both = new CompareBackend(sim(1), engine, EN);
    both.layout(() -> 60, false);
    CommandResult r = both.execute(List.of("docker", "run", "-m", "2m", "busybox", "true"), "");
    List<String> point = r.stdout().lines().dropWhile(l -> !l.startsWith("* ")).toList();
    assertTrue(point.size() > 1, r.stdout());
    for (String l : point) {
      assertTrue(l.length() <= 60 && (l.startsWith("* ") || l.startsWith("  ")), l);
    }
  }

  @Test
  void execute_saveThenLoad_eachEngineLoadsTheTarItWrote(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path ws) {
    java.util.function.LongFunction<SimulatorBackend> at =
        seed ->
            new SimulatorBackend(
                () ->
                    new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), seed)
                        .withWorkspace(io.dockerlings.simulator.Workspace.at(ws)));
    CompareBackend both =
        new CompareBackend(
            at.apply(1), at.apply(2), EN, typed -> java.util.Optional.of(ws.resolve(typed)));
    both.execute(
        List.of("docker", "run", "--name", "kept", "busybox", "sh", "-c", "echo x > /x"), "");
    both.execute(List.of("docker", "commit", "kept", "pack:v1"), "");
    List<String> id = List.of("docker", "image", "inspect", "-f", "{{.Id}}", "pack:v1");
    both.execute(id, "");
    String mine = both.last().orElseThrow().simulator().stdout();
    String theirs = both.last().orElseThrow().engine().stdout();
    assertTrue(!mine.equals(theirs), mine);
    both.execute(List.of("docker", "save", "-o", "img.tar", "pack:v1"), "");
    both.execute(List.of("docker", "rmi", "pack:v1"), "");
    both.execute(List.of("docker", "load", "-i", "img.tar"), "");
    both.execute(id, "");
    assertEquals(mine, both.last().orElseThrow().simulator().stdout());
    assertEquals(theirs, both.last().orElseThrow().engine().stdout());
  }

  @Test
  void execute_inChinese_saysHeadsVerdictAndStateInChinese_andTheEnginesWordsAsPrinted() {
    FakeBackend engine =
        new FakeBackend()
            .answer(
                "docker run -m 2m busybox true",
                CommandResult.of(
                    125,
                    "",
                    "docker: Error response from daemon: Minimum memory limit allowed is 6MB.\n"
                        + "See 'docker run --help'.\n"));
    CompareBackend both = new CompareBackend(sim(1), engine, EN);
    both.language(Messages.forLanguage("zh-CN").orElseThrow());
    both.execute(List.of("docker", "create", "--name", "only-here", "busybox"), "");
    CommandResult r = both.execute(List.of("docker", "run", "-m", "2m", "busybox", "true"), "");
    String out = r.stdout();
    assertTrue(out.contains("  模拟器 (exit 125) "), out);
    assertTrue(out.contains("| 真实引擎 (exit 125)"), out);
    assertTrue(out.contains("=> 输出相同\n"), out);
    assertTrue(out.contains("container only-here：只在模拟器中"), out);
    assertTrue(out.contains("limit allowed is 6MB."), out);
    assertTrue(!out.contains("only on the left") && !out.contains("differs in"), out);
  }
}
