package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Signals to a container's PID 1: ignored without a handler, a trap's exit code kept. */
class SignalDeliveryTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  private String host(String line) {
    return sim.host(line).stdout().strip();
  }

  @Test
  void pid1WithoutAHandler_ignoresTerm_andKillEndsIt() {
    host("docker run -d --name s5-sig-a busybox sleep 100");
    host("docker kill -s TERM s5-sig-a");
    assertEquals("true", host("docker inspect -f '{{.State.Running}}' s5-sig-a"));
    host("docker kill s5-sig-a");
    assertEquals("137", host("docker inspect -f '{{.State.ExitCode}}' s5-sig-a"));
  }

  @Test
  void aTrap_runsAndItsExitCodeIsTheContainers() {
    host(
        "docker run -d --name s5-sig-b busybox sh -c 'trap \"echo bye; exit 3\" TERM;"
            + " while true; do sleep 1; done'");
    host("docker stop s5-sig-b");
    assertEquals("3", host("docker inspect -f '{{.State.ExitCode}}' s5-sig-b"));
    assertEquals("bye", host("docker logs s5-sig-b"));
  }
}
