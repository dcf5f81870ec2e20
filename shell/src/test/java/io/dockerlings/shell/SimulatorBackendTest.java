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

  @Test
  void later_buildsNothingUntilStartedOrUsed_andThePromptsDirectoryIsHomeMeanwhile() {
    java.util.concurrent.atomic.AtomicInteger built =
        new java.util.concurrent.atomic.AtomicInteger();
    SimulatorBackend later =
        SimulatorBackend.later(
            () -> {
              built.incrementAndGet();
              return new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 3);
            });
    assertEquals(
        java.util.Optional.of(io.dockerlings.simulator.Workspace.HOME), later.hostDirectory());
    assertEquals(0, built.get());
    // The first use builds it (once), and a fresh engine's shell is indeed at home.
    assertEquals(
        0, later.execute(List.of("docker", "create", "--name", "c1", "busybox"), "").exitCode());
    later.start();
    assertEquals(1, built.get());
    assertEquals(
        java.util.Optional.of(io.dockerlings.simulator.Workspace.HOME), later.hostDirectory());
    later.host("mkdir -p app && cd app");
    assertEquals(
        java.util.Optional.of(io.dockerlings.simulator.Workspace.HOME + "/app"),
        later.hostDirectory());
  }

  @Test
  void start_buildsOnAThreadOfItsOwn_andAFailedBuildIsThrownAtFirstUse() {
    SimulatorBackend broken =
        SimulatorBackend.later(
            () -> {
              throw new IllegalStateException("no options");
            });
    broken.start();
    RuntimeException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RuntimeException.class, () -> broken.execute(List.of("docker", "ps"), ""));
    assertTrue(String.valueOf(e.getMessage()).contains("no options"), String.valueOf(e));
  }
}
