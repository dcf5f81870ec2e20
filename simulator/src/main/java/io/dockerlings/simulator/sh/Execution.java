package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.sh.Ast.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one simple command runs once its words are expanded: a function, a builtin, or a program
 * found on {@code $PATH} (an applet, a shell, a script, {@code sleep}, a long-running server).
 */
final class Execution {
  private final ShellProcess sh;

  Execution(ShellProcess sh) {
    this.sh = sh;
  }

  void execute(List<String> words, Map<String, String> extraEnv, String stdin) {
    String name = words.get(0);
    Node fn = sh.functions.get(name);
    if (fn != null) {
      sh.pushFunction(fn, words.subList(1, words.size()));
      return;
    }
    if (sh.builtins().has(name)) {
      try {
        withAssignments(extraEnv, false, () -> sh.status = sh.builtins().run(words, stdin));
      } catch (Limits.NoSpace e) {
        // ash's builtins (echo, printf) report a failed write as the shell's own.
        writeError("sh");
        sh.status = 1;
      }
      return;
    }
    Programs.Resolution r = Programs.resolve(sh, name);
    boolean execs =
        switch (r.kind()) {
          case APPLET, SLEEP, BLOCKING, UNSIMULATED -> sh.execsLastCommand();
          default -> false;
        };
    if (execs) {
      sh.becomes(words);
    }
    switch (r.kind()) {
      case NOT_FOUND -> {
        sh.write(2, sh.arg0 + ": " + name + ": not found\n");
        sh.status = 127;
      }
      case NOT_EXECUTABLE -> {
        sh.write(2, sh.arg0 + ": " + name + ": Permission denied\n");
        sh.status = 126;
      }
      case SHELL -> withAssignments(extraEnv, true, () -> runShell(words, stdin));
      case SCRIPT -> {
        List<String> args = new ArrayList<>(List.of("sh", r.path()));
        args.addAll(words.subList(1, words.size()));
        withAssignments(extraEnv, true, () -> runShell(args, stdin));
      }
      case APPLET -> {
        if (r.name().equals("busybox") && words.size() > 1 && BusyboxApplet.holds(words.get(1))) {
          // busybox APPLET ARGS runs the applet, as if it had been called by its own name.
          execute(words.subList(1, words.size()), extraEnv, stdin);
          return;
        }
        if (r.name().equals("dd") && FileApplets.ddIsEndless(words)) {
          long limit = sh.host().memoryLimit();
          if (limit > 0 && ShellProcess.BASE_MEMORY + FileApplets.ddBlockSize(words) > limit) {
            throw new ShellProcess.OutOfMemory();
          }
          // Copying from an endless device to /dev/null never ends: the process spins on a CPU.
          sh.setState(ShellProcess.State.BUSY);
          return;
        }
        Map<String, String> env = sh.environment();
        env.putAll(extraEnv);
        // The applet runs as a forked child: while it runs, ps in the container lists it.
        sh.setChild(
            words, sh.framesEmpty() && sh.argv().equals(words) ? sh.pid() : sh.host().forkPid());
        try {
          sh.status = Programs.runApplet(sh, r.name(), words, env, stdin);
        } catch (Limits.NoSpace e) {
          writeError(r.name());
          sh.status = 1;
        } catch (NumberFormatException e) {
          // busybox's xatoi family: a number it cannot hold is refused, never a crash.
          sh.write(2, r.name() + ": invalid number '" + Sizes.operand(e) + "'\n");
          sh.status = 1;
        } finally {
          sh.setChild(List.of(), 0);
        }
        if (r.name().equals("tail") && words.contains("-f")) {
          // tail -f keeps following the file: the process blocks until a signal ends it.
          sh.blockingProgram = new Programs.Blocking("", false, false, 0);
          sh.setState(ShellProcess.State.BLOCKED);
        }
      }
      case SLEEP -> sleep(words, execs);
      case BLOCKING -> {
        if (r.name().endsWith("entrypoint.sh")) {
          // Images' entrypoint scripts end by exec'ing their arguments.
          if (words.size() > 1) {
            execute(words.subList(1, words.size()), extraEnv, stdin);
          } else {
            sh.status = 0;
          }
          return;
        }
        if (r.name().equals("mysqld") && Programs.mysqlNeedsPassword(sh.vars)) {
          sh.write(
              2,
              "error: database is uninitialized and password option is not specified\n"
                  + "  You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and"
                  + " MYSQL_RANDOM_ROOT_PASSWORD\n");
          sh.status = 1;
          return;
        }
        if (r.name().equals("nc") && !Programs.listens(words)) {
          // Only a listening nc waits without input; the client side is not simulated.
          sh.write(2, sh.host().notes().get("sh.notSimulated", "nc") + "\n");
          sh.status = 127;
          return;
        }
        if (Programs.daemonizes(r.name(), words)) {
          // Without their foreground flag busybox httpd and telnetd fork into the background and
          // the command returns.
          ShellProcess daemon = sh.sibling(words);
          daemon.setState(ShellProcess.State.BLOCKED);
          daemon.runningServerArgv = words;
          daemon.blockingProgram = new Programs.Blocking("", false, false, 0);
          sh.host().adopt(daemon);
          sh.status = 0;
          return;
        }
        if (r.name().startsWith("python") && words.size() == 1 && !sh.interactive()) {
          sh.status = 0;
          return;
        }
        if (r.name().startsWith("python") && words.size() > 1 && python(words)) {
          return;
        }
        if (r.name().equals("stress")) {
          stress(words);
          return;
        }
        Programs.Blocking b = Programs.blocking(r.name(), words, sh.vars);
        if (!b.startup().isEmpty()) {
          sh.write(1, b.startup());
        }
        if (b.busy()) {
          sh.setState(ShellProcess.State.BUSY);
          return;
        }
        sh.blockingProgram = b;
        sh.runningServerArgv = words;
        sh.setState(ShellProcess.State.BLOCKED);
      }
      case UNSIMULATED -> {
        sh.write(2, sh.host().notes().get("sh.notSimulated", name) + "\n");
        sh.status = 127;
      }
    }
  }

