package io.dockerlings.simulator.fs;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A container's {@code /dev}: the character devices programs use ({@code null}, {@code zero},
 * {@code urandom}, {@code random}, {@code full}, {@code tty}, {@code ptmx}) plus any others it is
 * given ({@code console} with a terminal, the host's devices when privileged), over a small
 * writable tree for {@code shm}, {@code pts} and {@code mqueue}. Devices other than the first five
 * read as empty and discard writes.
 *
 * <p>{@code zero} and the random devices are endless: reads must be bounded by the reader. {@code
 * urandom} is seeded, so a simulated run repeats exactly.
 */
public final class DevFs implements FileSystem {
  private static final Set<String> BASE =
      Set.of("/null", "/zero", "/urandom", "/random", "/full", "/tty", "/ptmx");

  private final UnionFs tree;
  private final Random random;
  private final Set<String> devices;

  /** The devices every container has. */
  public DevFs(Clock clock, long seed) {
    this(clock, seed, List.of());
  }

  /**
   * The devices every container has and {@code extra} ones, named without {@code /dev} ({@code
   * console}, {@code sda}).
   */
  public DevFs(Clock clock, long seed, List<String> extra) {
    this.tree = new UnionFs(List.of(), clock);
    this.random = new Random(seed);
    Set<String> all = new java.util.HashSet<>(BASE);
    extra.forEach(e -> all.add("/" + e));
    this.devices = Set.copyOf(all);
    tree.mkdir("/shm", false);
    tree.chmod("/shm", 01777);
    tree.mkdir("/pts", false);
    tree.mkdir("/mqueue", false);
    for (String d : devices) {
      tree.write(d, new byte[0]);
      tree.chmod(d, 0666);
    }
    tree.symlink("/proc/self/fd", "/fd");
    tree.symlink("/proc/self/fd/0", "/stdin");
    tree.symlink("/proc/self/fd/1", "/stdout");
    tree.symlink("/proc/self/fd/2", "/stderr");
  }

  /** Records every later change of the writable tree ({@code shm}, {@code mqueue}) in {@code j}. */
  public void journal(Journal j) {
    tree.journal(j);
  }

  private boolean isDevice(String path) {
    return devices.contains(FsPaths.normalize(path));
  }

  @Override
  public boolean exists(String path) {
    return tree.exists(path);
  }

  @Override
  public FileStat stat(String path) {
    return tree.stat(path);
  }

  @Override
  public FileStat lstat(String path) {
    return tree.lstat(path);
  }

  @Override
  public List<String> list(String dir) {
    return tree.list(dir);
  }

  @Override
  public byte[] read(String path) {
    return read(path, isDevice(path) ? 0 : Long.MAX_VALUE);
  }

  @Override
  public byte[] read(String path, long maxBytes) {
    String p = FsPaths.normalize(path);
    int n = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
    return switch (p) {
      case "/null" -> new byte[0];
      case "/zero", "/full" -> new byte[n];
      case "/urandom", "/random" -> {
        byte[] b = new byte[n];
        random.nextBytes(b);
        yield b;
      }
      default -> isDevice(p) ? new byte[0] : tree.read(p, maxBytes);
    };
  }

  @Override
  public void write(String path, byte[] content) {
    if (isDevice(path)) {
      // Opening /dev/full (an empty write) succeeds; writing bytes to it fails with ENOSPC.
      if (content.length > 0 && FsPaths.normalize(path).equals("/full")) {
        throw new FsException(FsException.Reason.NO_SPACE, path);
      }
      return;
    }
    tree.write(path, content);
  }

  @Override
  public void append(String path, byte[] content) {
    if (isDevice(path)) {
      write(path, content);
      return;
    }
    tree.append(path, content);
  }

  @Override
  public void mkdir(String path, boolean parents) {
    tree.mkdir(path, parents);
  }

  @Override
  public void delete(String path, boolean recursive) {
    tree.delete(path, recursive);
  }

  @Override
  public void rename(String from, String to) {
    tree.rename(from, to);
  }

  @Override
  public void symlink(String target, String path) {
    tree.symlink(target, path);
  }

  @Override
  public String readlink(String path) {
    return tree.readlink(path);
  }

  @Override
  public void chmod(String path, int mode) {
    tree.chmod(path, mode);
  }

  @Override
  public void chown(String path, int uid, int gid) {
    tree.chown(path, uid, gid);
  }

  @Override
  public void touch(String path) {
    if (!isDevice(path)) {
      tree.touch(path);
    }
  }
}
