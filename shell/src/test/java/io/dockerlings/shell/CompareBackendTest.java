package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