  /**
   * {@code python SCRIPT}: a missing script or module ends it as Python 2.7 does; a Flask app logs
   * its start-up lines and serves on its port. Whether the command was dealt with here (other
   * scripts block, as a server would).
   */
  private boolean python(List<String> words) {
    String arg = words.get(1);
    if (arg.equals("--version") || arg.equals("-V")) {
      sh.write(2, "Python 2.7.18\n");
      sh.status = 0;
      return true;
    }
    if (arg.startsWith("-")) {
      return false;
    }
    String path = Paths.resolve(sh.cwd(), arg);
    io.dockerlings.simulator.fs.FileSystem fs = sh.host().fs();
    if (!fs.exists(path) || fs.stat(path).isDirectory()) {
      sh.write(
          2,
          words.get(0) + ": can't open file '" + arg + "': [Errno 2] No such file or directory\n");
      sh.status = 2;
      return true;
    }
    String source = new String(fs.read(path), java.nio.charset.StandardCharsets.UTF_8);
    for (Map.Entry<String, Integer> m : new FlaskApp(source).imports().entrySet()) {
      String module = m.getKey();
      if (THIRD_PARTY.contains(module)
          && !fs.exists("/usr/local/lib/python2.7/site-packages/" + module)) {
        String line = source.split("\n", -1)[m.getValue() - 1].trim();
        sh.write(
            2,
            "Traceback (most recent call last):\n  File \""
                + arg
                + "\", line "
                + m.getValue()
                + ", in <module>\n    "
                + line
                + "\nImportError: No module named "
                + module
                + "\n");
        sh.status = 1;
        return true;
      }
    }
    Optional<FlaskApp> app = FlaskApp.of(source);
    if (app.isEmpty()) {
      return false;
    }
    String name = Paths.name(arg).replaceAll("\\.py$", "");
    sh.write(
        2,
        " * Serving Flask app \""
            + name
            + "\" (lazy loading)\n * Environment: production\n"
            + "   WARNING: This is a development server. Do not use it in a production deployment.\n"
            + "   Use a production WSGI server instead.\n * Debug mode: off\n * Running on http://"
            + app.get().host()
            + ":"
            + app.get().port()
            + "/ (Press CTRL+C to quit)\n");
    sh.blockingProgram = Programs.blocking(words.get(0), words, sh.vars);
    sh.runningServerArgv = words;
    sh.flaskScript = path;
    sh.setState(ShellProcess.State.BLOCKED);
    return true;
  }

