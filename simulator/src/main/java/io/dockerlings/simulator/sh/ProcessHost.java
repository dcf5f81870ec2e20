package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FileSystem;
import java.time.Instant;
import java.util.List;

/**
 * What a shell process needs from the container it runs in: files, identity, a place for its
 * output, and a way to start background processes.
 */
public interface ProcessHost {
  /** The container's merged file tree. */
  FileSystem fs();

  /** Facts for {@code hostname}, {@code ps}, {@code id}, {@code uname}, {@code mount}. */
  ContainerFacts facts();

  /** Receives output: {@code fd} 1 or 2, at simulated time {@code at}. */
  void write(int fd, String text, Instant at);

  /**
   * Registers {@code child} ({@code cmd &}) as a process of the same container; returns its pid.
   */
  int adopt(ShellProcess child);

  /** The cgroup memory limit of the container in bytes, 0 when there is none. */
  long memoryLimit();

  /** The kernel's OOM killer acts: the container's memory limit was exceeded. */
  void outOfMemory(java.time.Instant at);

  /** The OOM killer ended a child only (a stress worker): the container records it, no more. */
  default void oomNoticed() {}

  /**
   * Whether the container's memory limit has its OOM killer disabled ({@code --oom-kill-disable}).
   */
  default boolean oomKillDisabled() {
    return false;
  }

  /**
   * A process hit the memory limit with the OOM killer disabled: it now waits for memory. The
   * container records the out-of-memory event.
   */
  default void underOom(java.time.Instant at) {}

  /** How many processes the container holds now, against the kernel's limit on forks. */
  default int processCount() {
    return 0;
  }

  /** A pid for a short-lived child the process forks (an applet such as {@code ps}). */
  int forkPid();

  /** Sends a signal to another process of the container; false when there is no such pid. */
  boolean kill(int pid, int signal, Instant at);

  /** The pids of live processes other than the caller, for {@code wait}. */
  List<Integer> children();

  /** The simulator's own notes in the session's language. */
  default io.dockerlings.simulator.notes.Notes notes() {
    return io.dockerlings.simulator.notes.Notes.ENGLISH;
  }
}
