package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.sh.Paths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads a real file or directory the learner named into the simulated host: the one way real files
 * outside the workspace get in. Each file is bounded, the disk quota applies, links inside a
 * directory are copied as links and never followed.
 */
final class HostImport {
  /** At most this many entries in one import. */
  static final int MAX_ENTRIES = 10_000;

  private HostImport() {}

  static void copy(Path real, HostFiles host, String target) throws IOException {
    if (!Files.exists(real)) {
      throw new java.nio.file.NoSuchFileException(real.toString());
    }
    FileSystem fs = host.fs();
    String dest = target;
    if (fs.exists(target) && fs.stat(target).isDirectory()) {
      String name =
          real.toAbsolutePath().normalize().getFileName() == null
              ? "root"
              : real.toAbsolutePath().normalize().getFileName().toString();
      dest = Paths.resolve(target, name);
    } else if (!fs.exists(Paths.parent(target))) {
      throw new FsException(FsException.Reason.NOT_FOUND, Paths.parent(target));
    }
    int[] count = {0};
    one(real, host, dest, count, true);
  }

  private static void one(Path real, HostFiles host, String dest, int[] count, boolean top)
      throws IOException {
    if (++count[0] > MAX_ENTRIES) {
      throw new IOException("more than " + MAX_ENTRIES + " files; import a smaller directory");
    }
    FileSystem fs = host.fs();
    LinkOption[] how = top ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    if (!top && Files.isSymbolicLink(real)) {
      fs.symlink(Files.readSymbolicLink(real).toString(), dest);
    } else if (Files.isDirectory(real, how)) {
      fs.mkdir(dest, true);
      try (Stream<Path> children = Files.list(real)) {
        for (Path c : children.sorted().toList()) {
          one(c, host, Paths.resolve(dest, c.getFileName().toString()), count, false);
        }
      }
    } else if (Files.isRegularFile(real, how)) {
      if (Files.size(real) > host.maxFileBytes()) {
        throw new FsException(FsException.Reason.TOO_LARGE, real.toString());
      }
      fs.write(dest, Files.readAllBytes(real));
      if (Files.isExecutable(real)) {
        fs.chmod(dest, 0755);
      }
    }
  }
}
