package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Redirections that the long hostile-input fuzz found answered by the simulator's one-line fault;
 * expected texts from Docker Engine 20.10 with busybox 1.35 (golden shell/fuzz-findings).
 */
class RedirectionsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 7));

  private CommandResult inContainer(String script) {
    return sim.execute(List.of("docker", "run", "--rm", "busybox", "sh", "-c", script));
  }

  @Test
  void append_toADirectory_cannotCreate() {
    CommandResult r = inContainer("echo hi >> /tmp; echo $?; echo hi > /tmp; echo $?");
    assertEquals("1\n1\n", r.stdout());
    assertEquals(
        "sh: can't create /tmp: Is a directory\nsh: can't create /tmp: Is a directory\n",
        r.stderr());
  }

  @Test
  void append_toAnEmptyName_isANonexistentDirectory_notTheCurrentOne() {
    // Fuzz seed 11, line 24827: an unset variable as the target.
    CommandResult r = inContainer("cd /tmp; echo hi >> $x; echo $?; echo hi > \"\"; ls");
    assertEquals("1\n", r.stdout());
    assertEquals(
        "sh: can't create : nonexistent directory\nsh: can't create : nonexistent directory\n",
        r.stderr());
  }

  @Test
  void append_onAHostLine_toTheParentDirectory_cannotCreate() {
    // Fuzz seed 11, lines 12659 and 92123: host lines appending to $1$1 and to "..".
    CommandResult r = sim.host("echo x >> .. | cat");
    assertEquals("sh: can't create ..: Is a directory\n", r.stderr());
    CommandResult empty = sim.host("echo x >>$1$1 | cat");
    assertEquals("sh: can't create : nonexistent directory\n", empty.stderr());
  }

  @Test
  void input_fromAMissingOrEmptyName_isNoSuchFile() {
    CommandResult r = inContainer("cat < /nope; echo $?; cat < \"\"; echo $?");
    assertEquals("1\n1\n", r.stdout());
    assertEquals("sh: can't open /nope: no such file\nsh: can't open : no such file\n", r.stderr());
  }

  @Test
  void write_toDevFull_isAWriteErrorOfTheWriter() {
    CommandResult r =
        inContainer("echo x >> /dev/full; echo $?; cat /etc/passwd > /dev/full; echo $?");
    assertEquals("1\n1\n", r.stdout());
    assertEquals(
        "sh: write error: No space left on device\ncat: write error: No space left on device\n",
        r.stderr());
  }

  @Test
  void write_toAFileRemovedWhileOpen_isLostQuietly() {
    CommandResult r = inContainer("{ rm /f; echo x; } > /f; echo $?; ls /f");
    assertEquals("0\n", r.stdout());
    assertEquals("ls: /f: No such file or directory\n", r.stderr());
  }
}
