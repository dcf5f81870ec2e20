package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C in a container's terminal: SIGINT to the foreground process group, with ash's and the
 * kernel's rules (checked on Docker 20.10.24: {@code sleep 100} and a busy loop typed into {@code
 * run -it busybox sh} end with {@code $?} 130; {@code run -it busybox sleep 100} ignores it).
 */
class TerminalInterruptTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 5));

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  private InteractiveSession shell() {
    CommandResult r = docker("run -it --name box busybox sh");
    assertTrue(r.session().isPresent(), r.stderr());
    return r.session().get();
  }

  @Test
  void ctrlC_duringSleepInTheShell_endsIt_andTheShellReports130() {
    InteractiveSession s = shell();
    assertEquals("", s.send("sleep 100"));
    assertTrue(s.running(), "sleep 100 outlasts the follow limit: the learner waits");
    assertEquals("", s.prompt());
    assertEquals("\n", s.interrupt());
    assertFalse(s.running());
    assertEquals("/ # ", s.prompt());
    assertEquals("130\n", s.send("echo $?"));
    assertTrue(s.isOpen());
  }

  @Test
  void ctrlC_duringABusyLoopInTheShell_endsIt_andExitThenWorks() {
    InteractiveSession s = shell();
    s.send("while true; do :; done");
    assertTrue(s.running(), "a busy loop never reads the terminal again");
    assertEquals("", s.send("exit"), "a line typed meanwhile is not read by a busy shell");
    assertTrue(s.isOpen());
    assertEquals("\n", s.interrupt());
    s.send("exit");
    assertFalse(s.isOpen());
    assertEquals(130, s.exitCode(), "exit with no status keeps the last one, 130");
  }

  @Test
  void ctrlC_atThePrompt_dropsAnUnfinishedCommand_andSets130() {
    InteractiveSession s = shell();
    s.send("for i in 1 2; do");
    assertEquals("> ", s.prompt());
    assertEquals("", s.interrupt());
    assertEquals("/ # ", s.prompt());
    assertEquals("130\n", s.send("echo $?"));
  }

  @Test
  void ctrlC_onASleepThatIsPid1_isIgnored_asTheKernelIgnoresItForInit() {
    CommandResult r = docker("run -it --name nap busybox sleep 100");
    InteractiveSession s = r.session().orElseThrow();
    assertTrue(s.running());
    assertEquals("", s.interrupt());
    assertTrue(s.running());
    assertTrue(docker("ps").stdout().contains("nap"));
    s.detach();
  }

  @Test
  void ctrlC_inAnExecShell_endsItsSleep_andLeavesTheContainerRunning() {
    docker("run -d --name web busybox sleep 1000");
    InteractiveSession s = docker("exec -it web sh").session().orElseThrow();
    s.send("sleep 100");
    assertTrue(s.running());
    assertEquals("\n", s.interrupt());
    assertEquals("130\n", s.send("echo $?"));
    assertTrue(docker("ps").stdout().contains("web"));
  }

  @Test
  void ctrlC_onAShellScriptThatIsPid1_killsItsSleep_andTheShellEndsWith130() {
    // Checked on Docker 20.10.24: ash running sh -c catches SIGINT even as PID 1; once its sleep
    // has died of the signal too, it ends with 130 and never runs the echo.
    CommandResult r = docker("run -it --name script busybox sh -c 'sleep 100; echo after'");
    InteractiveSession s = r.session().orElseThrow();
    assertTrue(s.running());
    assertEquals("", s.interrupt());
    assertFalse(s.isOpen());
    assertEquals(130, s.exitCode());
    assertTrue(docker("ps -a").stdout().contains("Exited (130)"));
  }

  @Test
  void ctrlC_onStress_killsItsWorkers_andStressGivesUp() {
    CommandResult r = docker("run -it --name hog progrium/stress --cpu 2");
    InteractiveSession s = r.session().orElseThrow();
    assertTrue(s.running());
    String out = s.interrupt();
    assertTrue(out.contains("worker 7 got signal 2"), out);
    assertTrue(out.contains("failed run completed"), out);
    assertFalse(s.isOpen());
    assertEquals(1, s.exitCode());
    assertTrue(docker("ps -a").stdout().contains("Exited (1)"));
  }

  @Test
  void aCtrlCLine_fromAScript_isTheKey() {
    InteractiveSession s = shell();
    s.send("while :; do :; done");
    assertEquals("\n", s.send(InteractiveSession.CTRL_C));
    assertEquals("130\n", s.send("echo $?"));
  }

  @Test
  void aLineSentWhileTheShellSleeps_isReadWhenItWakes_asTypedAfterIt() {
    InteractiveSession s = shell();
    s.send("sleep 100; echo woke");
    assertTrue(s.running());
    assertEquals("woke\n0\n", s.send("echo $?"));
  }

  /**
   * The screen of {@code resources/terminal/ctrl-c.tty}, recorded with {@code tools/tty-capture} on
   * Docker 20.10.24, played on the simulator: each step's line shows after the prompt; Ctrl-C on a
   * running command shows {@code ^C} (the terminal's echo) then what the shell prints; Ctrl-C at
   * the prompt shows {@code ^C} and a newline (busybox's line editor) then what the shell prints.
   */
  @Test
  void ctrlC_transcript_matchesTheEngine() throws Exception {
    String golden;
    try (var in = getClass().getResourceAsStream("/terminal/ctrl-c.tty")) {
      golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    golden = golden.replace("\u001b[6n", "").replace("\r\n", "\n");
    golden = golden.substring(golden.indexOf("/ # "));
    InteractiveSession s = shell();
    StringBuilder screen = new StringBuilder();
    for (String step :
        List.of(
            "sleep 100",
            "^C",
            "echo $?",
            "while true; do :; done",
            "^C",
            "echo $?",
            "echo abc^C",
            "echo $?",
            "for i in 1 2; do",
            "^C",
            "echo $?",
            "exit")) {
      if (step.endsWith("^C") && s.running()) {
        screen.append("^C").append(s.interrupt());
      } else if (step.endsWith("^C")) {
        screen.append(s.prompt()).append(step).append('\n').append(s.interrupt());
      } else {
        screen.append(s.prompt()).append(step).append('\n').append(s.send(step));
      }
    }
    assertEquals(golden, screen.toString());
    assertFalse(s.isOpen());
  }
}
