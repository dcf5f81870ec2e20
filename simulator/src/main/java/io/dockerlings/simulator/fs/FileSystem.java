package io.dockerlings.simulator.fs;

import java.util.List;

/**
 * The file tree one container process sees: POSIX-like operations on absolute paths.
 *
 * <p>Paths given here are absolute; callers resolve relative ones against their working directory
 * first. Symlinks are followed for every operation except {@link #lstat}, {@link #readlink} and
 * {@link #delete} of the link itself. Failures throw {@link FsException} and change nothing.
 */
public interface FileSystem {
  /** Whether the path exists (following symlinks). */
  boolean exists(String path);

  /** Metadata, following symlinks. */
  FileStat stat(String path);

  /** Metadata of the entry itself, not following a final symlink. */
  FileStat lstat(String path);

  /** The names in a directory, sorted. */
  List<String> list(String dir);

  /** The whole content of a file. */
  byte[] read(String path);

  /**
   * At most {@code maxBytes} of a file's content; devices such as {@code /dev/zero} are endless, so
   * readers of them must bound what they take.
   */
  default byte[] read(String path, long maxBytes) {
    byte[] all = read(path);
    return all.length <= maxBytes ? all : java.util.Arrays.copyOf(all, (int) maxBytes);
  }

  /** Creates or replaces a file's content (the parent must exist). */
  void write(String path, byte[] content);

  /** Appends to a file, creating it when missing. */
  void append(String path, byte[] content);

  /** Creates a directory; with {@code parents}, missing parents too and no error if present. */
  void mkdir(String path, boolean parents);

  /** Removes a file, symlink or empty directory; with {@code recursive}, a whole tree. */
  void delete(String path, boolean recursive);

  /** Moves an entry (and its subtree) to a new path. */
  void rename(String from, String to);

  /** Creates a symlink at {@code path} pointing at {@code target}. */
  void symlink(String target, String path);

  /** The target of a symlink. */
  String readlink(String path);

  /** Changes permission bits. */
  void chmod(String path, int mode);

  /** Changes the owner. */
  void chown(String path, int uid, int gid);

  /** Sets the modification time to now, creating an empty file when missing ({@code touch}). */
  void touch(String path);
}
