package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingDockerEngineTest {
  /** A wrapper that changes nothing. */
  private static final class Plain extends ForwardingDockerEngine {
    Plain(DockerEngine delegate) {
      super(delegate);
    }
  }

  @Test
  void requiredMethods_reachTheDelegate() {
    DockerSimulator sim = DockerSimulator.create();
    Plain plain = new Plain(sim);
    assertEquals(
        0,
        plain
            .execute(List.of("docker", "run", "-d", "--name", "fw", "busybox", "sleep", "9"), "")
            .exitCode());
    assertTrue(sim.containerNames().contains("fw"));
    assertEquals(sim.containerNames(), plain.containerNames());
    assertEquals(sim.imageNames(), plain.imageNames());
    assertEquals(sim.commandNames(), plain.commandNames());
    assertEquals(sim.flagNames("run"), plain.flagNames("run"));
    assertEquals(sim.snapshot().containers().size(), plain.snapshot().containers().size());
  }

  @Test
  void optionalReads_keepTheContractsDefaults_unlessTheWrapperForwardsThem() {
    DockerSimulator sim = DockerSimulator.create();
    sim.execute(List.of("docker", "volume", "create", "fwv"), "");
    Plain plain = new Plain(sim);
    assertEquals(Optional.empty(), plain.readVolumeFile("fwv", "x"));
    assertEquals(Optional.empty(), plain.hostSpec());
    assertTrue(sim.hostSpec().isPresent());
  }
}
