package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorBackendTest {
  private final SimulatorBackend backend =
      new SimulatorBackend(
          () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 3));

  @Test
  void commands_reachTheSimulator_andItsNamesFeedCompletion() {
    assertEquals("sim", backend.name());
    assertEquals(
        0, backend.execute(List.of("docker", "create", "--name", "c1", "busybox"), "").exitCode());
    assertEquals(List.of("c1"), backend.containerNames());
    assertTrue(backend.imageNames().contains("busybox:latest"), backend.imageNames().toString());
    assertTrue(backend.commandNames().contains("run"));
    assertTrue(backend.flagNames("ps").contains("--all"));
  }

  @Test
  void reset_startsAFreshEngine() {
    backend.execute(List.of("docker", "create", "--name", "c1", "busybox"), "");
    backend.reset();
    assertEquals(List.of(), backend.containerNames());
  }

  @Test
  void host_runsInTheSimulatedHostsShell() {
    assertEquals("hi\n", backend.host("echo hi | grep h").stdout());
  }
}
