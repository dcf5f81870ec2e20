package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupFsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(SimulatorOptions.defaults().withHost(HostSpec.courseServer()));

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void limits_ofARun_showInTheFiles() {
    CommandResult r =
        docker(
            "run --rm -m 64m -c 512 --cpu-quota 25000 --cpu-period 50000 --cpuset-cpus 1-2"
                + " busybox sh -c 'cd /sys/fs/cgroup; cat memory/memory.limit_in_bytes"
                + " memory/memory.memsw.limit_in_bytes cpu/cpu.shares cpu/cpu.cfs_quota_us"
                + " cpu/cpu.cfs_period_us cpuset/cpuset.cpus'");
    assertEquals("67108864\n134217728\n512\n25000\n50000\n1-2\n", r.stdout());
  }

  @Test
  void noLimits_showTheKernelDefaults() {
    CommandResult r =
        docker(
            "run --rm busybox sh -c 'cd /sys/fs/cgroup; cat memory/memory.limit_in_bytes"
                + " cpu/cpu.shares cpu/cpu.cfs_quota_us cpuset/cpuset.cpus pids/pids.max'");
    assertEquals("9223372036854771712\n1024\n-1\n0-3\nmax\n", r.stdout());
  }

  @Test
  void files_areReadOnly_andUnknownOnesMissing() {
    CommandResult w = docker("run --rm busybox sh -c 'echo 5 > /sys/fs/cgroup/cpu/cpu.shares'");
    assertTrue(w.exitCode() != 0);
    CommandResult missing = docker("run --rm busybox cat /sys/fs/cgroup/cpu/nope");
    assertEquals(1, missing.exitCode());
  }

  @Test
  void procSelfCgroup_namesTheContainersGroup() {
    CommandResult run = docker("run --name box1 busybox head -1 /proc/self/cgroup");
    String id = docker("inspect -f '{{.Id}}' box1").stdout().strip();
    assertEquals("9:name=systemd:/docker/" + id + "\n", run.stdout());
  }

  @Test
  void pausedContainer_isFrozen() {
    docker("run -d --name ppp1 busybox sleep 1000");
    docker("pause ppp1");
    docker("unpause ppp1");
    CommandResult r = docker("exec ppp1 cat /sys/fs/cgroup/freezer/freezer.state");
    assertEquals("THAWED\n", r.stdout());
  }

  @Test
  void ranges_areWrittenAsTheKernelListsThem() {
    BitSet b = new BitSet();
    b.set(0, 3);
    b.set(5);
    assertEquals("0-2,5", CgroupFs.ranges(b));
  }

  @Test
  void ddWithABlockAsLargeAsTheLimit_isOomKilled() {
    CommandResult r =
        docker("run --name ddd1 -m 64m busybox dd if=/dev/zero of=/dev/null bs=64M count=1");
    assertEquals(137, r.exitCode());
    assertEquals("true", docker("inspect -f '{{.State.OOMKilled}}' ddd1").stdout().strip());
    CommandResult half =
        docker("run --rm -m 64m busybox dd if=/dev/zero of=/dev/null bs=32M count=1");
    assertEquals(0, half.exitCode());
  }

  @Test
  void endlessDd_keepsACpuBusy_untilStopped() {
    docker("run -d --name spin busybox dd if=/dev/zero of=/dev/null");
    CommandResult stats = docker("stats --no-stream --format '{{.CPUPerc}}' spin");
    assertEquals("100.00%\n", stats.stdout());
    docker("stop spin");
    assertEquals("137", docker("inspect -f '{{.State.ExitCode}}' spin").stdout().strip());
  }
}
