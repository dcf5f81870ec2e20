package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("real-engine")
class RealPruneTest {
  @TempDir Path state;

  @Test
  void prune_declined_removesNothing() throws Exception {
    try (EnginePair both = EnginePair.open(state)) {
      both.real("docker create --name dl-rc-stays busybox");
      CommandResult r = both.real("docker container prune", "n\n");
      assertEquals(
          "WARNING! This will remove all stopped containers.\n"
              + "Are you sure you want to continue? [y/N] Total reclaimed space: 0B\n",
          r.stdout());
      assertEquals("dl-rc-stays\n", both.real("docker ps -a --format '{{.Names}}'").stdout());
    }
  }

  @Test
  void prune_removesOnlyThisSandboxsStoppedContainers() throws Exception {
    try (EnginePair both = EnginePair.open(state);
        EnginePair other = EnginePair.open(state)) {
      other.real("docker create --name dl-rc-theirs busybox");
      both.real("docker create --name dl-rc-stopped busybox");
      both.real("docker run -d --name dl-rc-running busybox sleep 1000");
      String id = both.real("docker inspect -f '{{.Id}}' dl-rc-stopped").stdout().strip();
      CommandResult r = both.real("docker container prune -f");
      assertTrue(
          r.stdout().matches("Deleted Containers:\n" + id + "\n\nTotal reclaimed space: \\S+\n"),
          r.stdout());
      assertEquals("dl-rc-running\n", both.real("docker ps -a --format '{{.Names}}'").stdout());
      assertEquals("dl-rc-theirs\n", other.real("docker ps -a --format '{{.Names}}'").stdout());
    }
  }
}