  /** The modules pip installs (under their import names), which a bare image lacks. */
  private static final java.util.Set<String> THIRD_PARTY =
      java.util.Set.of("flask", "redis", "requests", "django", "jinja2", "werkzeug", "numpy");

  /**
   * progrium/stress: {@code --cpu N} and {@code --vm N} workers spin on CPUs, {@code --vm-bytes}
   * each hold memory (256M by default), {@code -t N} ends the run after N seconds. A worker that
   * outgrows the container's memory limit is OOM-killed and stress reports the failure.
   */
  private void stress(List<String> words) {
    int cpu = 0;
    int vm = 0;
    int io = 0;
    long vmBytes = 256L << 20;
    long timeout = 0;
    boolean hang = false;
    for (int i = 1; i < words.size() - 1; i++) {
      String w = words.get(i);
      String v = words.get(i + 1);
      try {
        switch (w) {
          case "-c", "--cpu" -> cpu = Integer.parseInt(v);
          case "-m", "--vm" -> vm = Integer.parseInt(v);
          case "-i", "--io" -> io = Integer.parseInt(v);
          case "--vm-bytes" -> vmBytes = Sizes.parse(v.replaceAll("(?i)b$", ""));
          case "--vm-hang" -> hang = true;
          case "-t", "--timeout" -> timeout = Long.parseLong(v.replaceAll("s$", ""));
          default -> {
            // other options change nothing the simulation shows
          }
        }
      } catch (NumberFormatException e) {
        sh.write(2, "stress: FAIL: [1] (244) invalid number: " + v + "\n");
        sh.status = 1;
        return;
      }
    }
    sh.write(
        1,
        "stress: info: [1] dispatching hogs: "
            + cpu
            + " cpu, "
            + io
            + " io, "
            + vm
            + " vm, 0 hdd\n");
    long limit = sh.host().memoryLimit();
    if (vm > 0 && limit > 0 && vmBytes > limit - ShellProcess.BASE_MEMORY) {
      if (sh.host().oomKillDisabled()) {
        // The worker's allocation never returns: it waits, frozen, for memory nothing frees.
        throw new ShellProcess.OutOfMemory();
      }
      sh.host().oomNoticed();
      sh.write(
          2,
          "stress: FAIL: [1] (416) <-- worker 7 got signal 9\n"
              + "stress: WARN: [1] (418) now reaping child worker processes\n"
              + "stress: FAIL: [1] (452) failed run completed in 0s\n");
      sh.status = 1;
      throw new ShellProcess.ExitRequest(1);
    }
    sh.extraMemory = (long) vm * vmBytes;
    sh.cpuThreads = cpu + (hang ? 0 : vm) + io;
    sh.stressStarted = sh.now();
    if (timeout > 0) {
      sh.pushNext("echo 'stress: info: [1] successful run completed in " + timeout + "s'");
      sh.sleepFor(java.time.Duration.ofSeconds(timeout));
      return;
    }
    sh.setState(sh.cpuThreads > 0 ? ShellProcess.State.BUSY : ShellProcess.State.BLOCKED);
  }

  private void sleep(List<String> words, boolean execd) {
    if (words.size() < 2) {
      sh.write(
          2,
          "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: sleep [N]...\n");
      sh.status = 1;
      return;
    }
    Optional<Duration> d = Programs.parseSleep(words.subList(1, words.size()));
    if (d.isEmpty()) {
      if (words.get(1).equals("infinity")) {
        sh.setState(ShellProcess.State.BLOCKED);
        return;
      }
      sh.write(2, "sleep: invalid number '" + words.get(1) + "'\n");
      sh.status = 1;
      return;
    }
    sh.status = 0;
    // A process that is this very command (its own argv, or a forked "sleep N &") sleeps itself.
    if (execd || sh.framesEmpty() && sh.psCommand().equals(String.join(" ", words))) {
      sh.sleepFor(d.get());
    } else {
      sh.sleepInChild(words, d.get());
    }
  }

