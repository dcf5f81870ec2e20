package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyCommandTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void cp_deviceOutOfAContainer_isNoSuchPath() {
    // docker 20.10.24: the archive reads the root file system, not the tmpfs on /dev.
    docker("run -d --name box busybox sleep 1000");
    for (String dev : List.of("/dev/zero", "/dev/null", "/dev/urandom", "/dev/full")) {
      CommandResult r = docker("cp box:" + dev + " /tmp/out");
      assertEquals(1, r.exitCode(), dev);
      assertEquals("Error: No such container:path: box:" + dev + "\n", r.stderr());
    }
    assertEquals("", sim.host("ls /tmp").stdout());
  }

  @Test
  void cp_devDirectory_holdsTheRootfsMountPointsOnly() {
    docker("run -d --name box busybox sleep 1000");
    assertEquals(0, docker("cp box:/dev /tmp/d").exitCode());
    assertEquals("console\npts\nshm\n", sim.host("ls /tmp/d").stdout());
    assertEquals(0, docker("cp box:/ /tmp/all").exitCode());
    assertEquals("console\npts\nshm\n", sim.host("ls /tmp/all/dev").stdout());
    assertEquals("0\n", sim.host("wc -c < /tmp/all/dev/console").stdout().strip() + "\n");
  }
}
