package io.dockerlings.simulator.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a container was created with (inspect's {@code Config} and {@code HostConfig}): immutable,
 * built once by {@code docker create}/{@code run} from the image's defaults and the user's flags.
 */
record ContainerConfig(
    String image,
    String hostname,
    String domainname,
    String user,
    boolean tty,
    boolean openStdin,
    boolean attachStdin,
    boolean attachStdout,
    boolean attachStderr,
    List<String> env,
    Optional<List<String>> cmd,
    Optional<List<String>> entrypoint,
    String workingDir,
    SortedMap<String, String> labels,
    SortedSet<String> exposedPorts,
    Optional<String> stopSignal,
    Optional<Integer> stopTimeout,
    boolean autoRemove,
    RestartPolicy restartPolicy,
    List<PortBinding> portBindings,
    boolean publishAllPorts,
    String networkMode,
    Privileges privileges,
    Limits limits,
    List<Volumes.Mount> mounts,
    String requestedIp,
    Isolation isolation,
    SortedSet<String> volumes,
    List<String> binds,
    List<String> mountFlags) {

  /**
   * Namespaces shared with the host instead of new ones ({@code --pid/--uts/--ipc host}), and the
   * PID and IPC modes as inspect shows them ({@code container:ID} for a donor's namespace).
   */
  record Isolation(
      boolean pidHost, boolean utsHost, boolean ipcHost, String pidMode, String ipcMode) {
    static final Isolation NONE = new Isolation(false, false, false, "", "private");

    /** The id of the container whose namespace of this kind is joined, if any. */
    static java.util.Optional<String> donor(String mode) {
      return mode.startsWith("container:")
          ? java.util.Optional.of(mode.substring("container:".length()))
          : java.util.Optional.empty();
    }
  }

  boolean pidHost() {
    return isolation.pidHost();
  }

  boolean utsHost() {
    return isolation.utsHost();
  }

  boolean ipcHost() {
    return isolation.ipcHost();
  }

  /** cgroup settings as inspect's HostConfig shows them (0 = unset). */
  record Limits(
      long memory,
      long memorySwap,
      long nanoCpus,
      long cpuShares,
      String cpusetCpus,
      int blkioWeight,
      boolean oomKillDisable,
      List<String> deviceReadBps,
      List<String> deviceWriteBps,
      long cpuQuota,
      long cpuPeriod) {
    static final Limits NONE = new Limits(0, 0, 0, 0, "", 0, false, List.of(), List.of(), 0, 0);

    /** The relative CPU weight: the default 1024 when unset. */
    long weight() {
      return cpuShares > 0 ? cpuShares : 1024;
    }

    /** The CFS period in microseconds the kernel uses: the default 100 ms when unset. */
    long effectivePeriod() {
      return nanoCpus > 0 || cpuPeriod <= 0 ? 100_000 : cpuPeriod;
    }

    /** The CFS quota in microseconds as {@code cpu.cfs_quota_us} shows it: -1 for none. */
    long effectiveQuota() {
      if (nanoCpus > 0) {
        return nanoCpus * 100_000 / 1_000_000_000L;
      }
      return cpuQuota > 0 ? cpuQuota : -1;
    }

    /** The hard cap in CPUs that the quota sets, 0 for none. */
    double cpuCap() {
      long quota = effectiveQuota();
      return quota > 0 ? (double) quota / effectivePeriod() : 0;
    }
  }

  /** The same configuration with new cgroup limits and restart policy ({@code docker update}). */
  ContainerConfig withResources(Limits newLimits, RestartPolicy newPolicy) {
    return new ContainerConfig(
        image,
        hostname,
        domainname,
        user,
        tty,
        openStdin,
        attachStdin,
        attachStdout,
        attachStderr,
        env,
        cmd,
        entrypoint,
        workingDir,
        labels,
        exposedPorts,
        stopSignal,
        stopTimeout,
        autoRemove,
        newPolicy,
        portBindings,
        publishAllPorts,
        networkMode,
        privileges,
        newLimits,
        mounts,
        requestedIp,
        isolation,
        volumes,
        binds,
        mountFlags);
  }

  ContainerConfig {
    env = List.copyOf(env);
    cmd = cmd.map(List::copyOf);
    entrypoint = entrypoint.map(List::copyOf);
    labels = new TreeMap<>(labels);
    exposedPorts = new TreeSet<>(exposedPorts);
    portBindings = List.copyOf(portBindings);
    mounts = List.copyOf(mounts);
    volumes = new TreeSet<>(volumes);
    binds = List.copyOf(binds);
    mountFlags = List.copyOf(mountFlags);
  }

  /** The same configuration with these mounts. */
  ContainerConfig withMounts(List<Volumes.Mount> newMounts) {
    return new ContainerConfig(
        image,
        hostname,
        domainname,
        user,
        tty,
        openStdin,
        attachStdin,
        attachStdout,
        attachStderr,
        env,
        cmd,
        entrypoint,
        workingDir,
        labels,
        exposedPorts,
        stopSignal,
        stopTimeout,
        autoRemove,
        restartPolicy,
        portBindings,
        publishAllPorts,
        networkMode,
        privileges,
        limits,
        newMounts,
        requestedIp,
        isolation,
        volumes,
        binds,
        mountFlags);
  }

  /** The network the container was created on: {@code bridge} for the default. */
  String networkName() {
    return networkMode.equals("default") ? "bridge" : networkMode;
  }

  /** The process PID 1 runs: entrypoint followed by cmd. */
  List<String> command() {
    List<String> all = new java.util.ArrayList<>(entrypoint.orElse(List.of()));
    all.addAll(cmd.orElse(List.of()));
    return all;
  }

  /** The environment as a map, later entries winning, as a process sees it. */
  Map<String, String> envMap() {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        map.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    return map;
  }
}
