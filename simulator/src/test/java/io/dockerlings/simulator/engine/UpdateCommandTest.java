package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateCommandTest {
  private final DockerSimulator sim =
      DockerSimulator.create(SimulatorOptions.defaults().withHost(HostSpec.courseServer()));

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  private String inspect(String format, String name) {
    return docker("inspect -f '" + format + "' " + name).stdout().strip();
  }

  @Test
  void update_cpuSharesAndCpus_showInInspectAndInTheCgroupFiles() {
    docker("run -d --name box1 busybox sleep 1000");
    CommandResult r = docker("update -c 512 --cpus 1.5 --cpuset-cpus 0,1 box1");
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("box1\n", r.stdout());
    assertEquals(
        "512 1500000000 0,1",
        inspect(
            "{{.HostConfig.CpuShares}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpusetCpus}}",
            "box1"));
    CommandResult files =
        docker(
            "exec box1 cat /sys/fs/cgroup/cpu/cpu.shares /sys/fs/cgroup/cpu/cpu.cfs_quota_us"
                + " /sys/fs/cgroup/cpuset/cpuset.cpus");
    assertEquals("512\n150000\n0-1\n", files.stdout());
  }

  @Test
  void update_memoryAboveTheSwapLimit_isRefusedAndChangesNothing() {
    docker("run -d --name box1 -m 64m busybox sleep 1000");
    CommandResult r = docker("update -c 700 -m 200m box1");
    assertEquals(1, r.exitCode());
    assertTrue(
        r.stderr()
            .endsWith(
                "Memory limit should be smaller than already set memoryswap limit,"
                    + " update the memoryswap at the same time\n"),
        r.stderr());
    assertEquals("0 67108864", inspect("{{.HostConfig.CpuShares}} {{.HostConfig.Memory}}", "box1"));
    assertEquals(0, docker("update -m 200m --memory-swap 400m box1").exitCode());
    assertEquals(
        "209715200 419430400",
        inspect("{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}", "box1"));
  }

  @Test
  void update_cpuQuotaAfterCpus_conflictsAsTheDaemonSays() {
    docker("run -d --name box1 --cpus 1 busybox sleep 1000");
    CommandResult r = docker("update --cpu-quota 30000 box1");
    assertEquals(1, r.exitCode());
    assertTrue(
        r.stderr()
            .contains(
                ": Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set"),
        r.stderr());
    CommandResult both = docker("update --cpus 1 --cpu-period 50000 box1");
    assertEquals(
        "Error response from daemon: Conflicting options: Nano CPUs and CPU Period cannot both be"
            + " set\n",
        both.stderr());
  }

  @Test
  void update_restartPolicy_ofAnRmContainer_isRefused_butNoIsAccepted() {
    docker("run -d --rm --name box1 busybox sleep 1000");
    assertEquals(1, docker("update --restart always box1").exitCode());
    assertEquals(0, docker("update --restart no box1").exitCode());
    docker("run -d --name kkk1 busybox sleep 1000");
    assertEquals(0, docker("update --restart on-failure:3 kkk1").exitCode());
    assertEquals(
        "on-failure 3",
        inspect(
            "{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}",
            "kkk1"));
  }

  @Test
  void update_withoutFlags_orOfAMissingContainer_fails() {
    docker("run -d --name box1 busybox sleep 1000");
    CommandResult none = docker("update box1");
    assertEquals(1, none.exitCode());
    assertEquals("you must provide one or more flags when using this command\n", none.stderr());
    CommandResult some = docker("update -c 100 box1 nosuch");
    assertEquals(1, some.exitCode());
    assertEquals("box1\n", some.stdout());
    assertEquals("Error response from daemon: No such container: nosuch\n", some.stderr());
    CommandResult bad = docker("update --cpu-quota abc box1");
    assertEquals(125, bad.exitCode());
  }

  @Test
  void update_swapBelowMemory_ofARunningContainer_isRefusedByRunc() {
    docker("run -d --name box1 -m 300m --memory-swap -1 busybox sleep 1000");
    CommandResult r = docker("update --memory-swap 100m box1");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("memory.memsw.limit_in_bytes: invalid argument"), r.stderr());
    assertEquals("-1", inspect("{{.HostConfig.MemorySwap}}", "box1"));
  }

  @Test
  void update_cpusBeyondTheHost_isRefused() {
    docker("run -d --name box1 busybox sleep 1000");
    CommandResult r = docker("update --cpus 5 box1");
    assertEquals(
        "Error response from daemon: Range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs"
            + " available\n",
        r.stderr());
  }
}
