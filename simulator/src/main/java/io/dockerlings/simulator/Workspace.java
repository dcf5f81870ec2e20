package io.dockerlings.simulator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated host's disk: its size, the largest single file read into the simulator, and the
 * learner's workspace, a real directory that appears as the host user's home ({@code /root}).
 *
 * @param dir the real directory behind {@code /root}; empty keeps the whole host in memory
 * @param diskBytes the size of the host's disk ({@code df}); writes past it fail
 * @param maxFileBytes the largest file read whole (a tar to load, a file to copy)
 */
public record Workspace(Optional<Path> dir, long diskBytes, long maxFileBytes) {
  /** Where the workspace appears in the simulated host: the home of its user. */
  public static final String HOME = "/root";

  /** 1 GiB of disk. */
  public static final long DEFAULT_DISK = 1L << 30;

  /** 512 MiB for one file. */
  public static final long DEFAULT_MAX_FILE = 512L << 20;

  public Workspace {
    Objects.requireNonNull(dir);
    if (diskBytes <= 0 || maxFileBytes <= 0) {
      throw new IllegalArgumentException("sizes must be positive");
    }
  }

  /** A host kept wholly in memory, with the default disk. */
  public static Workspace inMemory() {
    return new Workspace(Optional.empty(), DEFAULT_DISK, DEFAULT_MAX_FILE);
  }

  /** A host whose home is the real directory {@code dir}, with the default disk. */
  public static Workspace at(Path dir) {
    return new Workspace(Optional.of(dir), DEFAULT_DISK, DEFAULT_MAX_FILE);
  }

  public Workspace withDisk(long bytes) {
    return new Workspace(dir, bytes, maxFileBytes);
  }

  public Workspace withMaxFile(long bytes) {
    return new Workspace(dir, diskBytes, bytes);
  }
}
