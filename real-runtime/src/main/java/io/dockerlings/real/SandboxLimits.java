package io.dockerlings.real;

/**
 * The resource ceilings a sandbox puts on every container its session creates, where the session
 * did not ask for a tighter limit itself; zero means no ceiling of that kind.
 *
 * @param memoryBytes the memory ceiling in bytes (swap included: a capped container gets none)
 * @param pids the most processes a container may hold
 * @param nanoCpus the CPU ceiling in billionths of a CPU ({@code 1_000_000_000} is one CPU)
 */
public record SandboxLimits(long memoryBytes, long pids, long nanoCpus) {
  /** The smallest memory limit the engine accepts (6 MB). */
  public static final long MIN_MEMORY = 6L * 1024 * 1024;

  public SandboxLimits {
    if (memoryBytes < 0 || pids < 0 || nanoCpus < 0) {
      throw new IllegalArgumentException("a ceiling is zero (none) or positive");
    }
    if (memoryBytes > 0 && memoryBytes < MIN_MEMORY) {
      throw new IllegalArgumentException("a memory ceiling is at least 6 MB");
    }
  }

  /** No ceilings at all: what lessons and the REPL's real mode use. */
  public static SandboxLimits none() {
    return new SandboxLimits(0, 0, 0);
  }

  /** Whether any ceiling is set. */
  public boolean any() {
    return memoryBytes > 0 || pids > 0 || nanoCpus > 0;
  }
}
