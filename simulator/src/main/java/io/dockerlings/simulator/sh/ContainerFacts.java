package io.dockerlings.simulator.sh;

import java.util.List;

/** What a process can learn about the container it runs in: names, ids, processes, mounts. */
public interface ContainerFacts {
  /** The UTS hostname. */
  String hostname();

  /** The user the process runs as, e.g. uid 0. */
  int uid();

  /** The primary group. */
  int gid();

  /** The host's kernel release, as {@code uname -r} prints it. */
  String kernelRelease();

  /** The processes visible in the container's pid namespace, PID 1 first. */
  List<ProcessRow> processes();

  /** The mount table, as {@code /proc/mounts} lines. */
  List<String> mounts();

  /** CPUs the host has, for {@code nproc}. */
  int cpus();

  /** The host's memory, for {@code free}. */
  long memoryBytes();

  /** One process as {@code ps} shows it. */
  record ProcessRow(int pid, String user, String command) {}
}
