package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final Engine engine =
      new Engine(
          new SimulatorOptions(
              HostSpec.courseServer(),
              Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC),
              7));

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return engine.execute(argv, "");
  }

  private void sleepers(int n) {
    for (int i = 0; i < n; i++) {
      assertEquals(0, docker("run -d --name s" + i + " busybox sleep 1000").exitCode());
    }
  }

  @Test
  void sync_withManySleepingContainers_advancesNone() {
    sleepers(40);
    docker("ps -q");
    docker("ps -q");
    assertEquals(0, engine.lifecycle().lastSyncAdvanced());
  }

  @Test
  void sync_afterACommandNamedAContainer_advancesOnlyThatOne() {
    sleepers(40);
    docker("exec -d s7 sh -c 'sleep 3; echo done > /mark'");
    docker("ps -q");
    assertEquals(1, engine.lifecycle().lastSyncAdvanced());
    engine.lifecycle().skipTo(engine.lifecycle().now().plusSeconds(4));
    docker("ps -q");
    assertEquals(1, engine.lifecycle().lastSyncAdvanced());
    assertEquals("done\n", docker("exec s7 cat /mark").stdout());
  }

  @Test
  void sync_whenASleeperWakes_endsItWithoutBeingNamed() {
    sleepers(40);
    docker("run -d --name short busybox sleep 5");
    docker("ps -q");
    engine.lifecycle().skipTo(engine.lifecycle().now().plusSeconds(6));
    CommandResult ps = docker("ps -a --filter status=exited --format {{.Names}}");
    assertEquals("short\n", ps.stdout());
    assertEquals(1, engine.lifecycle().lastSyncAdvanced());
  }

  @Test
  void sync_restartPolicyDue_restartsWithoutBeingNamed() {
    sleepers(10);
    docker("run -d --name flap --restart always busybox sh -c 'sleep 2; exit 3'");
    docker("ps -q");
    engine.lifecycle().skipTo(engine.lifecycle().now().plusSeconds(10));
    docker("ps -q");
    int restarts = Integer.parseInt(docker("inspect -f {{.RestartCount}} flap").stdout().strip());
    assertTrue(restarts >= 3, "restarts: " + restarts);
  }

  @Test
  void sync_removedContainerStillQueued_isSkipped() {
    docker("run -d --name gone busybox sleep 5");
    docker("rm -f gone");
    engine.lifecycle().skipTo(engine.lifecycle().now().plusSeconds(6));
    assertEquals(0, docker("ps -aq").exitCode());
    assertEquals(0, engine.lifecycle().lastSyncAdvanced());
  }
}
