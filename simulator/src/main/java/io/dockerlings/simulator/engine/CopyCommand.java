package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.sh.Paths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code docker cp} in both directions between a container's file tree and the user's real disk,
 * with docker's rules for existing and missing destinations.
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
      throw DockerException.client(
          "the simulator copies files only, not tar streams on stdin or stdout");
    }
    try {
      if (srcColon > 0) {
        Container c = container(src.substring(0, srcColon), src);
        toHost(c, src.substring(srcColon + 1), Path.of(dst).toAbsolutePath(), src);
      } else {
        String inside = dst.substring(dstColon + 1);
        ContainerStore.Lookup target = engine.containers().lookup(dst.substring(0, dstColon));
        if (inside.endsWith("/")
            && (target.container().isEmpty()
                || !target.container().get().files.view().exists(Paths.resolve("/", inside)))) {
          // A destination that must be a directory is checked first, as the CLI does.
          if (!Files.exists(Path.of(src))) {
            throw new DockerException(
                "lstat " + Path.of(src).toAbsolutePath() + ": no such file or directory", 1);
          }
          throw new DockerException("no such directory", 1);
        }
        Container c = container(dst.substring(0, dstColon), dst);
        fromHost(Path.of(src).toAbsolutePath(), c, dst.substring(dstColon + 1), dst);
      }
    } catch (UncheckedIOException e) {
      throw DockerException.client(e.getCause().getMessage());
    }
    return 0;
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

  private void toHost(Container c, String rawPath, Path dest, String whole) {
    FileSystem fs = c.files.view();
    String path = Paths.resolve("/", rawPath);
    if (!fs.exists(path)) {
      throw new DockerException("Error: No such container:path: " + whole, 1);
    }
    boolean contentsOnly = rawPath.endsWith("/.");
    Path target = dest;
    if (Files.isDirectory(dest)) {
      if (!contentsOnly) {
        target = dest.resolve(Paths.name(path).isEmpty() ? "root" : Paths.name(path));
      }
    } else if (!Files.isDirectory(dest.toAbsolutePath().getParent())) {
      throw DockerException.client(
          "invalid output path: directory \"" + dest.getParent() + "\" does not exist");
    }
    copyOut(fs, path, target);
  }

  private void copyOut(FileSystem fs, String path, Path target) {
    FileStat st = fs.lstat(path);
    try {
      if (st.isSymlink()) {
        // An archive keeps links as links; their targets may not exist outside the container.
        Files.deleteIfExists(target);
        Files.createSymbolicLink(target, Path.of(st.linkTarget()));
      } else if (st.isDirectory()) {
        Files.createDirectories(target);
        for (String name : fs.list(path)) {
          copyOut(fs, path.equals("/") ? "/" + name : path + "/" + name, target.resolve(name));
        }
      } else {
        Files.write(target, contentForArchive(fs, path, st));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What an archive holds for a file: its content, or nothing for a file whose size reads as 0 and
   * that cannot be read whole (a {@code /proc} file), as tar takes the size from stat.
   */
  private static byte[] contentForArchive(FileSystem fs, String path, FileStat st) {
    try {
      return fs.read(path);
    } catch (io.dockerlings.simulator.fs.FsException e) {
      if (st.size() == 0) {
        return new byte[0];
      }
      throw e;
    }
  }

  private void fromHost(Path src, Container c, String rawPath, String whole) {
    if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
      throw new DockerException("lstat " + src + ": no such file or directory", 1);
    }
    FileSystem fs = c.files.view();
    String path = Paths.resolve("/", rawPath);
    String target = path;
    if (fs.exists(path) && fs.stat(path).isDirectory()) {
      target = path.equals("/") ? "/" + src.getFileName() : path + "/" + src.getFileName();
    } else if (!fs.exists(Paths.parent(path))) {
      throw new DockerException(
          "Error: No such container:path: "
              + whole.substring(0, whole.indexOf(':') + 1)
              + Paths.parent(path),
          1);
    }
    try {
      copyIn(src, fs, target);
    } catch (FsException e) {
      throw DockerException.daemon(e.getMessage());
    }
  }

  private void copyIn(Path src, FileSystem fs, String target) {
    try {
      if (Files.isDirectory(src)) {
        fs.mkdir(target, true);
        try (Stream<Path> children = Files.list(src)) {
          for (Path child : children.sorted().toList()) {
            copyIn(child, fs, target + "/" + child.getFileName());
          }
        }
      } else {
        fs.write(target, Files.readAllBytes(src));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
