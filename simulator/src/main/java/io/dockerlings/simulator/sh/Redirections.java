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
          String path = Paths.resolve(shell.cwd(), target);
          try {
            stdin =
                Optional.of(
                    new String(shell.host().fs().read(path, 16 << 20), StandardCharsets.UTF_8));
          } catch (FsException e) {
            throw new ShellProcess.Abort("can't open '" + target + "': " + e.reason().text(), 1);
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
    String path = Paths.resolve(shell.cwd(), target);
    var fs = shell.host().fs();
    if (!append && shell.options.on("noclobber") && fs.exists(path) && fs.stat(path).isFile()) {
      // set -C: > refuses to truncate an existing regular file.
      throw new ShellProcess.Abort("can't create " + target + ": File exists", 1);
    }
    try {
      if (!append || !fs.exists(path)) {
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
        fs.append(path, text.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void writeBytes(byte[] data) {
        fs.append(path, data);
      }
    };
  }
}
