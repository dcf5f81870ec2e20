package io.dockerlings.real;

import com.github.dockerjava.api.exception.NotFoundException;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker cp} between one of the sandbox's containers and the local disk, both ways, through
 * the engine's archive API, with the CLI's naming rules (into an existing directory, or renamed to
 * a new path) and its error texts. Nothing is ever written outside the destination.
 */
final class RealCopy {
  private final RealContext ctx;
  private final RealTargets targets;

  RealCopy(RealContext ctx) {
    this.ctx = ctx;
    this.targets = new RealTargets(ctx);
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container cp", this::copy);
    return h;
  }

  /** One side of a copy: a container path when {@code container} is present, else a local one. */
  private record Side(Optional<String> container, String path) {
    /** As the CLI splits it: an absolute or relative local path unless it reads NAME:PATH. */
    static Side parse(String arg) {
      int colon = arg.indexOf(':');
      if (arg.startsWith("/") || arg.startsWith(".") || colon <= 0) {
        return new Side(Optional.empty(), arg);
      }
      return new Side(Optional.of(arg.substring(0, colon)), arg.substring(colon + 1));
    }
  }

  private int copy(ParsedCommand cmd, CommandIo io) {
    Side from = Side.parse(cmd.args().get(0));
    Side to = Side.parse(cmd.args().get(1));
    if (from.container().isPresent() && to.container().isPresent()) {
      throw new DockerException("copying between containers is not supported", 1);
    }
    if (from.container().isEmpty() && to.container().isEmpty()) {
      throw new DockerException("must specify at least one container source", 1);
    }
    if (from.path().equals("-") || to.path().equals("-")) {
      throw new DockerException(ctx.notes().get("cp.tarStream"), 1);
    }
    try {
      if (from.container().isPresent()) {
        fromContainer(from.container().get(), from.path(), ctx.file(to.path()));
      } else {
        toContainer(ctx.file(from.path()), to.container().get(), to.path());
      }
    } catch (IOException e) {
      throw new DockerException(e.getMessage(), 1);
    }
    return 0;
  }

  private void fromContainer(String ref, String src, Path dest) throws IOException {
    String missing = "Error: No such container:path: " + ref + ":" + src;
    targets.require(ref, missing);
    InputStream tar;
    try {
      tar = ctx.client().copyArchiveFromContainerCmd(ref, src).exec();
    } catch (NotFoundException e) {
      throw new DockerException(missing, 1);
    }
    // Into an existing directory the copy keeps its name; anywhere else it takes dest's name.
    boolean into = Files.isDirectory(dest) && !src.endsWith("/.");
    Path base = into ? dest : dest.toAbsolutePath().getParent();
    if (base == null || !Files.isDirectory(base)) {
      throw new DockerException("no such directory", 1);
    }
    String rename = into ? null : dest.getFileName().toString();
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
      for (TarArchiveEntry e = in.getNextTarEntry(); e != null; e = in.getNextTarEntry()) {
        String name = e.getName().replaceFirst("/$", "");
        if (rename != null) {
          int slash = name.indexOf('/');
          name = rename + (slash < 0 ? "" : name.substring(slash));
        }
        Path target = base.resolve(name).normalize();
        if (!target.startsWith(base.normalize())) {
          continue; // an entry that would land outside the destination is never written
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isSymbolicLink()) {
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isFile()) {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          setMode(target, e.getMode());
        }
      }
    }
  }

  private void toContainer(Path src, String ref, String dest) throws IOException {
    if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
      throw new DockerException("lstat " + src + ": no such file or directory", 1);
    }
    targets.require(ref, "no such directory");
    Optional<TarArchiveEntry> there = stat(ref, dest);
    String dir;
    String name;
    if (there.isPresent() && there.get().isDirectory()) {
      dir = dest;
      name = src.toAbsolutePath().normalize().getFileName().toString();
    } else if (dest.endsWith("/")) {
      throw new DockerException("no such directory", 1);
    } else {
      int slash = dest.lastIndexOf('/');
      dir = slash <= 0 ? "/" : dest.substring(0, slash);
      name = dest.substring(slash + 1);
      if (stat(ref, dir).filter(TarArchiveEntry::isDirectory).isEmpty()) {
        throw new DockerException("no such directory", 1);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(src)) {
        files = walk.toList();
      }
      for (Path p : files) {
        String rel = src.relativize(p).toString();
        TarArchiveEntry e =
            new TarArchiveEntry(p.toFile(), rel.isEmpty() ? name : name + "/" + rel);
        out.putArchiveEntry(e);
        if (Files.isRegularFile(p)) {
          Files.copy(p, out);
        }
        out.closeArchiveEntry();
      }
    }
    try {
      ctx.client()
          .copyArchiveToContainerCmd(ref)
          .withRemotePath(dir)
          .withTarInputStream(new ByteArrayInputStream(bytes.toByteArray()))
          .exec();
    } catch (RuntimeException e) {
      throw DaemonErrors.of(e);
    }
  }

  /** The first tar header of a container path: whether it exists, and what it is. */
  private Optional<TarArchiveEntry> stat(String ref, String path) {
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(ctx.client().copyArchiveFromContainerCmd(ref, path).exec())) {
      return Optional.ofNullable(in.getNextTarEntry());
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void setMode(Path file, int mode) {
    Set<PosixFilePermission> perms = new java.util.HashSet<>();
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        perms.add(order[i]);
      }
    }
    try {
      Files.setPosixFilePermissions(file, perms);
    } catch (IOException | UnsupportedOperationException e) {
      // Permissions are a courtesy; the content is what was asked for.
    }
  }
}
