package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import org.junit.jupiter.api.Test;

class RunCommandTest {
  private static CommandResult run(DockerSimulator sim, String line) {
    return sim.executeWithoutTerminal(CommandLine.split(line), "");
  }

  @Test
  void mount_bindVolumeAndTmpfsAreApplied_andAMissingBindSourceIsRefused() {
    try (DockerSimulator sim = DockerSimulator.create()) {
      sim.host("mkdir -p /root/d");
      sim.host("echo hi > /root/d/f");
      CommandResult bind =
          run(sim, "docker run --rm --mount type=bind,source=/root/d,target=/d busybox cat /d/f");
      assertEquals("hi\n", bind.stdout(), bind.stderr());
      run(sim, "docker run --rm --mount source=mnt-v,target=/data busybox touch /data/x");
      assertTrue(run(sim, "docker volume ls -q").stdout().contains("mnt-v"));
      run(sim, "docker run --name t1 --mount type=tmpfs,target=/t busybox true");
      // As Docker 20.10 lists it: {"Type":"tmpfs","Source":"","Destination":"/t",...}.
      String mounts = run(sim, "docker inspect -f '{{json .Mounts}}' t1").stdout();
      assertTrue(mounts.contains("\"Type\":\"tmpfs\""), mounts);
      assertTrue(mounts.contains("\"Destination\":\"/t\""), mounts);
      CommandResult missing =
          run(sim, "docker run --rm --mount type=bind,source=/nowhere,target=/x busybox true");
      assertEquals(125, missing.exitCode());
      assertTrue(
          missing.stderr().contains("bind source path does not exist: /nowhere"), missing.stderr());
    }
  }
}