  /** {@code sh -c 'script' [arg0 args...]}, {@code sh file [args]} or {@code sh} reading stdin. */
  /**
   * Runs with {@code X=1 cmd} assignments in effect, then restores the variables; a child shell
   * also sees them exported, since they are in the environment it is given.
   */
  private void withAssignments(Map<String, String> extraEnv, boolean export, Runnable action) {
    // A shell that replaces this one (the container's main command) keeps them for good.
    boolean restore = !export || !sh.framesEmpty() || sh.nested();
    Map<String, String> saved = new HashMap<>();
    Set<String> newlyExported = new HashSet<>();
    extraEnv.forEach((k, v) -> saved.put(k, sh.vars.put(k, v)));
    if (export) {
      extraEnv
          .keySet()
          .forEach(
              k -> {
                if (sh.exported.add(k)) {
                  newlyExported.add(k);
                }
              });
    }
    try {
      action.run();
    } finally {
      if (restore) {
        sh.exported.removeAll(newlyExported);
        saved.forEach(
            (k, v) -> {
              if (v == null) {
                sh.vars.remove(k);
              } else {
                sh.vars.put(k, v);
              }
            });
      }
    }
  }

  private void runShell(List<String> words, String stdin) {
    String script;
    List<String> args = new ArrayList<>();
    String name = words.get(0);
    boolean fromFile = false;
    int i = 1;
    // Option words before the script: -c reads it from the next word; -e, -u, -x... set options.
    boolean commandString = false;
    Map<String, Boolean> options = new HashMap<>();
    while (i < words.size()
        && words.get(i).length() > 1
        && (words.get(i).startsWith("-") || words.get(i).startsWith("+"))
        && !words.get(i).equals("--")) {
      String w = words.get(i);
      for (char c : w.substring(1).toCharArray()) {
        if (c == 'c') {
          commandString = true;
        } else {
          ShellOptions.nameOf(c).ifPresent(n -> options.put(n, w.charAt(0) == '-'));
        }
      }
      i++;
      if (commandString) {
        break;
      }
    }
    if (commandString) {
      i--;
    }
    if (commandString) {
      if (i + 1 >= words.size()) {
        sh.write(2, "sh: -c requires an argument\n");
        sh.status = 2;
        return;
      }
      script = words.get(i + 1);
      if (i + 2 < words.size()) {
        name = words.get(i + 2);
        args.addAll(words.subList(i + 3, words.size()));
      }
    } else if (i < words.size()) {
      String path = Paths.resolve(sh.cwd(), words.get(i));
      try {
        script = new String(sh.host().fs().read(path), java.nio.charset.StandardCharsets.UTF_8);
      } catch (RuntimeException e) {
        sh.write(2, "sh: can't open '" + words.get(i) + "': No such file or directory\n");
        sh.status = 2;
        return;
      }
      name = words.get(i);
      fromFile = true;
      args.addAll(words.subList(i + 1, words.size()));
    } else {
      if (sh.interactive() && sh.framesEmpty() && stdin.isEmpty()) {
        // The container's own shell on a terminal: it now reads the terminal.
        return;
      }
      script = stdin;
    }
    Node node;
    try {
      node = ShellParser.parse(script);
    } catch (ShellSyntaxException e) {
      // ash names a script file and the line; for -c and piped input it says only "sh".
      String where = fromFile ? name + ": line " + e.line() : "sh";
      sh.write(2, where + ": " + e.getMessage() + "\n");
      sh.status = 2;
      return;
    }
    if (!sh.framesEmpty() || sh.nested()) {
      // A shell started by a script is a child process: its exit ends only itself.
      List<String> savedPositional = sh.positional;
      String savedName = sh.arg0;
      sh.positional = args;
      sh.arg0 = name;
      // A new shell gets the environment, not the variables this one did not export.
      Map<String, String> all = new java.util.LinkedHashMap<>(sh.vars);
      sh.vars.keySet().retainAll(sh.exported);
      try {
        sh.status = sh.runNested(node, stdin, sh.stdoutSink());
      } finally {
        sh.positional = savedPositional;
        sh.arg0 = savedName;
        sh.vars.clear();
        sh.vars.putAll(all);
      }
      return;
    }
    options.forEach(sh.options::setByName);
    sh.commandString = commandString;
    sh.readsStdin = !commandString && !fromFile;
    sh.pushScript(node, name, args);
  }

  /** "write error" on stderr, unless stderr is the full device too (then nothing is said). */
  private void writeError(String who) {
    try {
      sh.write(2, who + ": write error: No space left on device\n");
    } catch (Limits.NoSpace e) {
      // 2>/dev/full: the message itself cannot be written.
    }
  }
}
