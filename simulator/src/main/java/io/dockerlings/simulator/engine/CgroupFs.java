package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.fs.NodeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A container's {@code /sys/fs/cgroup} as a cgroup v1 host mounts it (the course engine's kind):
 * one directory per controller, whose files show the container's current limits and use, read
 * afresh on every read so that {@code docker update} shows at once. Read-only, as the engine mounts
 * it.
 */
final class CgroupFs implements ReadOnlyFs {
  /** What the kernel shows for "no limit": the largest page-aligned counter. */
  static final long UNLIMITED = 9_223_372_036_854_771_712L;

  private final Container container;
  private final int hostCpus;

  CgroupFs(Container container, int hostCpus) {
    this.container = container;
    this.hostCpus = hostCpus;
  }

  /** The controllers in {@code ls} order, each with its files in {@code ls} order. */
  private Map<String, Map<String, Supplier<String>>> tree() {
    ContainerConfig.Limits l = container.config.limits();
    Map<String, Map<String, Supplier<String>>> t = new LinkedHashMap<>();
    t.put("blkio", common(new LinkedHashMap<>()));
    Map<String, Supplier<String>> cpu = new LinkedHashMap<>();
    cpu.put("cpu.cfs_period_us", () -> Long.toString(l.effectivePeriod()));
    cpu.put("cpu.cfs_quota_us", () -> Long.toString(l.effectiveQuota()));
    cpu.put("cpu.shares", () -> Long.toString(l.weight()));
    t.put("cpu", common(cpu));
    t.put("cpuacct", common(new LinkedHashMap<>()));
    Map<String, Supplier<String>> cpuset = new LinkedHashMap<>();
    cpuset.put("cpuset.cpus", () -> ranges(CpuModel.cores(l.cpusetCpus(), hostCpus)));
    cpuset.put("cpuset.effective_cpus", () -> ranges(CpuModel.cores(l.cpusetCpus(), hostCpus)));
    cpuset.put("cpuset.effective_mems", () -> "0");
    cpuset.put("cpuset.mems", () -> "0");
    t.put("cpuset", common(cpuset));
    t.put("devices", common(new LinkedHashMap<>()));
    Map<String, Supplier<String>> freezer = new LinkedHashMap<>();
    freezer.put(
        "freezer.state", () -> container.status == ContainerStatus.PAUSED ? "FROZEN" : "THAWED");
    t.put("freezer", common(freezer));
    Map<String, Supplier<String>> memory = new LinkedHashMap<>();
    memory.put("memory.failcnt", () -> "0");
    memory.put("memory.limit_in_bytes", () -> Long.toString(memoryLimit(l)));
    memory.put("memory.max_usage_in_bytes", () -> Long.toString(usage()));
    memory.put("memory.memsw.limit_in_bytes", () -> Long.toString(swapLimit(l)));
    memory.put(
        "memory.oom_control",
        () -> "oom_kill_disable " + (l.oomKillDisable() ? 1 : 0) + "\nunder_oom 0\noom_kill 0");
    memory.put("memory.soft_limit_in_bytes", () -> Long.toString(UNLIMITED));
    memory.put("memory.swappiness", () -> "60");
    memory.put("memory.usage_in_bytes", () -> Long.toString(usage()));
    t.put("memory", common(memory));
    Map<String, Supplier<String>> pids = new LinkedHashMap<>();
    pids.put("pids.current", () -> Integer.toString(procs().size()));
    pids.put("pids.max", () -> "max");
    t.put("pids", common(pids));
    t.put("systemd", common(new LinkedHashMap<>()));
    return t;
  }

  /** The files every controller has, merged into its own in name order. */
  private Map<String, Supplier<String>> common(Map<String, Supplier<String>> own) {
    java.util.TreeMap<String, Supplier<String>> all = new java.util.TreeMap<>(own);
    all.put("cgroup.clone_children", () -> "0");
    all.put("cgroup.procs", this::pidList);
    all.put("notify_on_release", () -> "0");
    all.put("tasks", this::pidList);
    return all;
  }

