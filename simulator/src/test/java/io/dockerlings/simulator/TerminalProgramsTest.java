package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -it} with programs that are not shells: they run on the terminal and hand it back. */
class TerminalProgramsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 5));

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void runIt_echo_printsAndReturns_withoutATerminalLeftOpen() {
    CommandResult r = docker("run --rm -it busybox echo hi");
    assertEquals(0, r.exitCode(), r.stderr());
    // The terminal's onlcr, as on the engine: h i \r \n.
    assertEquals("hi\r\n", r.stdout());
    assertTrue(r.session().isEmpty());
    assertEquals("", docker("ps -aq").stdout());
  }

  @Test
  void runIt_stressKilledByTheOomKiller_reportsItsExit_insteadOfCrashing() {
    CommandResult r =
        docker("run --rm -it -m 64m progrium/stress --vm 1 --vm-bytes 150M --vm-hang 0");
    assertEquals(1, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains("failed run completed"), r.stdout());
    assertFalse(r.stderr().contains("Exception"), r.stderr());
    assertTrue(r.session().isEmpty());
  }

  @Test
  void runIt_stressThatKeepsRunning_showsItsOutput_andKeepsTheTerminal() {
    CommandResult r = docker("run -it --name hog progrium/stress --cpu 2");
    assertTrue(r.stdout().contains("dispatching hogs: 2 cpu"), r.stdout());
    assertTrue(r.session().isPresent());
    assertEquals("", r.session().get().prompt(), "stress reads no commands");
    r.session().get().detach();
    assertTrue(docker("ps").stdout().contains("hog"));
  }

  @Test
  void execIt_echo_printsAndReturns_whileExecItSh_opensAShell() {
    docker("run -d --name box busybox sleep 1000");
    CommandResult echo = docker("exec -it box echo x");
    assertEquals("x\r\n", echo.stdout());
    assertTrue(echo.session().isEmpty());
    CommandResult sh = docker("exec -it box sh");
    assertTrue(sh.session().isPresent());
    assertEquals("in\n", sh.session().get().send("echo in"));
  }

  @Test
  void attach_toAStoppedContainer_isRefused_notACrash() {
    docker("run --name done busybox true");
    CommandResult r = docker("attach done");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("You cannot attach to a stopped container"), r.stderr());
  }

  @Test
  void execIt_sh_greetsTheTerminal_asTheEngineDoes() throws Exception {
    String golden;
    try (var in = getClass().getResourceAsStream("/terminal/exec-it-sh.tty")) {
      golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // The engine's bytes up to its first prompt, its line ends and cursor query left out.
    String greeting =
        golden.replace("\r\n", "\n").substring(0, golden.replace("\r\n", "\n").indexOf("/ # "));
    docker("run -d --name box busybox sleep 1000");
    CommandResult sh = docker("exec -it box sh");
    assertEquals(greeting, sh.stdout());
    assertEquals("/ # ", sh.session().orElseThrow().prompt());
  }
}
