package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealUpdateTest {
  @TempDir Path state;

  @Tag("real-engine")
  @Test
  void update_changesLimits_andRefusesAsTheDaemonDoes() throws Exception {
    try (EnginePair both = EnginePair.open(state)) {
      both.real("docker run -d --name dl-ru-1 -m 64m busybox sleep 1000");
      CommandResult ok = both.real("docker update -c 512 --cpus 0.5 -m 100m dl-ru-1");
      assertEquals("dl-ru-1\n", ok.stdout(), ok.stderr());
      CommandResult shown =
          both.real(
              "docker inspect -f '{{.HostConfig.CpuShares}} {{.HostConfig.NanoCpus}}"
                  + " {{.HostConfig.Memory}}' dl-ru-1");
      assertEquals("512 500000000 104857600\n", shown.stdout());
      CommandResult conflict = both.real("docker update --cpu-quota 30000 dl-ru-1");
      assertEquals(1, conflict.exitCode());
      assertTrue(
          conflict
              .stderr()
              .contains("CPU Quota cannot be updated as NanoCPUs has already been set"),
          conflict.stderr());
      CommandResult none = both.real("docker update dl-ru-1");
      assertEquals("you must provide one or more flags when using this command\n", none.stderr());
      CommandResult missing = both.real("docker update -c 100 dl-ru-nosuch");
      assertEquals(
          "Error response from daemon: No such container: dl-ru-nosuch\n", missing.stderr());
    }
  }

  @Tag("real-engine")
  @Test
  void ipcContainer_ofAPlainContainer_isRefused_asWithTheCli() throws Exception {
    try (EnginePair both = EnginePair.open(state)) {
      both.real("docker run -d --name dl-ru-donor busybox sleep 1000");
      CommandResult r = both.real("docker run --rm --ipc container:dl-ru-donor busybox true");
      assertEquals(125, r.exitCode());
      assertTrue(r.stderr().contains("non-shareable IPC"), r.stderr());
    }
  }
}
