package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;

/**
 * A kernel-made filesystem ({@code /proc}, {@code /sys/fs/cgroup}) that refuses every change with
 * the kernel's read-only error, naming the path under its mount point.
 */
interface ReadOnlyFs extends FileSystem {
  /** Where the filesystem is mounted, for the error's path: {@code /proc}. */
  String mountPoint();

  private FsException readOnly(String path) {
    return new FsException(FsException.Reason.READ_ONLY, mountPoint() + path);
  }

  @Override
  default void write(String path, byte[] content) {
    throw readOnly(path);
  }

  @Override
  default void append(String path, byte[] content) {
    throw readOnly(path);
  }

  @Override
  default void mkdir(String path, boolean parents) {
    throw readOnly(path);
  }

  @Override
  default void delete(String path, boolean recursive) {
    throw readOnly(path);
  }

  @Override
  default void rename(String from, String to) {
    throw readOnly(from);
  }

  @Override
  default void symlink(String target, String path) {
    throw readOnly(path);
  }

  @Override
  default void chmod(String path, int mode) {
    throw readOnly(path);
  }

  @Override
  default void chown(String path, int uid, int gid) {
    throw readOnly(path);
  }

  @Override
  default void touch(String path) {
    throw readOnly(path);
  }
}
