package io.dockerlings.simulator.fs;

import java.util.List;

/**
 * A filesystem on a disk of bounded size: writes, appends and new files are counted against a
 * {@link DiskQuota} before they happen, and deletions give the space back.
 */
public final class QuotaFs implements FileSystem {
  private final FileSystem inner;
  private final DiskQuota quota;

  public QuotaFs(FileSystem inner, DiskQuota quota) {
    this.inner = inner;
    this.quota = quota;
  }

  public DiskQuota quota() {
    return quota;
  }

  private long fileSize(String path) {
    if (!inner.exists(path)) {
      return 0;
    }
    FileStat st = inner.stat(path);
    return st.isFile() ? st.size() : 0;
  }

  /** Bytes of the regular files in a tree, links not followed. */
  private long treeSize(String path) {
    FileStat st = inner.lstat(path);
    if (st.isFile()) {
      return st.size();
    }
    if (!st.isDirectory()) {
      return 0;
    }
    long total = 0;
    for (String name : inner.list(path)) {
      total += treeSize(FsPaths.child(FsPaths.normalize(path), name));
    }
    return total;
  }

  @Override
  public boolean exists(String path) {
    return inner.exists(path);
  }

  @Override
  public FileStat stat(String path) {
    return inner.stat(path);
  }

  @Override
  public FileStat lstat(String path) {
    return inner.lstat(path);
  }

  @Override
  public List<String> list(String dir) {
    return inner.list(dir);
  }

  @Override
  public byte[] read(String path) {
    return inner.read(path);
  }

  @Override
  public byte[] read(String path, long maxBytes) {
    return inner.read(path, maxBytes);
  }

  @Override
  public void write(String path, byte[] content) {
    long delta = content.length - fileSize(path);
    quota.charge(delta, path);
    try {
      inner.write(path, content);
    } catch (RuntimeException e) {
      quota.charge(-delta, path);
      throw e;
    }
  }

  @Override
  public void append(String path, byte[] content) {
    quota.charge(content.length, path);
    try {
      inner.append(path, content);
    } catch (RuntimeException e) {
      quota.charge(-content.length, path);
      throw e;
    }
  }

  @Override
  public void mkdir(String path, boolean parents) {
    inner.mkdir(path, parents);
  }

  @Override
  public void delete(String path, boolean recursive) {
    long freed = inner.exists(path) || isLink(path) ? treeSize(path) : 0;
    inner.delete(path, recursive);
    quota.charge(-freed, path);
  }

  private boolean isLink(String path) {
    try {
      return inner.lstat(path).isSymlink();
    } catch (FsException e) {
      return false;
    }
  }

  @Override
  public void rename(String from, String to) {
    long replaced = fileSize(to);
    inner.rename(from, to);
    quota.charge(-replaced, to);
  }

  @Override
  public void symlink(String target, String path) {
    inner.symlink(target, path);
  }

  @Override
  public String readlink(String path) {
    return inner.readlink(path);
  }

  @Override
  public void chmod(String path, int mode) {
    inner.chmod(path, mode);
  }

  @Override
  public void chown(String path, int uid, int gid) {
    inner.chown(path, uid, gid);
  }

  @Override
  public void touch(String path) {
    inner.touch(path);
  }
}