  static long memoryLimit(ContainerConfig.Limits l) {
    return l.memory() > 0 ? l.memory() / 4096 * 4096 : UNLIMITED;
  }

  static long swapLimit(ContainerConfig.Limits l) {
    return l.memory() > 0 && l.memorySwap() > 0 ? l.memorySwap() / 4096 * 4096 : UNLIMITED;
  }

  /** A CPU set as the kernel lists it: {@code 0-3}, {@code 0,2}. */
  static String ranges(BitSet set) {
    StringBuilder b = new StringBuilder();
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      int end = set.nextClearBit(i) - 1;
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(i);
      if (end > i) {
        b.append('-').append(end);
      }
      i = end;
    }
    return b.toString();
  }

  private List<Workload.Proc> procs() {
    return container.workload == null ? List.of() : container.workload.processes();
  }

  private long usage() {
    return container.workload == null ? 0 : container.workload.memoryUsage();
  }

  private String pidList() {
    StringBuilder b = new StringBuilder();
    for (Workload.Proc p : procs()) {
      b.append(b.length() == 0 ? "" : "\n").append(p.pid());
    }
    return b.toString();
  }

  private static String norm(String path) {
    return io.dockerlings.simulator.sh.Paths.normalize(path);
  }

  private FsException missing(String path) {
    return new FsException(FsException.Reason.NOT_FOUND, "/sys/fs/cgroup" + path);
  }

  private FileStat describe(String path) {
    Instant at =
        container.startedAt.isAfter(Container.ZERO_TIME) ? container.startedAt : container.created;
    if (path.equals("/")) {
      return new FileStat(path, NodeType.DIRECTORY, 0, 0555, 0, 0, at, "");
    }
    String[] p = path.substring(1).split("/");
    Map<String, Supplier<String>> dir = tree().get(p[0]);
    if (dir == null || p.length > 2) {
      throw missing(path);
    }
    if (p.length == 1) {
      return new FileStat(path, NodeType.DIRECTORY, 0, 0755, 0, 0, at, "");
    }
    if (!dir.containsKey(p[1])) {
      throw missing(path);
    }
    boolean writable = !p[1].equals("memory.usage_in_bytes") && !p[1].equals("pids.current");
    return new FileStat(path, NodeType.FILE, 0, writable ? 0644 : 0444, 0, 0, at, "");
  }

  @Override
  public boolean exists(String path) {
    try {
      describe(norm(path));
      return true;
    } catch (FsException e) {
      return false;
    }
  }

  @Override
  public FileStat stat(String path) {
    return describe(norm(path));
  }

  @Override
  public FileStat lstat(String path) {
    return describe(norm(path));
  }

  @Override
  public List<String> list(String dir) {
    String p = norm(dir);
    if (!describe(p).isDirectory()) {
      throw new FsException(FsException.Reason.NOT_A_DIRECTORY, "/sys/fs/cgroup" + p);
    }
    if (p.equals("/")) {
      return List.copyOf(tree().keySet());
    }
    return List.copyOf(tree().get(p.substring(1)).keySet());
  }

  @Override
  public byte[] read(String path) {
    String p = norm(path);
    if (describe(p).isDirectory()) {
      throw new FsException(FsException.Reason.IS_A_DIRECTORY, "/sys/fs/cgroup" + p);
    }
    String[] parts = p.substring(1).split("/");
    String text = tree().get(parts[0]).get(parts[1]).get();
    return (text.isEmpty() ? "" : text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String readlink(String path) {
    describe(norm(path));
    throw new FsException(FsException.Reason.INVALID, "/sys/fs/cgroup" + path);
  }

  @Override
  public String mountPoint() {
    return "/sys/fs/cgroup";
  }
}
