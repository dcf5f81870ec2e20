package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.sh.Paths;
import java.util.List;

/**
 * {@code docker cp} in both directions between a container's file tree and the simulated host
 * (whose home is the learner's workspace), with docker's rules for existing and missing
 * destinations.
 */
final class CopyCommand {
  private final Engine engine;
  private final Targets targets;

  CopyCommand(Engine engine) {
    this.engine = engine;
    this.targets = new Targets(engine.containers());
  }

  int cp(ParsedCommand cmd, CommandIo io) {
    String src = cmd.args().get(0);
    String dst = cmd.args().get(1);
    int srcColon = containerSplit(src);
    int dstColon = containerSplit(dst);
    if (srcColon > 0 && dstColon > 0) {
      throw new DockerException("copying between containers is not supported", 1);
    }
    if (srcColon < 0 && dstColon < 0) {
      throw new DockerException("must specify at least one container source", 1);
    }
    if (src.equals("-") || dst.equals("-")) {
      throw DockerException.client(engine.notes().get("cp.tarStream"));
    }
    HostFiles host = engine.hostFiles();
    try {
      if (srcColon > 0) {
        Container c = container(src.substring(0, srcColon), src);
        toHost(c, src.substring(srcColon + 1), host.resolve(dst), src);
      } else {
        String inside = dst.substring(dstColon + 1);
        ContainerStore.Lookup target = engine.containers().lookup(dst.substring(0, dstColon));
        if (inside.endsWith("/")
            && (target.container().isEmpty()
                || !target.container().get().files.view().exists(Paths.resolve("/", inside)))) {
          // A destination that must be a directory is checked first, as the CLI does.
          if (!exists(host.fs(), host.resolve(src))) {
            throw new DockerException(
                "lstat " + host.resolve(src) + ": no such file or directory", 1);
          }
          throw new DockerException("no such directory", 1);
        }
        Container c = container(dst.substring(0, dstColon), dst);
        fromHost(host.resolve(src), c, dst.substring(dstColon + 1), dst);
      }
    } catch (FsException e) {
      throw DockerException.client(e.getMessage());
    }
    return 0;
  }

  /** Whether a path exists, a dangling link included (lstat, as the CLI uses). */
  private static boolean exists(FileSystem fs, String path) {
    try {
      fs.lstat(path);
      return true;
    } catch (FsException e) {
      return false;
    }
  }

  /** Where {@code NAME:path} splits, or -1 for a local path (one starting with / or .). */
  private static int containerSplit(String arg) {
    if (arg.startsWith("/") || arg.startsWith(".")) {
      return -1;
    }
    // ":/" names no container: the CLI takes it for a local path.
    int colon = arg.indexOf(':');
    return colon > 0 ? colon : -1;
  }

  private Container container(String ref, String whole) {
    return targets.require(ref, "Error: No such container:path: " + whole);
  }

  private void toHost(Container c, String rawPath, String dest, String whole) {
    FileSystem fs = c.files.view();
    FileSystem hostFs = engine.hostFiles().fs();
    String path = Paths.resolve("/", rawPath);
    if (!fs.exists(path) || underDevMount(path) && !ROOTFS_DEV.contains(path)) {
      // The archive reads the container's root file system, not the tmpfs on /dev: the devices
      // are not there (checked on docker 20.10.24: cp c:/dev/zero, c:/dev/null).
      throw new DockerException("Error: No such container:path: " + whole, 1);
    }
    boolean contentsOnly = rawPath.endsWith("/.");
    String target = dest;
    if (hostFs.exists(dest) && hostFs.stat(dest).isDirectory()) {
      if (!contentsOnly) {
        target = Paths.resolve(dest, Paths.name(path).isEmpty() ? "root" : Paths.name(path));
      }
    } else if (!hostFs.exists(Paths.parent(dest))
        || !hostFs.stat(Paths.parent(dest)).isDirectory()) {
      throw DockerException.client(
          "invalid output path: directory \"" + Paths.parent(dest) + "\" does not exist");
    }
    copy(fs, path, hostFs, target, new int[] {0});
  }

