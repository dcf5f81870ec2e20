package io.dockerlings.simulator.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tree a container process sees: its root filesystem with other filesystems mounted on top (a
 * device directory, single bind-mounted files such as {@code /etc/hostname}, later volumes).
 *
 * <p>Each path goes to the filesystem of the longest mount point containing it. A read-only mount
 * refuses writes with {@code Read-only file system}. What happens below a mount point never reaches
 * the root filesystem, so {@code docker diff} does not see it.
 */
public final class MountedFs implements FileSystem {
  /** One mount: a filesystem, the path inside it that appears at the mount point, and access. */
  public record Mount(FileSystem fs, String source, boolean readOnly) {}

  private final FileSystem root;
  private final TreeMap<String, Mount> mounts = new TreeMap<>();

  public MountedFs(FileSystem root) {
    this.root = root;
  }

  /** Mounts {@code fs}'s path {@code source} at {@code target}. */
  public MountedFs mount(String target, FileSystem fs, String source, boolean readOnly) {
    mounts.put(FsPaths.normalize(target), new Mount(fs, FsPaths.normalize(source), readOnly));
    return this;
  }

  /** The mount points, sorted. */
  public List<String> mountPoints() {
    return List.copyOf(mounts.keySet());
  }

  private record Target(FileSystem fs, String path, boolean readOnly) {}

  private Target route(String path) {
    String p = FsPaths.normalize(path);
    for (Map.Entry<String, Mount> m : mounts.descendingMap().entrySet()) {
      if (FsPaths.isWithin(p, m.getKey())) {
        String rest = p.substring(m.getKey().length());
        String inner = FsPaths.normalize(m.getValue().source() + rest);
        return new Target(m.getValue().fs(), inner, m.getValue().readOnly());
      }
    }
    return new Target(root, p, false);
  }

  private Target writable(String path) {
    Target t = route(path);
    if (t.readOnly()) {
      throw new FsException(FsException.Reason.READ_ONLY, path);
    }
    return t;
  }

  private FileStat rebase(FileStat s, String path) {
    return new FileStat(
        FsPaths.normalize(path),
        s.type(),
        s.size(),
        s.mode(),
        s.uid(),
        s.gid(),
        s.mtime(),
        s.linkTarget());
  }

  @Override
  public boolean exists(String path) {
    Target t = route(path);
    return t.fs().exists(t.path());
  }

  @Override
  public FileStat stat(String path) {
    Target t = route(path);
    return rebase(t.fs().stat(t.path()), path);
  }

  @Override
  public FileStat lstat(String path) {
    Target t = route(path);
    return rebase(t.fs().lstat(t.path()), path);
  }

  @Override
  public List<String> list(String dir) {
    Target t = route(dir);
    TreeSet<String> names = new TreeSet<>(t.fs().list(t.path()));
    String d = FsPaths.normalize(dir);
    for (String point : mounts.keySet()) {
      if (!point.equals(d) && FsPaths.parent(point).equals(d)) {
        names.add(FsPaths.name(point));
      }
    }
    return new ArrayList<>(names);
  }

  @Override
  public byte[] read(String path) {
    Target t = route(path);
    return t.fs().read(t.path());
  }

  @Override
  public byte[] read(String path, long maxBytes) {
    Target t = route(path);
    return t.fs().read(t.path(), maxBytes);
  }

  @Override
  public void write(String path, byte[] content) {
    Target t = writable(path);
    t.fs().write(t.path(), content);
  }

  @Override
  public void append(String path, byte[] content) {
    Target t = writable(path);
    t.fs().append(t.path(), content);
  }

  @Override
  public void mkdir(String path, boolean parents) {
    Target t = writable(path);
    t.fs().mkdir(t.path(), parents);
  }

  @Override
  public void delete(String path, boolean recursive) {
    String p = FsPaths.normalize(path);
    if (mounts.containsKey(p)) {
      // A mount point is busy: it cannot be removed from inside the container.
      throw new FsException(FsException.Reason.INVALID, path);
    }
    Target t = writable(path);
    t.fs().delete(t.path(), recursive);
  }

  @Override
  public void rename(String from, String to) {
    Target a = writable(from);
    Target b = writable(to);
    if (a.fs() != b.fs()) {
      // Across mounts a move is a copy and a delete; tools fall back to that themselves.
      throw new FsException(FsException.Reason.INVALID, to);
    }
    a.fs().rename(a.path(), b.path());
  }

  @Override
  public void symlink(String target, String path) {
    Target t = writable(path);
    t.fs().symlink(target, t.path());
  }

  @Override
  public String readlink(String path) {
    Target t = route(path);
    return t.fs().readlink(t.path());
  }

  @Override
  public void chmod(String path, int mode) {
    Target t = writable(path);
    t.fs().chmod(t.path(), mode);
  }

  @Override
  public void chown(String path, int uid, int gid) {
    Target t = writable(path);
    t.fs().chown(t.path(), uid, gid);
  }

  @Override
  public void touch(String path) {
    Target t = writable(path);
    t.fs().touch(t.path());
  }
}
