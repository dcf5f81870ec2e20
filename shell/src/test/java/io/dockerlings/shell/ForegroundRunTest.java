package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A foreground {@code docker run} without {@code -it} at the REPL, driven through injected streams:
 * Ctrl-C (a line holding only the character) in each case the engine showed (golden {@code
 * terminal/fg-ctrl-c.txt} in the simulator's tests), and the prompt always comes back.
 */
class ForegroundRunTest {
  /** The simulated engine's wall clock, which moves a second each time the REPL waits for a key. */
  private static final class StepClock extends Clock {
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
  }

  /** A stream console on which each wait for a key while a program runs takes a second. */
  private static final class WaitingConsole implements Console {
    private final StreamConsole stream;
    private final StepClock clock;

    WaitingConsole(StreamConsole stream, StepClock clock) {
      this.stream = stream;
      this.clock = clock;
    }

    @Override
    public Input readLine(String prompt) {
      return stream.readLine(prompt);
    }

    @Override
    public Input readContainerLine(String prompt) {
      return stream.readContainerLine(prompt);
    }

    @Override
    public Input readWhileRunning(long timeoutMillis) {
      clock.now = clock.now.plus(Duration.ofSeconds(1));
      return stream.readWhileRunning(timeoutMillis);
    }

    @Override
    public int readKey(long timeoutMillis) {
      return stream.readKey(timeoutMillis);
    }

    @Override
    public void out(String text) {
      stream.out(text);
    }

    @Override
    public void err(String text) {
      stream.err(text);
    }

    @Override
    public void clear() {
      stream.clear();
    }

    @Override
    public List<String> history() {
      return stream.history();
    }

    @Override
    public void close() {
      stream.close();
    }
  }

  private static String session(String input, String lang) {
    StepClock clock = new StepClock();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Backend backend =
        new SimulatorBackend(() -> new SimulatorOptions(HostSpec.courseServer(), clock, 9));
    try (Console console =
        new WaitingConsole(
            new StreamConsole(new BufferedReader(new StringReader(input)), ps, ps, true), clock)) {
      new Repl(backend, console, Messages.forLanguage(lang).orElseThrow(), ReplCommands.standard())
          .run();
    }
    return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
  }

  private static final String C = StreamConsole.CTRL_C + "\n";

  @Test
  void ctrlC_endsALoopUnderShC_with130_andTheNextLineRunsAfterIt() {
    String s =
        session(
            "docker run --name fg busybox sh -c 'while true; do sleep 1; done'\n"
                + C
                + "docker ps -a\n",
            "en");
    assertTrue(s.contains("Exited (130)"), s);
    assertFalse(s.contains("keeps running"), s);
  }

  @Test
  void ctrlC_runsTheContainersTrap_andTheRunReturnsItsStatus() {
    String s =
        session(
            "docker run --name trapped busybox sh -c"
                + " 'trap \"echo got INT; exit 3\" INT; while true; do sleep 1; done'\n"
                + C
                + "docker ps -a\n",
            "en");
    assertTrue(s.contains("got INT\n"), s);
    assertTrue(s.contains("Exited (3)"), s);
  }

  @Test
  void ctrlC_ignoredByPid1_saysSo_andASecondCtrlCGivesThePromptBack_leavingItUp() {
    String s = session("docker run --name nap busybox sleep 1000\n" + C + C + "docker ps\n", "en");
    String joined = s.replace("\n", " ");
    assertTrue(joined.contains("has no handler for SIGINT"), s);
    assertTrue(joined.contains("back at the prompt (status 130)"), s);
    assertTrue(s.contains("Up "), s);
    assertTrue(s.contains("nap"), s);
  }

  @Test
  void ctrlC_ignoredByPid1_saysSoInChinese() {
    String s = session("docker run --name nap busybox yes\n" + C + C, "zh-CN");
    assertTrue(s.contains("不理会 Ctrl-C"), s);
    assertTrue(s.contains("已回到提示符（状态 130）"), s);
  }

  @Test
  void ctrlC_withSigProxyFalse_endsTheCliWith130_andTheContainerGoesOn() {
    String s =
        session(
            "docker run --name np --sig-proxy=false busybox sh -c 'while true; do sleep 1; done'\n"
                + C
                + "docker ps\n",
            "en");
    assertTrue(
        s.replace("\n", " ").contains("With --sig-proxy=false the signal does not reach"), s);
    assertTrue(s.contains("Up "), s);
  }

  @Test
  void ctrlC_onAnRmRun_removesTheContainer() {
    String s =
        session(
            "docker run --rm --name gone busybox sh -c 'while true; do sleep 1; done'\n"
                + C
                + "docker ps -a\n",
            "en");
    assertFalse(s.contains("gone"), s);
  }

  @Test
  void theEndOfInput_leavesTheRunningContainer_andSaysSo() {
    String s =
        session("docker run --name tail busybox sh -c 'while true; do sleep 1; done'\n", "en");
    assertTrue(s.replace("\n", " ").contains("the input ended while the container ran"), s);
    assertTrue(s.endsWith("Bye.\n"), s);
  }

  @Test
  void aRunThatEndsOnItsOwn_givesThePromptBack_withItsOutput() {
    String s =
        session(
            "docker run --name count busybox sh -c 'for i in $(seq 14); do echo n$i; sleep 1;"
                + " done; exit 5'\n\n\n\n\n\n\ndocker ps -a\n",
            "en");
    assertTrue(s.contains("n1\n"), s);
    assertTrue(s.contains("n14\n"), s);
    assertTrue(s.contains("Exited (5)"), s);
  }

  /** Follows a run of {@code line} on {@code input} and returns the status it ends with. */
  private static int status(String line, String input) {
    StepClock clock = new StepClock();
    io.dockerlings.simulator.DockerSimulator sim =
        io.dockerlings.simulator.DockerSimulator.create(
            new SimulatorOptions(HostSpec.courseServer(), clock, 9));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Console console =
        new WaitingConsole(
            new StreamConsole(new BufferedReader(new StringReader(input)), ps, ps, true), clock);
    List<String> argv = io.dockerlings.simulator.CommandLine.split(line);
    io.dockerlings.simulator.InteractiveSession s =
        sim.executeFollowing(argv, "").session().orElseThrow();
    List<io.dockerlings.exercises.submission.TerminalInput> typed = new java.util.ArrayList<>();
    java.util.Deque<String> ahead = new java.util.ArrayDeque<>();
    return new ForegroundRun(console, Messages.forLanguage("en").orElseThrow())
        .follow(s, argv, typed, new StringBuilder(), ahead);
  }

  @Test
  void follow_returnsTheStatusTheEngineReturns_forEachWayARunEnds() {
    String loop = "docker run busybox sh -c 'while true; do sleep 1; done'";
    assertEquals(130, status(loop, C), "SIGINT ends sh -c with 130");
    assertEquals(
        3,
        status("docker run busybox sh -c 'trap \"exit 3\" INT; while true; do sleep 1; done'", C));
    assertEquals(130, status("docker run busybox top", C), "top dies of the signal");
    assertEquals(
        130,
        status("docker run --sig-proxy=false busybox sh -c 'while true; do sleep 1; done'", C));
    assertEquals(130, status("docker run busybox sleep 1000", C + C), "given up: the CLI's 130");
    assertEquals(0, status(loop, "\n"), "the input ended: left running, as before");
  }

  @Test
  void linesTypedWhileItRuns_areReadByThePromptAfterwards() {
    String s =
        session(
            "docker run --name fg busybox sh -c 'while true; do sleep 1; done'\n"
                + "docker ps\n"
                + C,
            "en");
    // docker ps, typed during the run, runs after it and sees the container gone.
    assertTrue(s.contains("CONTAINER ID"), s);
    assertFalse(s.contains("Up "), s);
  }

  @Test
  void ctrlC_duringAnExecWithoutT_endsTheCliWith130_andTheProgramGoesOn_inBothLanguages() {
    String s =
        session(
            "docker run -d --name box busybox sleep 1000\n"
                + "docker exec box sh -c 'while true; do echo tick; sleep 1; done'\n"
                + C
                + "echo \"status $?\"\n"
                + "docker top box\n",
            "en");
    assertTrue(s.contains("tick\ntick\n"), s);
    assertFalse(s.contains("keeps running"), s);
    assertTrue(s.replace("\n", " ").contains("docker exec does not pass the signal on"), s);
    assertTrue(s.contains("status 130"), s);
    assertTrue(s.contains("while true"), s);
    String zh =
        session("docker run -d --name box busybox sleep 1000\ndocker exec box top\n" + C, "zh-CN");
    assertTrue(zh.contains("docker exec 不会把信号转给程序"), zh);
  }

  @Test
  void anExecThatEndsOnItsOwn_isFollowedToItsEnd_withItsStatus() {
    String s =
        session(
            "docker run -d --name box busybox sleep 1000\n"
                + "docker exec box sh -c 'for i in $(seq 13); do echo n$i; sleep 1; done; exit 5'\n"
                + "echo \"status $?\"\n",
            "en");
    assertTrue(s.contains("n13\n"), s);
    assertTrue(s.contains("status 5"), s);
    assertFalse(s.contains("keeps running"), s);
  }
}
