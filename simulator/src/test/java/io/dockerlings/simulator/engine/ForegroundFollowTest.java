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
 * A foreground run without {@code -t} followed at a live terminal, replayed against what Docker
 * 20.10.24 did when Ctrl-C was pressed (golden {@code terminal/fg-ctrl-c.txt}, written by {@code
 * tools/fg-capture}): what the container printed after the key, the CLI's status or that it stayed
 * attached, and the container's state.
 */
class ForegroundFollowTest {
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
  record Case(String name, String command, int keys, String shown, String cli, String state) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), clock, 7));

  private List<String> argv(String line) {
    return CommandLine.split(line);
  }

  static List<Case> golden() throws IOException {
    String text;
    try (InputStream in =
        ForegroundFollowTest.class.getResourceAsStream("/terminal/fg-ctrl-c.txt")) {
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
              l[2].split(" ").length - 1,
              l[3].substring(Math.min(6, l[3].length())),
              l[4].substring(4),
              l[5].substring(6)));
    }
    return cases;
  }

  /** The state as the golden writes it: Up, Exited (N), or removed. */
  private String state(String name) {
    String status =
        sim.execute(argv("docker ps -a --filter name=^" + name + "$ --format {{.Status}}"))
            .stdout()
            .strip();
    if (status.isEmpty()) {
      return "removed";
    }
    if (status.startsWith("Up")) {
      return "Up";
    }
    String[] w = status.split(" ");
    return w[0] + " " + w[1];
  }

  @ParameterizedTest
  @MethodSource("golden")
  void ctrlC_duringAForegroundRun_endsItOrNot_asOnTheEngine(Case c) {
    List<String> argv = argv(c.command());
    String name = argv.get(argv.indexOf("--name") + 1);
    CommandResult r = sim.executeFollowing(argv, "");
    if (c.name().equals("after")) {
      // The simulator skips up to ten seconds at once: a program ending within them returns before
      // a key can be pressed (a known difference, in the README).
      assertTrue(r.session().isEmpty());
      assertEquals("after\n", r.stdout());
      return;
    }
    InteractiveSession s = r.session().orElseThrow(() -> new AssertionError(r.stderr()));
    assertTrue(s.foreground());
    assertTrue(s.isOpen() && s.running(), "the run goes on until a key is pressed");
    clock.tick(1);
    s.poll();
    StringBuilder shown = new StringBuilder();
    for (int k = 0; k < c.keys(); k++) {
      shown.append(s.interrupt());
      clock.tick(1);
      shown.append(s.poll());
    }
    for (int t = 0; t < 12 && s.isOpen(); t++) {
      clock.tick(1);
      shown.append(s.poll());
    }
    String cli = s.isOpen() ? "attached" : Integer.toString(s.exitCode());
    assertEquals(c.cli(), cli, c.name());
    assertEquals(c.state(), state(name), c.name());
    if (!c.shown().startsWith("(")) {
      // The engine's -t-less output ends lines with \r\n only on the learner's tty; the text is
      // the same. (yes floods the engine's terminal; the simulator's yes prints nothing.)
      assertEquals(c.shown().replace("\\r\\n", "\n"), shown.toString(), c.name());
    }
    if (cli.equals("attached")) {
      assertTrue(s.interruptIgnored() || c.name().startsWith("trap"), c.name());
      s.detach();
      assertEquals(130, s.exitCode(), "leaving a run that goes on is the CLI ended by Ctrl-C");
      assertEquals("Up", state(name));
    }
  }

  @Test
  void withoutALiveTerminal_theRunIsLeftAfterTheBoundedLook_withANote() {
    CommandResult r =
        sim.execute(argv("docker run --name fg busybox sh -c 'while true; do sleep 1; done'"));
    assertTrue(r.session().isEmpty());
    assertEquals(0, r.exitCode());
    assertTrue(r.stderr().contains("fg keeps running"), r.stderr());
  }

  @Test
  void outputFollowsTheClock_andTheSessionClosesWithTheContainersStatus() {
    CommandResult r =
        sim.executeFollowing(
            argv(
                "docker run --name tick busybox sh -c 'i=0; while [ $i -lt 15 ]; do i=$((i+1));"
                    + " echo $i; sleep 1; done; exit 4'"),
            "");
    InteractiveSession s = r.session().orElseThrow();
    assertTrue(r.stdout().startsWith("1\n2\n"), r.stdout());
    assertFalse(r.stdout().contains("12\n"), "the bounded look ends at ten seconds");
    clock.tick(2);
    String more = s.poll();
    assertFalse(more.isEmpty(), "two seconds later the loop has printed more");
    assertEquals("", s.send("typed text"), "the program's stdin is not the terminal");
    clock.tick(10);
    s.poll();
    assertFalse(s.isOpen());
    assertEquals(4, s.exitCode());
  }

  @Test
  void endOfInput_leavesTheContainerRunning_withStatus0() {
    InteractiveSession s =
        sim.executeFollowing(argv("docker run --name nap busybox sleep 1000"), "")
            .session()
            .orElseThrow();
    s.endOfInput();
    assertFalse(s.isOpen());
    assertTrue(s.leftRunning());
    assertEquals(0, s.exitCode());
    assertEquals("Up", state("nap"));
  }

  @Test
  void aCtrlCThenTheEndOfInput_asAReplayGivesThem_endsTheLoopWithoutWaitingForTheClock() {
    InteractiveSession s =
        sim.executeFollowing(
                argv("docker run --name fg busybox sh -c 'while true; do sleep 1; done'"), "")
            .session()
            .orElseThrow();
    s.send(InteractiveSession.CTRL_C);
    assertTrue(s.isOpen(), "ash waits for its sleep before it ends");
    s.endOfInput();
    assertFalse(s.isOpen());
    assertFalse(s.leftRunning());
    assertEquals(130, s.exitCode());
    assertEquals("Exited (130)", state("fg"));
  }

  @Test
  void aSilentProgram_isWaitedFor_atALiveTerminal_butSkippedInAScript() {
    CommandResult live = sim.executeFollowing(argv("docker run --name s1 busybox sleep 100"), "");
    assertTrue(live.session().isPresent(), "the learner waits, as on the engine");
    CommandResult script = sim.execute(argv("docker run --name s2 busybox sleep 100"));
    assertTrue(script.session().isEmpty());
    assertEquals(0, script.exitCode());
    assertEquals("Exited (0)", state("s2"));
  }
}
