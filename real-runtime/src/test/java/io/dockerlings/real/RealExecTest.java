package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("real-engine")
class RealExecTest {
  @TempDir Path state;
  private EnginePair both;

  @BeforeEach
  void open() throws Exception {
    both = EnginePair.open(state);
    both.same("docker run -d --name dl-rc-exec busybox sleep 1000");
  }

  @AfterEach
  void close() {
    both.close();
  }

  @Test
  void exec_unknownContainer_isTheClientsNoSuchContainer() {
    both.same("docker exec nope true");
  }

  @Test
  void exec_printsBothStreamsAndReturnsTheExitStatus() {
    both.same("docker exec dl-rc-exec sh -c 'echo hi; echo err >&2; exit 4'");
  }

  @Test
  void exec_longChineseOutput_arrivesWhole() {
    CommandResult r =
        both.real(
            "docker exec dl-rc-exec sh -c 'i=0; while [ $i -lt 3000 ]; do echo 你好容器; i=$((i+1)); done'");
    assertEquals("你好容器\n".repeat(3000), r.stdout());
  }

  @Test
  void exec_envWorkdirUser_reachTheProcess() {
    CommandResult r =
        both.same(
            "docker exec -e A=1 -w /tmp -u nobody dl-rc-exec sh -c 'echo $A $(pwd) $(id -u)'");
    assertEquals("1 /tmp 65534\n", r.stdout());
  }

  @Test
  void exec_missingExecutable_is126WithTheRuntimesMessageOnStdout() {
    CommandResult r = both.real("docker exec dl-rc-exec nosuchcmd");
    assertEquals(126, r.exitCode());
    assertTrue(
        r.stdout().startsWith("OCI runtime exec failed: ") && r.stdout().endsWith("\r\n"),
        r.stdout());
  }

  @Test
  void exec_stoppedOrPaused_isRefusedByTheDaemon() {
    both.same("docker pause dl-rc-exec");
    both.same("docker exec dl-rc-exec echo hi");
    both.same("docker unpause dl-rc-exec");
    both.same("docker create --name dl-rc-exec-c busybox");
    both.same("docker exec dl-rc-exec-c true");
  }

  @Test
  void exec_interactive_readsThePipedStdin() {
    CommandResult r = both.real("docker exec -i dl-rc-exec sh -c 'tr a-z A-Z; exit 3'", "hello\n");
    assertEquals("HELLO\n", r.stdout());
    assertEquals(3, r.exitCode());
  }

  @Test
  void exec_detached_returnsAtOnceAndTheProcessRuns() {
    both.same("docker exec -d dl-rc-exec sh -c 'echo x > /made-by-exec; sleep 5'");
    CommandResult r = both.real("docker exec dl-rc-exec cat /made-by-exec");
    assertEquals("x\n", r.stdout(), r.stderr());
  }

  @Test
  void attach_followsTheOutputUntilTheContainerEnds() {
    both.same("docker attach nope");
    both.same("docker create --name dl-rc-att busybox sh -c 'sleep 2; echo late; exit 6'");
    both.same("docker attach dl-rc-att");
    both.real("docker start dl-rc-att");
    CommandResult r = both.real("docker attach dl-rc-att");
    assertEquals("late\n", r.stdout());
    assertEquals(6, r.exitCode());
  }

  @Test
  void exec_ttyWithoutInteractive_endsLinesAsATerminalDoes() {
    CommandResult r = both.real("docker exec -t dl-rc-exec sh -c 'echo hi; exit 3'");
    assertEquals("hi\r\n", r.stdout());
    assertEquals(3, r.exitCode());
  }

  @Test
  void exec_withTerminal_lendsOne_andTheProgramRuns() throws Exception {
    CommandResult r = both.real("docker exec -it dl-rc-exec touch /tty-was-here");
    assertEquals(0, r.exitCode(), r.stderr());
    io.dockerlings.simulator.RawTerminal t = r.session().orElseThrow().raw().orElseThrow();
    t.output().readAllBytes();
    assertEquals(0, t.end().exitCode());
    assertEquals(0, both.real("docker exec dl-rc-exec test -e /tty-was-here").exitCode());
  }

  @Test
  void exec_andExecI_keepTheOrderOfTheTwoStreams() {
    String script = "echo 1; sleep 0.3; echo 2 >&2; sleep 0.3; echo 3";
    java.util.List<CommandResult.Chunk> expected =
        java.util.List.of(
            new CommandResult.Chunk(false, "1\n"),
            new CommandResult.Chunk(true, "2\n"),
            new CommandResult.Chunk(false, "3\n"));
    assertEquals(expected, both.real("docker exec dl-rc-exec sh -c '" + script + "'").inOrder());
    assertEquals(
        expected,
        both.real("docker exec -i dl-rc-exec sh -c '" + script + "'", "ignored\n").inOrder());
  }
}
