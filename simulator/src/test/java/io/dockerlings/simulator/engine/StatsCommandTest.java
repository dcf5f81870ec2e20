package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsCommandTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void stats_stoppedContainer_showsZerosAsTheEngineDoes() {
    docker("create --name made busybox");
    docker("run --name ended busybox true");
    CommandResult r =
        docker(
            "stats --no-stream --format '{{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.MemPerc}}"
                + " {{.NetIO}} {{.BlockIO}} {{.PIDs}}' made ended");
    assertEquals(
        "made 0.00% 0B / 0B 0.00% 0B / 0B 0B / 0B 0\nended 0.00% 0B / 0B 0.00% 0B / 0B 0B / 0B 0\n",
        r.stdout());
  }

  @Test
  void stats_missingContainers_areEachReported() {
    docker("create --name made busybox");
    CommandResult r = docker("stats --no-stream gone1 made gone2");
    assertEquals(1, r.exitCode());
    assertEquals("", r.stdout());
    assertEquals(
        "Error response from daemon: No such container: gone1\n"
            + "Error response from daemon: No such container: gone2\n",
        r.stderr());
  }
}
