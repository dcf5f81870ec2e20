package io.dockerlings.simulator.fs;

import java.time.Instant;

/**
 * What {@code stat} tells about one path: kind, size, permissions, owner, modification time.
 *
 * @param path the absolute, normalised path
 * @param type the kind of entry (never {@link NodeType#WHITEOUT} through a merged view)
 * @param size bytes of content (files), target length (symlinks), 4096 for directories
 * @param mode permission bits, e.g. {@code 0755}
 * @param uid owner user id
 * @param gid owner group id
 * @param mtime last modification
 * @param linkTarget the target of a symlink, empty otherwise
 */
public record FileStat(
    String path,
    NodeType type,
    long size,
    int mode,
    int uid,
    int gid,
    Instant mtime,
    String linkTarget) {

  public boolean isDirectory() {
    return type == NodeType.DIRECTORY;
  }

  public boolean isFile() {
    return type == NodeType.FILE;
  }

  public boolean isSymlink() {
    return type == NodeType.SYMLINK;
  }
}