  /** Whether a container path lies on the /dev mount rather than the root file system. */
  private static boolean underDevMount(String path) {
    return path.equals("/dev") || path.startsWith("/dev/");
  }

  /**
   * What the container's root file system holds under /dev, below the tmpfs the runtime mounts
   * there: the mount points it made (an empty console file and two directories).
   */
  private static final java.util.Set<String> ROOTFS_DEV =
      java.util.Set.of("/dev", "/dev/console", "/dev/pts", "/dev/shm");

  /** Copies /dev as a container archive holds it: {@link #ROOTFS_DEV}, not the devices. */
  private static void copyRootfsDev(String path, FileSystem to, String target) {
    switch (path) {
      case "/dev/console" -> {
        to.write(target, new byte[0]);
        to.chmod(target, 0755);
      }
      case "/dev/pts", "/dev/shm" -> {
        if (!to.exists(target)) {
          to.mkdir(target, false);
        }
      }
      default -> {
        if (!to.exists(target)) {
          to.mkdir(target, false);
        }
        for (String name : List.of("console", "pts", "shm")) {
          copyRootfsDev(path + "/" + name, to, Paths.resolve(target, name));
        }
      }
    }
  }

  /** Copies a tree between two filesystems, links as links, each file within the size bound. */
  private void copy(FileSystem from, String path, FileSystem to, String target, int[] count) {
    if (++count[0] > HostImport.MAX_ENTRIES) {
      throw DockerException.client(
          "more than " + HostImport.MAX_ENTRIES + " files: copy a smaller directory");
    }
    if (from != engine.hostFiles().fs() && underDevMount(path)) {
      copyRootfsDev(path, to, target);
      return;
    }
    FileStat st = from.lstat(path);
    if (st.isSymlink()) {
      // An archive keeps links as links; their targets may not exist on the other side.
      if (exists(to, target)) {
        to.delete(target, false);
      }
      to.symlink(st.linkTarget(), target);
    } else if (st.isDirectory()) {
      if (!to.exists(target)) {
        to.mkdir(target, false);
      }
      for (String name : from.list(path)) {
        copy(from, Paths.resolve(path, name), to, Paths.resolve(target, name), count);
      }
    } else {
      long max = engine.hostFiles().maxFileBytes();
      byte[] data = contentForArchive(from, path, st, max);
      if (data.length > max) {
        throw new FsException(FsException.Reason.TOO_LARGE, path);
      }
      to.write(target, data);
      if ((st.mode() & 0111) != 0) {
        to.chmod(target, st.mode() & 07777);
      }
    }
  }

  /**
   * What an archive holds for a file: its content, or nothing for a file whose size reads as 0 and
   * that cannot be read whole (a {@code /proc} file), as tar takes the size from stat.
   */
  private static byte[] contentForArchive(FileSystem fs, String path, FileStat st, long max) {
    try {
      return fs.read(path, max + 1);
    } catch (FsException e) {
      if (st.size() == 0) {
        return new byte[0];
      }
      throw e;
    }
  }

  private void fromHost(String src, Container c, String rawPath, String whole) {
    FileSystem hostFs = engine.hostFiles().fs();
    if (!exists(hostFs, src)) {
      throw new DockerException("lstat " + src + ": no such file or directory", 1);
    }
    FileSystem fs = c.files.view();
    String path = Paths.resolve("/", rawPath);
    String target = path;
    String name = Paths.name(src).isEmpty() ? "root" : Paths.name(src);
    if (fs.exists(path) && fs.stat(path).isDirectory()) {
      target = Paths.resolve(path, name);
    } else if (!fs.exists(Paths.parent(path))) {
      throw new DockerException(
          "Error: No such container:path: "
              + whole.substring(0, whole.indexOf(':') + 1)
              + Paths.parent(path),
          1);
    }
    try {
      copy(hostFs, src, fs, target, new int[] {0});
    } catch (FsException e) {
      throw DockerException.daemon(e.getMessage());
    }
  }
}
