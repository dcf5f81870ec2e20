package io.dockerlings.simulator.fs;

/**
 * The size of a simulated disk and what is used on it; a write that would pass the size fails with
 * {@code No space left on device}, as on a full disk.
 */
public final class DiskQuota {
  private final long size;
  private long used;

  /**
   * @param size bytes the disk holds
   * @param used bytes already used when it is mounted
   */
  public DiskQuota(long size, long used) {
    if (size <= 0) {
      throw new IllegalArgumentException("a disk needs a positive size");
    }
    this.size = size;
    this.used = Math.max(0, used);
  }

  public long size() {
    return size;
  }

  public long used() {
    return used;
  }

  public long free() {
    return Math.max(0, size - used);
  }

  /** Takes {@code delta} more bytes (negative gives some back); refuses when the disk is full. */
  public void charge(long delta, String path) {
    if (delta > 0 && delta > free()) {
      throw new FsException(FsException.Reason.NO_SPACE, path);
    }
    long before = used;
    journal.recordOnce(this, () -> () -> used = before);
    used = Math.max(0, used + delta);
  }

  private Journal journal = Journal.NONE;

  /** Records every later change of what is used in {@code journal}. */
  public void journal(Journal journal) {
    this.journal = journal;
  }
}
