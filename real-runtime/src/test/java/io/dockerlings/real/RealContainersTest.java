package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("real-engine")
class RealContainersTest {
  @TempDir Path state;
  private EnginePair both;

  @BeforeEach
  void open() throws Exception {
    both = EnginePair.open(state);
  }

  @AfterEach
  void close() {
    both.close();
  }

  @Test
  void ps_mountsNetworksAndLocalVolumes_asTheCliFillsThem() {
    both.real("docker run -d --name dl-rc-mounts -v dl-rc-vol:/data -v /anon busybox sleep 1000");
    CommandResult r =
        both.real(
            "docker ps --filter name=dl-rc-mounts"
                + " --format '{{.Mounts}}|{{.Networks}}|{{.LocalVolumes}}'");
    String[] cells = r.stdout().strip().split("\\|");
    String[] mounts = cells[0].split(",");
    assertEquals(2, mounts.length, r.stdout());
    assertTrue(Set.of(mounts).contains("dl-rc-vol"), r.stdout());
    assertTrue(Set.of(mounts).stream().anyMatch(m -> m.matches("[0-9a-f]{14}…")), r.stdout());
    assertEquals("bridge", cells[1]);
    assertEquals("2", cells[2]);
  }

  @Test
  void ps_labelFilter_neverReachesBeyondTheSandbox() throws Exception {
    try (EnginePair other = EnginePair.open(state)) {
      other.real("docker run -d --name dl-rc-theirs -l dl-rc-mark=1 busybox sleep 1000");
      both.real("docker run -d --name dl-rc-ours -l dl-rc-mark=1 busybox sleep 1000");
      assertEquals(
          "dl-rc-ours\n",
          both.real("docker ps -a --filter label=dl-rc-mark=1 --format '{{.Names}}'").stdout());
      assertEquals(
          "dl-rc-ours\n",
          both.real("docker ps -a --filter label=dl-rc-mark --format '{{.Names}}'").stdout());
    }
  }

  @Test
  void create_refusedByTheEngine_isThePlainDaemonErrorWithStatus1() {
    both.same("docker create --name dl-rc-dup busybox true");
    both.same("docker create --name dl-rc-dup busybox true");
    both.same("docker create -m 2m busybox true");
    both.same("docker run --name dl-rc-dup busybox true");
  }

  @Test
  void run_optionsTheCliOrEngineRefuse_matchTheSimulator() {
    for (String line :
        new String[] {
          "docker run --restart bogus busybox true",
          "docker run --restart on-failure:x busybox true",
          "docker run --rm --restart=on-failure:x busybox true",
          "docker run --rm --restart always busybox true",
          "docker run --restart always:3 busybox true",
          "docker run -p 99999:80 busybox true",
          "docker run -p bogus busybox true",
          "docker run BusyBox",
        }) {
      both.same(line);
    }
    // The simulator frames this one like run's; the engine's CLI prints it bare, exit 1.
    CommandResult create = both.real("docker create BusyBox");
    assertEquals("invalid reference format: repository name must be lowercase\n", create.stderr());
    assertEquals(1, create.exitCode());
  }

  @Test
  void run_tmpfsMountAndLoggingOptions_reachTheEngineAsTheSimulatorModelsThem() {
    for (String line :
        new String[] {
          "docker run --rm --tmpfs /x:size=1m busybox sh -c 'mount | grep \" /x \"; df /x | tail -1'",
          "docker run --rm --mount type=tmpfs,target=/t,tmpfs-size=1m busybox df /t",
          "docker run --rm --mount type=foo,target=/t busybox true",
          "docker run --rm --log-driver foo busybox true",
          "docker create --log-driver none --log-opt max-size=1m busybox true",
          "docker run --name dl-rc-ln --log-driver none busybox echo hi",
          "docker logs dl-rc-ln",
          "docker inspect -f '{{json .HostConfig.LogConfig}}' dl-rc-ln",
          "docker create --name dl-rc-lo --log-opt max-size=1m --tmpfs /y busybox",
          "docker inspect -f '{{json .HostConfig.LogConfig}} {{json .HostConfig.Tmpfs}}' dl-rc-lo",
          "docker rm dl-rc-ln dl-rc-lo",
        }) {
      both.same(line);
    }
  }

  @Test
  void ps_sizeInFormat_andSandboxLabelsOutOfView() {
    both.same("docker run -d --name dl-rc-fmt -l dl.role=web busybox sleep 1000");
    both.same("docker ps --filter name=dl-rc-fmt --format '{{.Labels}} / {{.Label \"dl.role\"}}'");
    String size = both.real("docker ps --filter name=dl-rc-fmt --format '{{.Size}}'").stdout();
    assertTrue(size.matches("0B \\(virtual [1-9][0-9.]*MB\\)\n"), size);
  }

  @Test
  void ps_filters_matchTheSimulator() {
    both.same("docker run -d --name dl-rc-f1 busybox sleep 1000");
    both.same("docker create --name dl-rc-f2 busybox");
    both.same("docker ps -a --filter status=created --format '{{.Names}} {{.State}}'");
    both.same("docker ps --filter name=dl-rc-f --format '{{.Names}} {{.Command}}'");
    both.same("docker ps --filter name=dl-rc-nosuch");
  }
}
