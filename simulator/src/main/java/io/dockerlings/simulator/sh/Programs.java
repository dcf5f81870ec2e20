package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a command name becomes a program: a {@code $PATH} search in the container's files, then the
 * simulated program the found file stands for (a busybox applet, a shell, a script, or a
 * long-running server).
 */
final class Programs {
  /** The kinds of program a name can resolve to. */
  enum Kind {
    NOT_FOUND,
    NOT_EXECUTABLE,
    SHELL,
    SCRIPT,
    APPLET,
    SLEEP,
    BLOCKING,
    UNSIMULATED
  }

  /** A resolved command: what it is, the applet name, and the file found. */
  record Resolution(Kind kind, String name, String path) {}

  /** A program that runs until signalled, what it prints first, and how it ends. */
  record Blocking(String startup, boolean busy, boolean handlesTerm, int exitOnTerm) {}

  private static final Set<String> SHELLS = Set.of("sh", "ash", "bash", "dash");
  private static final Set<String> SERVERS =
      Set.of(
          "nginx",
          "redis-server",
          "mysqld",
          "registry",
          "catalina.sh",
          "python",
          "python2",
          "python3",
          "stress",
          "yes",
          "top",
          "httpd",
          "telnetd",
          "nc",
          "java");
  private static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private Programs() {}

  static Resolution resolve(ShellProcess sh, String command) {
    FileSystem fs = sh.host().fs();
    String found = null;
    if (command.contains("/")) {
      String p = Paths.resolve(sh.cwd(), command);
      if (!exists(fs, p)) {
        return new Resolution(Kind.NOT_FOUND, command, p);
      }
      if (fs.stat(p).isDirectory()) {
        return new Resolution(Kind.NOT_EXECUTABLE, command, p);
      }
      found = p;
    } else {
      String path = sh.vars.getOrDefault("PATH", DEFAULT_PATH);
      for (String dir : path.split(":")) {
        if (dir.isEmpty()) {
          continue;
        }
        String p = Paths.resolve("/", dir + "/" + command);
        if (exists(fs, p) && !fs.stat(p).isDirectory()) {
          found = p;
          break;
        }
      }
      if (found == null) {
        return new Resolution(Kind.NOT_FOUND, command, "");
      }
    }
    String name = Paths.name(found);
    if (SHELLS.contains(name)) {
      return new Resolution(Kind.SHELL, name, found);
    }
    if (name.equals("sleep")) {
      return new Resolution(Kind.SLEEP, name, found);
    }
    if (name.equals("yes") && sh.nested() && sh.applets().containsKey(name)) {
      // A pipeline stage or a substitution: its reader takes what it writes (yes | head).
      return new Resolution(Kind.APPLET, name, found);
    }
    if (SERVERS.contains(name) || name.endsWith("entrypoint.sh")) {
      return new Resolution(Kind.BLOCKING, name, found);
    }
    if (sh.applets().containsKey(name)) {
      return new Resolution(Kind.APPLET, name, found);
    }
    FileStat st = fs.stat(found);
    if (st.isFile() && st.size() < 1_000_000) {
      byte[] head = fs.read(found, 2);
      if (head.length == 2 && head[0] == '#' && head[1] == '!') {
        return new Resolution(Kind.SCRIPT, name, found);
      }
    }
    return new Resolution(Kind.UNSIMULATED, name, found);
  }

  private static boolean exists(FileSystem fs, String p) {
    try {
      return fs.exists(p);
    } catch (FsException e) {
      return false;
    }
  }

