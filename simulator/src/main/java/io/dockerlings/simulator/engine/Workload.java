package io.dockerlings.simulator.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The processes of one started container, as the engine drives them: advanced in simulated time,
 * signalled, listed. PID 1's end is the container's end.
 */
interface Workload {
  /** How PID 1 ended. */
  record Exit(int code, Instant at) {}

  /** One process as {@code docker top} lists it. */
  record Proc(
      int pid, int hostPid, int ppid, int uid, String user, Instant started, String command) {}

  /** Runs every process up to {@code t}; output goes to the container's log as it happens. */
  void advanceTo(Instant t);

  /** Whether no process has anything to do before {@code t} (all sleep past it, wait or ended). */
  boolean idleBefore(Instant t);

  /** The next moment a process wakes up on its own, if any will. */
  Optional<Instant> nextWake();

  /** PID 1's end, once it has ended. */
  Optional<Exit> exit();

  /** Delivers a signal (by number) to PID 1 at time {@code at}. */
  void signal(int signal, Instant at);

  /** Kills every process at once (SIGKILL to the whole container). */
  void killAll(Instant at);

  /** The live processes, PID 1 first. */
  List<Proc> processes();

  /** Whether some process spins on the CPU without ever sleeping. */
  boolean busy();

  /** How many processes spin on a CPU: the most CPUs the container can use. */
  int busyProcesses();

  /** Memory the processes hold, in bytes. */
  long memoryUsage();

  /** Whether the OOM killer ended the container. */
  boolean oomKilled();

  /** A way back to the processes' table and scheduling state now, for the undo journal. */
  Runnable memento();
}
