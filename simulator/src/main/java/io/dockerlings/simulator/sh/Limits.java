package io.dockerlings.simulator.sh;

/**
 * The simulated kernel's bounds on one shell process: how deep it may nest and how much it may
 * hold, so that a runaway script ends inside the simulation (SIGSEGV, the OOM killer) and never
 * exhausts the JVM that runs it.
 */
final class Limits {
  private Limits() {}

  /**
   * Nesting of syntax ({@code ( ( (}, {@code { {}, {@code $( $(}) a parse may reach; deeper, ash
   * overflows its C stack and dies of SIGSEGV. ash handles a few thousand; 1,000 keeps the JVM's
   * own stack safe at its default size.
   */
  static final int PARSE_DEPTH = 1_000;

  /** Nested evaluations ({@code eval}, {@code $(...)}, pipeline stages) one process may stack. */
  static final int NESTED_DEPTH = 400;

  /** Function calls one process may stack before its stack overflows (SIGSEGV). */
  static final int CALL_DEPTH = 10_000;

  /**
   * The most real data (variables, arguments, captured output) a simulated process may hold. A
   * container's memory limit below it applies first; beyond it the process is OOM-killed.
   */
  static final long MEMORY_BYTES = 64L << 20;

  /**
   * The most a pipe may carry ahead of its reader before the writer is cut off (SIGPIPE): a little
   * more than a process may hold, so that a reader that keeps it all meets its memory limit first.
   */
  static final long PIPE_BYTES = MEMORY_BYTES + (1L << 20);

  /**
   * What an endless writer ({@code yes}) writes into a pipe before it counts as blocked for good:
   * its reader runs only after it here, so it cannot tell how much the reader will want.
   */
  static final long ENDLESS_BYTES = 16L << 20;

  /** The largest file a write may make: beyond it the disk is full (ENOSPC). */
  static final long FILE_BYTES = 64L << 20;

  /** Processes one container may hold before fork fails (EAGAIN). */
  static final int PROCESSES = 512;

  /** Thrown by a pipe's writer when the pipe holds {@link #PIPE_BYTES}: the writer is cut off. */
  static final class PipeFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PipeFull() {
      super("pipe full", null, false, false);
    }
  }

  /** Thrown by a write that would make a file larger than {@link #FILE_BYTES} (ENOSPC). */
  static final class NoSpace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoSpace() {
      super("No space left on device", null, false, false);
    }
  }

  /** Thrown where ash's stack would overflow: the process dies of SIGSEGV (exit 139). */
  static final class StackExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StackExhausted() {
      super("stack exhausted", null, false, false);
    }
  }
}