  /** A {@code sleep} operand list ({@code 1}, {@code 0.5}, {@code 1m 30s}) as a duration. */
  static Optional<Duration> parseSleep(List<String> args) {
    Duration total = Duration.ZERO;
    for (String a : args) {
      if (!a.matches("\\d+(\\.\\d+)?[smhd]?") && !a.matches("\\.\\d+[smhd]?")) {
        return Optional.empty();
      }
      char unit = Character.isLetter(a.charAt(a.length() - 1)) ? a.charAt(a.length() - 1) : 's';
      String num =
          Character.isLetter(unit) && Character.isLetter(a.charAt(a.length() - 1))
              ? a.substring(0, a.length() - 1)
              : a;
      double v = Double.parseDouble(num);
      double seconds =
          v
              * switch (unit) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
              };
      total = total.plusNanos((long) (seconds * 1e9));
    }
    return Optional.of(total);
  }

  /** The behaviour of a long-running program. */
  static Blocking blocking(String name, List<String> words, Map<String, String> env) {
    return switch (name) {
      case "nginx" ->
          new Blocking(
              "/docker-entrypoint.sh: Configuration complete; ready for start up\n",
              false,
              true,
              0);
      case "redis-server" ->
          new Blocking("1:M * Ready to accept connections tcp\n", false, true, 0);
      case "registry" ->
          new Blocking("level=info msg=\"listening on [::]:5000\"\n", false, true, 0);
      case "catalina.sh", "java" ->
          new Blocking(
              "INFO [main] org.apache.catalina.startup.Catalina.start Server startup\n",
              false,
              true,
              143);
      case "stress", "yes" -> new Blocking("", true, false, 0);
      case "mysqld" -> new Blocking("[Note] mysqld: ready for connections.\n", false, true, 0);
      // busybox top restores the terminal on SIGTERM and then dies of the signal.
      case "top" -> new Blocking("", false, true, 143);
      // busybox httpd, nc -l and telnetd install no SIGTERM handler: as PID 1 the kernel drops
      // the signal and docker stop ends them with SIGKILL after the grace period.
      default -> new Blocking("", false, name.startsWith("python"), 0);
    };
  }

  /** Whether busybox {@code httpd} or {@code telnetd} would fork away, lacking -f or -F. */
  static boolean daemonizes(String name, List<String> words) {
    return switch (name) {
      case "httpd" -> !words.contains("-f");
      case "telnetd" -> !words.contains("-F");
      default -> false;
    };
  }

  /** Whether an {@code nc} command line listens ({@code -l}, {@code -lp 80}, {@code -l -p 80}). */
  static boolean listens(List<String> words) {
    for (String w : words.subList(1, words.size())) {
      if (w.equals("--")) {
        break;
      }
      if (w.startsWith("-") && !w.startsWith("--") && w.indexOf('l') > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the database image refuses to start for lack of a root password setting. */
  static boolean mysqlNeedsPassword(Map<String, String> env) {
    return !env.containsKey("MYSQL_ROOT_PASSWORD")
        && !env.containsKey("MYSQL_ALLOW_EMPTY_PASSWORD")
        && !env.containsKey("MYSQL_RANDOM_ROOT_PASSWORD");
  }

  /** Runs an applet to completion against the shell's streams. */
  static int runApplet(
      ShellProcess sh, String name, List<String> argv, Map<String, String> env, String stdin) {
    Applet applet = sh.applets().get(name);
    AppletContext ctx =
        new AppletContext() {
          @Override
          public FileSystem fs() {
            return sh.host().fs();
          }

          @Override
          public String cwd() {
            return sh.cwd();
          }

          @Override
          public Map<String, String> env() {
            return env;
          }

          @Override
          public String stdin() {
            return stdin;
          }

          @Override
          public boolean stdinIsTerminal() {
            return sh.stdinIsTerminal();
          }

          @Override
          public byte[] stdinBytes() {
            java.util.Optional<String> file = sh.stdinPath();
            if (file.isPresent()) {
              try {
                return sh.host().fs().read(resolve(file.get()), Limits.FILE_BYTES);
              } catch (FsException e) {
                // Gone since it was opened: what was read then is all there is.
              }
            }
            return stdin.getBytes(
                sh.stdinIsBytes() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
          }

          @Override
          public void out(String text) {
            sh.write(1, text);
          }

          @Override
          public void err(String text) {
            sh.write(2, text);
          }

          @Override
          public void outBytes(byte[] data) {
            sh.stdoutSink().writeBytes(data);
          }

          @Override
          public boolean stdoutIsTerminal() {
            return sh.stdoutIsTerminal();
          }

          @Override
          public boolean stdoutIsTty() {
            return sh.stdoutIsTty();
          }

          @Override
          public int ttyColumns() {
            return sh.ttyColumns();
          }

          @Override
          public java.util.Optional<String> stdinFile() {
            return sh.stdinPath();
          }

          @Override
          public Instant now() {
            return sh.now();
          }

          @Override
          public ContainerFacts container() {
            return sh.host().facts();
          }

          @Override
          public long memoryLimit() {
            return sh.host().memoryLimit();
          }

          @Override
          public io.dockerlings.simulator.notes.Notes notes() {
            return sh.host().notes();
          }
        };
    try {
      return applet.run(argv, ctx);
    } catch (FsException e) {
      sh.write(2, name + ": " + e.getMessage() + "\n");
      return 1;
    }
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
