package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.sh.Ast.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Opens a command's redirections: files for {@code > >> <}, duplicates for {@code 2>&1}, the body
 * of a here-document ({@code <<}) as stdin.
 */
final class Redirections {
  /** The streams a command gets: stdin text if redirected, and sinks for fds 1 and 2. */
  record Opened(Optional<String> stdin, ShellProcess.Sink[] sinks, Optional<String> stdinPath) {}

  private Redirections() {}

  static Opened open(ShellProcess shell, List<Redirect> redirects, ShellProcess.Sink[] current) {
    ShellProcess.Sink[] sinks = current.clone();
    Optional<String> stdin = Optional.empty();
    Optional<String> stdinPath = Optional.empty();
    Expander ex = new Expander(shell);
    for (Redirect r : redirects) {
      String target = ex.single(r.target());
      switch (r.op()) {
        case "<<" -> {
          // A here-document's target is its expanded body; only stdin reads one here.
          if (r.fd() == 0) {
            stdin = Optional.of(target);
            stdinPath = Optional.empty();
          }
        }
        case "<" -> {
          if (target.isEmpty()) {
            throw new ShellProcess.Abort("can't open : no such file", 1);
          }
          String path = Paths.resolve(shell.cwd(), target);
          try {
            stdin =
                Optional.of(
                    new String(shell.host().fs().read(path, 16 << 20), StandardCharsets.UTF_8));
          } catch (FsException e) {
            // ash's own words for a missing file (an empty name, an unset variable, is one).
            throw new ShellProcess.Abort(
                e.reason() == FsException.Reason.NOT_FOUND
                    ? "can't open " + target + ": no such file"
                    : "can't open '" + target + "': " + e.reason().text(),
                1);
          }
          stdinPath = Optional.of(path);
        }
        case ">&", "<&" -> {
          if (target.equals("1") || target.equals("2")) {
            if (r.fd() == 1 || r.fd() == 2) {
              sinks[r.fd()] = sinks[Integer.parseInt(target)];
            }
          } else if (target.matches("[0-9]+")) {
            // only 0, 1 and 2 are open in a fresh shell
            if (!target.equals("0")) {
              throw new ShellProcess.Abort(target + ": Bad file descriptor", 1);
            }
          } else if (target.equals("-")) {
            if (r.fd() == 1 || r.fd() == 2) {
              sinks[r.fd()] = t -> {};
            }
          } else {
            ShellProcess.Sink f = file(shell, target, false);
            if (r.fd() == 1 || r.fd() == 2) {
              sinks[r.fd()] = f;
            }
          }
        }
        default -> {
          ShellProcess.Sink f = file(shell, target, r.op().equals(">>"));
          if (r.fd() == 1 || r.fd() == 2) {
            sinks[r.fd()] = f;
          }
        }
      }
    }
    return new Opened(stdin, sinks, stdinPath);
  }

  private static ShellProcess.Sink file(ShellProcess shell, String target, boolean append) {
    if (target.isEmpty()) {
      // An empty name (an unset variable) is no file: not the current directory.
      throw new ShellProcess.Abort("can't create : nonexistent directory", 1);
    }
    String path = Paths.resolve(shell.cwd(), target);
    var fs = shell.host().fs();
    boolean appendsToOne;
    try {
      appendsToOne = append && fs.exists(path);
    } catch (FsException e) {
      // A path that cannot be looked up (a loop of links): opening it below says why.
      appendsToOne = false;
    }
    if (appendsToOne && fs.stat(path).isDirectory()) {
      throw new ShellProcess.Abort("can't create " + target + ": Is a directory", 1);
    }
    if (!append && shell.options.on("noclobber") && fs.exists(path) && fs.stat(path).isFile()) {
      // set -C: > refuses to truncate an existing regular file.
      throw new ShellProcess.Abort("can't create " + target + ": File exists", 1);
    }
    try {
      if (!appendsToOne) {
        fs.write(path, new byte[0]);
      }
    } catch (FsException e) {
      String why =
          e.reason() == FsException.Reason.NOT_FOUND ? "nonexistent directory" : e.reason().text();
      throw new ShellProcess.Abort("can't create " + target + ": " + why, 1);
    }
    return new ShellProcess.Sink() {
      @Override
      public void write(String text) {
        writeBytes(text.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void writeBytes(byte[] bytes) {
        if (!fs.exists(path)) {
          // Removed while open: the writes go to the unlinked file, which nobody can read.
          return;
        }
        try {
          long size = fs.stat(path).size();
          if (size + bytes.length > Limits.FILE_BYTES) {
            // The disk fills: what fits is written, the rest fails with ENOSPC.
            fs.append(
                path, java.util.Arrays.copyOf(bytes, (int) Math.max(0, Limits.FILE_BYTES - size)));
            throw new Limits.NoSpace();
          }
          fs.append(path, bytes);
        } catch (FsException e) {
          if (e.reason() == FsException.Reason.NO_SPACE) {
            // /dev/full, or a full disk: the write fails with ENOSPC.
            throw new Limits.NoSpace();
          }
          throw e;
        }
      }
    };
  }
}
