package io.dockerlings.simulator.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A filesystem backed by one real directory (the learner's workspace), which it never leaves.
 *
 * <p>Paths are resolved component by component without letting the operating system follow a link:
 * a symlink is followed here, inside the directory, and one that leads out of it (an absolute
 * target outside the mount point, or {@code ..} past the top) reads as a dangling link. A single
 * file read is bounded by {@code maxFileBytes}.
 */
public final class DirFs implements FileSystem {
  private static final int MAX_LINKS = 40;
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final Path root;
  private final String mountPoint;
  private final long maxFileBytes;
  private final Clock clock;

  /**
   * @param root the real directory (it must exist)
   * @param mountPoint where this filesystem appears in the simulated tree, for absolute link
   *     targets
   * @param maxFileBytes the largest file a read returns whole
   * @param clock the time {@code touch} sets
   */
  public DirFs(Path root, String mountPoint, long maxFileBytes, Clock clock) {
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("no such directory: " + root, e);
    }
    if (!Files.isDirectory(this.root)) {
      throw new IllegalArgumentException("not a directory: " + root);
    }
    this.mountPoint = FsPaths.normalize(mountPoint);
    this.maxFileBytes = maxFileBytes;
    this.clock = clock;
  }

  /** The real directory. */
  public Path root() {
    return root;
  }

  /**
   * The real path of a path of this filesystem, with every link inside resolved; the last component
   * may be missing. Throws {@link FsException} when a link leads out or a directory is missing.
   */
  public Path realPath(String path, boolean followLast) {
    return root.resolve(String.join("/", resolve(path, followLast)));
  }

  private List<String> resolve(String path, boolean followLast) {
    List<String> done = new ArrayList<>();
    List<String> todo = new ArrayList<>(parts(FsPaths.normalize(path)));
    int hops = 0;
    while (!todo.isEmpty()) {
      String part = todo.remove(0);
      if (part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (done.isEmpty()) {
          // Above the top of the workspace: outside, which this filesystem never reaches.
          throw new FsException(FsException.Reason.NOT_FOUND, path);
        }
        done.remove(done.size() - 1);
        continue;
      }
      Path here = root.resolve(String.join("/", done)).resolve(part);
      boolean last = todo.isEmpty();
      if (Files.isSymbolicLink(here) && (!last || followLast)) {
        if (++hops > MAX_LINKS) {
          throw new FsException(FsException.Reason.TOO_MANY_LINKS, path);
        }
        String target = readLink(here, path);
        List<String> next = new ArrayList<>();
        if (target.startsWith("/")) {
          String t = FsPaths.normalize(target);
          if (!FsPaths.isWithin(t, mountPoint)) {
            throw new FsException(FsException.Reason.NOT_FOUND, path);
          }
          done.clear();
          next.addAll(parts(t.substring(mountPoint.equals("/") ? 0 : mountPoint.length())));
        } else {
          next.addAll(List.of(target.split("/")));
        }
        next.removeIf(String::isEmpty);
        next.addAll(todo);
        todo = next;
        continue;
      }
      if (!last && !Files.isDirectory(here, NOFOLLOW)) {
        throw new FsException(
            Files.exists(here, NOFOLLOW)
                ? FsException.Reason.NOT_A_DIRECTORY
                : FsException.Reason.NOT_FOUND,
            path);
      }
      done.add(part);
    }
    return done;
  }

  private static List<String> parts(String normalized) {
    List<String> out = new ArrayList<>();
    for (String p : normalized.split("/")) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  private static String readLink(Path link, String path) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  private Path existing(String path, boolean follow) {
    Path p = realPath(path, follow);
    if (!Files.exists(p, NOFOLLOW)) {
      throw new FsException(FsException.Reason.NOT_FOUND, path);
    }
    return p;
  }

  private static FsException failure(IOException e, String path) {
    FsException.Reason r;
    if (e instanceof NoSuchFileException) {
      r = FsException.Reason.NOT_FOUND;
    } else if (e instanceof FileAlreadyExistsException) {
      r = FsException.Reason.EXISTS;
    } else if (e instanceof DirectoryNotEmptyException) {
      r = FsException.Reason.NOT_EMPTY;
    } else if (e instanceof AccessDeniedException) {
      r = FsException.Reason.PERMISSION_DENIED;
    } else if (e instanceof NotDirectoryException) {
      r = FsException.Reason.NOT_A_DIRECTORY;
    } else if (String.valueOf(e.getMessage()).contains("No space left")) {
      r = FsException.Reason.NO_SPACE;
    } else {
      r = FsException.Reason.INVALID;
    }
    return new FsException(r, path);
  }

  @Override
  public boolean exists(String path) {
    try {
      return Files.exists(realPath(path, true), NOFOLLOW);
    } catch (FsException e) {
      return false;
    }
  }

  @Override
  public FileStat stat(String path) {
    return statOf(existing(path, true), path);
  }

  @Override
  public FileStat lstat(String path) {
    return statOf(existing(path, false), path);
  }

  private FileStat statOf(Path p, String path) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
      NodeType type =
          a.isDirectory()
              ? NodeType.DIRECTORY
              : a.isSymbolicLink() ? NodeType.SYMLINK : NodeType.FILE;
      String link = a.isSymbolicLink() ? Files.readSymbolicLink(p).toString() : "";
      long size = a.isDirectory() ? 4096 : a.isSymbolicLink() ? link.length() : a.size();
      return new FileStat(
          FsPaths.normalize(path),
          type,
          size,
          a.isSymbolicLink() ? 0777 : mode(p),
          0,
          0,
          a.lastModifiedTime().toInstant(),
          link);
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  private static int mode(Path p) throws IOException {
    int m = 0;
    for (PosixFilePermission perm : Files.getPosixFilePermissions(p, NOFOLLOW)) {
      m |= 1 << (8 - perm.ordinal());
    }
    return m;
  }

  @Override
  public List<String> list(String dir) {
    Path p = existing(dir, true);
    if (!Files.isDirectory(p, NOFOLLOW)) {
      throw new FsException(FsException.Reason.NOT_A_DIRECTORY, dir);
    }
    try (Stream<Path> children = Files.list(p)) {
      return children.map(c -> c.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw failure(e, dir);
    }
  }

  @Override
  public byte[] read(String path) {
    return read(path, Long.MAX_VALUE, true);
  }

  @Override
  public byte[] read(String path, long maxBytes) {
    return read(path, maxBytes, false);
  }

  private byte[] read(String path, long maxBytes, boolean whole) {
    Path p = existing(path, true);
    if (Files.isDirectory(p, NOFOLLOW)) {
      throw new FsException(FsException.Reason.IS_A_DIRECTORY, path);
    }
    try {
      long size = Files.size(p);
      if (whole && size > maxFileBytes) {
        throw new FsException(FsException.Reason.TOO_LARGE, path);
      }
      long take = Math.min(Math.min(size, maxBytes), maxFileBytes);
      try (var in = Files.newInputStream(p, NOFOLLOW)) {
        return in.readNBytes((int) take);
      }
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  /** The real file a write goes to: links followed inside, the parent a directory, not a dir. */
  private Path writable(String path) {
    Path p = realPath(path, true);
    if (!Files.isDirectory(p.getParent(), NOFOLLOW)) {
      throw new FsException(FsException.Reason.NOT_FOUND, path);
    }
    if (Files.isDirectory(p, NOFOLLOW)) {
      throw new FsException(FsException.Reason.IS_A_DIRECTORY, path);
    }
    return p;
  }

  @Override
  public void write(String path, byte[] content) {
    Path p = writable(path);
    try {
      Files.write(
          p,
          content,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  @Override
  public void append(String path, byte[] content) {
    Path p = writable(path);
    try {
      Files.write(
          p,
          content,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  @Override
  public void mkdir(String path, boolean parents) {
    if (parents) {
      String at = "/";
      for (String part : parts(FsPaths.normalize(path))) {
        at = FsPaths.child(at, part);
        if (!exists(at)) {
          mkdir(at, false);
        } else if (!stat(at).isDirectory()) {
          throw new FsException(FsException.Reason.NOT_A_DIRECTORY, path);
        }
      }
      return;
    }
    Path p = realPath(path, false);
    try {
      Files.createDirectory(p);
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  @Override
  public void delete(String path, boolean recursive) {
    if (FsPaths.normalize(path).equals("/")) {
      // The workspace itself is a mount point: busy.
      throw new FsException(FsException.Reason.INVALID, path);
    }
    Path p = existing(path, false);
    try {
      if (recursive && Files.isDirectory(p, NOFOLLOW)) {
        // walkFileTree does not follow links: a link to elsewhere is removed, not its target.
        Files.walkFileTree(
            p,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                  throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                  throws IOException {
                if (exc != null) {
                  throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
              }
            });
      } else {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  @Override
  public void rename(String from, String to) {
    Path a = existing(from, false);
    Path b = realPath(to, false);
    try {
      Files.move(a, b, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw failure(e, to);
    }
  }

  @Override
  public void symlink(String target, String path) {
    Path p = realPath(path, false);
    try {
      Files.createSymbolicLink(p, Path.of(target));
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  @Override
  public String readlink(String path) {
    Path p = existing(path, false);
    if (!Files.isSymbolicLink(p)) {
      throw new FsException(FsException.Reason.INVALID, path);
    }
    return readLink(p, path);
  }

  @Override
  public void chmod(String path, int mode) {
    Path p = existing(path, true);
    Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission perm : PosixFilePermission.values()) {
      if ((mode & (1 << (8 - perm.ordinal()))) != 0) {
        perms.add(perm);
      }
    }
    try {
      Files.setPosixFilePermissions(p, perms);
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  @Override
  public void chown(String path, int uid, int gid) {
    // The learner owns the workspace; owners inside it are not kept.
    existing(path, true);
  }

  @Override
  public void touch(String path) {
    Path p = realPath(path, true);
    try {
      if (Files.exists(p, NOFOLLOW)) {
        Files.setLastModifiedTime(p, FileTime.from(clock.instant()));
      } else {
        write(path, new byte[0]);
      }
    } catch (IOException e) {
      throw failure(e, path);
    }
  }

  /** Bytes of regular files below the root, links not followed. */
  public long usage() {
    long[] total = {0};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                total[0] += attrs.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return total[0];
    }
    return total[0];
  }
}
