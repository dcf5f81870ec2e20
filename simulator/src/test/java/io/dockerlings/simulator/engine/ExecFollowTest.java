package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.InteractiveSession;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A foreground {@code docker exec} without {@code -t} followed at a live terminal, replayed against
 * what Docker 20.10.24 did when Ctrl-C was pressed (golden {@code terminal/exec-ctrl-c.txt},
 * written by {@code tools/exec-capture}): the CLI's status, whether the program still ran in the
 * container, and the container's state.
 */
class ExecFollowTest {
  /** A clock the test moves by hand, as the learner's wait would. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void tick(long seconds) {
      now = now.plus(Duration.ofSeconds(seconds));
    }
  }

  /** One case of the golden. */
  record Case(String name, String command, String cli, boolean stillRuns, String container) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), clock, 7));

  static List<Case> golden() throws IOException {
    String text;
    try (InputStream in = ExecFollowTest.class.getResourceAsStream("/terminal/exec-ctrl-c.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    for (String block : text.split("\n\n")) {
      if (!block.startsWith("case ")) {
        continue;
      }
      String[] l = block.split("\n");
      cases.add(
          new Case(
              l[0].substring(5),
              l[1].substring(2),
              l[5].substring(4),
              l[6].endsWith("yes"),
              l[7].substring(10).strip()));
    }
    return cases;
  }

  private CommandResult run(String line) {
    CommandResult r = sim.execute(CommandLine.split(line));
    assertEquals(0, r.exitCode(), line + ": " + r.stderr());
    return r;
  }

  @ParameterizedTest
  @MethodSource("golden")
  void ctrlC_duringAForegroundExec_endsTheCliAndLeavesTheProgramRunning_asOnTheEngine(Case c) {
    run("docker run -d --name ex busybox sleep 1000");
    // The golden's container is "c"; a one-letter name is not a valid one.
    String command = c.command().replace(" c ", " ex ");
    CommandResult r = sim.executeFollowing(CommandLine.split(command), "");
    InteractiveSession s = r.session().orElseThrow(() -> new AssertionError(r.stderr()));
    assertTrue(s.foreground());
    assertTrue(s.isOpen());
    assertFalse(r.stderr().contains("dockerlings"), r.stderr());
    clock.tick(2);
    s.poll();
    s.interrupt();
    assertFalse(s.isOpen());
    assertEquals(Integer.parseInt(c.cli()), s.exitCode());
    assertEquals(c.stillRuns(), s.leftRunning());
    clock.tick(3);
    String ps = run("docker top ex").stdout();
    String program = command.substring(command.indexOf(" ex ") + 4);
    assertEquals(c.stillRuns(), ps.lines().count() > 2, ps);
    assertTrue(ps.contains(program.replace("'", "").split(" ")[0]), ps);
    assertEquals(c.container(), run("docker inspect -f {{.State.Status}} ex").stdout().strip());
  }

  @Test
  void followedExec_showsItsOutputAsTimeGoesBy_andEndsWithItsStatus() {
    run("docker run -d --name ex busybox sleep 1000");
    CommandResult r =
        sim.executeFollowing(
            CommandLine.split(
                "docker exec ex sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13; do"
                    + " echo $i; sleep 1; done; exit 4'"),
            "");
    assertTrue(r.stdout().startsWith("1\n2\n"), r.stdout());
    assertFalse(r.stdout().contains("12\n"), r.stdout());
    InteractiveSession s = r.session().orElseThrow();
    clock.tick(2);
    String more = s.poll();
    assertTrue(more.contains("12\n"), more);
    clock.tick(5);
    more += s.poll();
    assertTrue(more.endsWith("13\n"), more);
    assertFalse(s.isOpen());
    assertEquals(4, s.exitCode());
    assertEquals(2, run("docker top ex").stdout().lines().count(), "only sleep 1000 is left");
  }

  @Test
  void silentExec_isWaitedFor_notLookedAtAWeekAhead() {
    run("docker run -d --name ex busybox sleep 1000");
    CommandResult r = sim.executeFollowing(CommandLine.split("docker exec ex sleep 30"), "");
    InteractiveSession s = r.session().orElseThrow();
    assertTrue(s.isOpen());
    clock.tick(25);
    s.poll();
    assertFalse(s.isOpen());
    assertEquals(0, s.exitCode());
  }

  @Test
  void endOfInput_looksAtTheBoundedWindow_thenLeavesTheProgramRunning() {
    run("docker run -d --name ex busybox sleep 1000");
    InteractiveSession s =
        sim.executeFollowing(
                CommandLine.split("docker exec ex sh -c 'while true; do echo x; sleep 1; done'"),
                "")
            .session()
            .orElseThrow();
    String shown = s.endOfInput();
    assertTrue(shown.startsWith("x\nx\n"), shown);
    assertFalse(s.isOpen());
    assertTrue(s.leftRunning());
    assertEquals(0, s.exitCode());
  }

  @Test
  void withoutALiveTerminal_orWithATty_theBoundedLookStays() {
    run("docker run -d --name ex busybox sleep 1000");
    CommandResult batch =
        sim.execute(CommandLine.split("docker exec ex sh -c 'while true; do sleep 1; done'"));
    assertTrue(batch.session().isEmpty());
    assertTrue(batch.stderr().contains("dockerlings"), batch.stderr());
    CommandResult tty =
        sim.executeFollowing(
            CommandLine.split("docker exec -t ex sh -c 'while true; do sleep 1; done'"), "");
    assertTrue(tty.session().isEmpty());
  }
}
