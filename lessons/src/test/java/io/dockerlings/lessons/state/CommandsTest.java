package io.dockerlings.lessons.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {
  @Test
  void isDockerLine_refusesHostLinesPipesAndSubstitutions() {
    assertTrue(Commands.isDockerLine("docker run -d busybox sh -c 'a | b'"));
    assertFalse(Commands.isDockerLine("docker info | grep Root"));
    assertFalse(Commands.isDockerLine("docker rm -f $(docker ps -aq)"));
    assertFalse(Commands.isDockerLine("echo hi > /root/x"));
    assertFalse(Commands.isDockerLine("dockerd"));
  }

  @Test
  void run_dockerAndHostLines_reachEngineAndHost() {
    Sandbox s = new Sandbox();
    assertEquals(0, s.run("docker run --name one busybox echo hi").exitCode());
    assertEquals("hi\n", s.run("docker logs one").output());
    assertEquals(0, s.run("echo hello > /root/h.txt").exitCode());
    assertEquals("hello\n", s.sim.readHostFile("/root/h.txt").orElseThrow());
    assertEquals(125, s.run("docker run --name one busybox true").exitCode());
  }

  @Test
  void run_foregroundRunWithARecordedCtrlC_replaysTheKey_asTheRepl() {
    Sandbox s = new Sandbox();
    String loop = "docker run --name fg busybox sh -c 'while true; do sleep 1; done'";
    Journal.Entry e = Commands.run(s.sim, loop, List.of("\u0003"));
    assertEquals(130, e.exitCode());
    assertTrue(s.run("docker ps -a").output().contains("Exited (130)"));
    Journal.Entry without = Commands.run(s.sim, loop.replace("fg", "fg2"), List.of());
    assertEquals(0, without.exitCode());
    assertTrue(without.output().contains("fg2 keeps running"), without.output());
  }

  @Test
  void run_withTerminal_feedsTheInputThenEndsIt() {
    Sandbox s = new Sandbox();
    Journal.Entry e =
        Commands.run(
            s.sim, "docker run -it --name tty busybox sh", List.of("echo x > /f", "exit 3"));
    assertEquals(3, e.exitCode());
    assertEquals("x\n", s.sim.readFile("tty", "/f").orElseThrow());
  }

  @Test
  void run_unbalancedQuote_failsWithoutRunning() {
    Sandbox s = new Sandbox();
    assertEquals(2, s.run("docker run 'busybox").exitCode());
    assertTrue(s.sim.snapshot().containers().isEmpty());
  }

  @Test
  void run_dockerLine_leavesItsStatusInTheHostsStatus_asTheRepl() {
    Sandbox s = new Sandbox();
    assertEquals(1, s.run("docker inspect nosuch").exitCode());
    assertEquals("1\n", s.run("echo $?").output());
    s.run("docker run --rm busybox sh -c 'exit 3'");
    assertEquals("3\n", s.run("echo $?").output());
  }
}
