package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.Workspace;
import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.fs.QuotaFs;
import io.dockerlings.simulator.sh.Paths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The docker CLI's view of the machine it runs on: the simulated host's files and the directory the
 * learner is in, against which {@code docker cp}, {@code build}, {@code save -o} and friends
 * resolve relative paths. Nothing here reaches the real disk except through the workspace.
 */
final class HostFiles {
  private final QuotaFs fs;
  private final long maxFileBytes;
  private String cwd = Workspace.HOME;

  HostFiles(QuotaFs fs, long maxFileBytes) {
    this.fs = fs;
    this.maxFileBytes = maxFileBytes;
  }

  FileSystem fs() {
    return fs;
  }

  /** The host shell's current directory. */
  String cwd() {
    return cwd;
  }

  void cd(String dir) {
    cwd = Paths.normalize(dir);
  }

  /** An absolute, normalised host path for what the learner typed. */
  String resolve(String path) {
    return Paths.resolve(cwd, path);
  }

  long maxFileBytes() {
    return maxFileBytes;
  }

  /** Whether a host path is a device that never reaches its end (zero, random). */
  static boolean endless(String absolute) {
    return java.util.Set.of("/dev/zero", "/dev/urandom", "/dev/random", "/dev/full")
        .contains(absolute);
  }

  /** A whole file of the host, refused with {@code File too large} past the single-file bound. */
  byte[] read(String absolute) {
    FileStat st = fs.stat(absolute);
    if (st.isFile() && st.size() > maxFileBytes) {
      throw new FsException(FsException.Reason.TOO_LARGE, absolute);
    }
    return fs.read(absolute);
  }

  /**
   * A stream that collects what will become one host file and refuses, with {@code No space left on
   * device}, to grow past the free space of the disk or the single-file bound, so that a large save
   * fails cleanly instead of exhausting memory.
   */
  NewFile newFile(String absolute) {
    long existing =
        fs.exists(absolute) && fs.stat(absolute).isFile() ? fs.stat(absolute).size() : 0;
    long limit = Math.min(fs.quota().free() + existing, maxFileBytes);
    return new NewFile(absolute, limit);
  }

  /** A file being written: nothing reaches the disk until {@link #commit}. */
  final class NewFile extends OutputStream {
    private final String path;
    private final long limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    NewFile(String path, long limit) {
      this.path = path;
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (buffer.size() + (long) len > limit) {
        throw new FsException(FsException.Reason.NO_SPACE, path);
      }
      buffer.write(b, off, len);
    }

    /** The most this file may hold. */
    long limit() {
      return limit;
    }

    /** The whole content, for a stdout that is not a file of the host. */
    byte[] bytes() {
      return buffer.toByteArray();
    }

    /** Writes the collected content to the host file. */
    void commit() {
      fs.write(path, buffer.toByteArray());
    }
  }
}
