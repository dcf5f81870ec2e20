package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.sh.Paths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A build context: a directory of the simulated host (usually in the learner's workspace), read
 * through the host's filesystem so that nothing outside the context or the workspace is touched.
 *
 * @param fs the host's files
 * @param dir the context directory, absolute and normalised
 * @param maxFileBytes the largest file read whole
 */
record BuildContext(FileSystem fs, String dir, long maxFileBytes) {
  /**
   * The context of {@code docker build -}: none at all. Its directory lies under a file, so no
   * source named in COPY or ADD can exist in it.
   */
  static BuildContext none(FileSystem fs, long maxFileBytes) {
    return new BuildContext(fs, "/dev/null/-", maxFileBytes);
  }

  /** At most this many entries are walked in one context. */
  static final int MAX_ENTRIES = 10_000;

  /** The absolute path of a source named in COPY or ADD, or empty when it leaves the context. */
  java.util.Optional<String> source(String name) {
    String p = Paths.resolve(dir, name);
    boolean inside = dir.equals("/") || p.equals(dir) || p.startsWith(dir + "/");
    return inside ? java.util.Optional.of(p) : java.util.Optional.empty();
  }

  /** The path relative to the context, as the CLI names files in it. */
  String relative(String path) {
    return path.equals(dir) ? "." : path.substring(dir.equals("/") ? 1 : dir.length() + 1);
  }

  boolean exists(String path) {
    return fs.exists(path);
  }

  boolean isDirectory(String path) {
    return fs.exists(path) && fs.stat(path).isDirectory();
  }

  boolean isExecutable(String path) {
    return (fs.stat(path).mode() & 0100) != 0;
  }

  /** A file's content, refused past the single-file bound. */
  byte[] read(String path) {
    FileStat st = fs.stat(path);
    if (st.size() > maxFileBytes) {
      throw new FsException(FsException.Reason.TOO_LARGE, path);
    }
    return fs.read(path);
  }

  /** Every path below {@code top} (itself included), sorted, links not followed. */
  List<String> walk(String top) {
    List<String> out = new ArrayList<>();
    walk(top, out);
    return out;
  }

  private void walk(String path, List<String> out) {
    if (out.size() >= MAX_ENTRIES) {
      throw new FsException(FsException.Reason.TOO_LARGE, path);
    }
    out.add(path);
    FileStat st = fs.lstat(path);
    if (st.isDirectory()) {
      for (String name : fs.list(path)) {
        walk(Paths.resolve(path, name), out);
      }
    }
  }

  /** The size the CLI reports for the context: the tar stream it would send. */
  String size() {
    long total = 1024;
    try {
      for (String p : walk(dir)) {
        if (p.equals(dir)) {
          continue;
        }
        total += 512;
        FileStat st = fs.lstat(p);
        if (st.isFile()) {
          total += (st.size() + 511) / 512 * 512;
        }
      }
    } catch (FsException e) {
      // An unreadable context counts as what could be read.
    }
    // The CLI's progress line uses go-units' HumanSize: Go's %.4g, in kB and then MB.
    return io.dockerlings.simulator.cli.Units.humanSize(total, 4);
  }

  /** Content checksum of COPY or ADD sources, the part of the cache key they add. */
  String checksum(List<String> sources) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String s : sources) {
        java.util.Optional<String> p = source(s);
        if (p.isEmpty() || !fs.exists(p.get())) {
          continue;
        }
        for (String f : walk(p.get())) {
          md.update(relative(f).getBytes(StandardCharsets.UTF_8));
          FileStat st = fs.lstat(f);
          if (st.isFile()) {
            md.update(read(f));
          }
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (FsException | NoSuchAlgorithmException e) {
      return "unreadable";
    }
  }
}
