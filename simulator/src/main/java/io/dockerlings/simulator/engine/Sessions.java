package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.InteractiveSession;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.sh.Applet;
import io.dockerlings.simulator.sh.FileApplets;
import io.dockerlings.simulator.sh.ShellProcess;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts container processes: PID 1 when a container starts, {@code docker exec} processes, and the
 * terminals of {@code run -it}, {@code exec -it} and {@code attach}.
 */
final class Sessions implements WorkloadFactory {
  /** What {@code docker exec} was asked to run. */
  record ExecSpec(
      List<String> argv,
      List<String> env,
      String workdir,
      String user,
      boolean tty,
      boolean interactive) {}

  /**
   * A finished foreground exec: what it printed, its writes to stdout and stderr in their order
   * (stderr joins stdout on a tty), and how it ended.
   */
  record ExecOutcome(
      int exitCode,
      List<io.dockerlings.simulator.CommandResult.Chunk> output,
      Optional<InteractiveSession> follow) {
    ExecOutcome(int exitCode, List<io.dockerlings.simulator.CommandResult.Chunk> output) {
      this(exitCode, output, Optional.empty());
    }
  }

  private static final Map<String, Applet> APPLETS = FileApplets.all();
  private static final String BANNER =
      "\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\n"
          + "Enter 'help' for a list of built-in commands.\n\n";

  private final Engine engine;

  Sessions(Engine engine) {
    this.engine = engine;
  }

  /**
   * A process's environment in the runtime's order: PATH and HOSTNAME (TERM with a tty), then the
   * container's variables, replacing in place, then HOME when none was given.
   */
  private static Map<String, String> envMap(
      List<String> env, String hostname, int uid, boolean tty) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PATH", ImageConfig.DEFAULT_PATH.substring(5));
    m.put("HOSTNAME", hostname);
    if (tty) {
      m.put("TERM", "xterm");
    }
    for (String e : env) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        m.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    m.putIfAbsent("HOME", uid == 0 ? "/root" : "/");
    return m;
  }

  @Override
  public Workload start(Container c, Instant at) {
    List<String> argv = c.config.command();
    SystemUsers.Identity who = SystemUsers.resolve(c.files.view(), c.config.user());
    int uid = who.uid();
    List<String> withLinks = new java.util.ArrayList<>(linkEnv(c));
    withLinks.addAll(c.config.env());
    Map<String, String> env = envMap(withLinks, c.config.hostname(), uid, c.config.tty());
    String cwd = c.config.workingDir().isEmpty() ? "/" : c.config.workingDir();
    if (!c.config.workingDir().isEmpty() && !c.files.view().exists(cwd)) {
      c.files.view().mkdir(cwd, true);
    }
    Optional<String> err = ShellProcess.execError(c.files.view(), env, cwd, argv.get(0));
    if (err.isPresent()) {
      throw Failure.daemon(
          "failed to create shim task: OCI runtime create failed: runc create failed: unable to"
              + " start container process: "
              + err.get()
              + ": unknown");
    }
    ContainerProcesses table = new ContainerProcesses(c, engine);
    ShellProcess main =
        ShellProcess.exec(
            table.host((fd, text, t) -> c.logs.write(t, fd == 2, text), uid, who.gid()),
            APPLETS,
            argv,
            env,
            cwd,
            uid,
            at,
            true);
    if (c.config.tty()) {
      main.useTty();
    }
    if (c.config.tty() && c.config.openStdin() && isShell(argv)) {
      // Only a shell reads commands from its terminal; echo or stress just run on it.
      main.makeInteractive();
    }
    table.add(main, 0, at);
    // --link writes the linked containers into /etc/hosts under their aliases.
    StringBuilder linked = new StringBuilder();
    for (Map.Entry<String, String> link : c.links.entrySet()) {
      Optional<Container> target = engine.containers().lookup(link.getKey()).container();
      Network.Endpoint ep = target.map(t -> t.endpoints.get("bridge")).orElse(null);
      if (ep != null) {
        linked
            .append(ep.ipAddress())
            .append('\t')
            .append(link.getValue())
            .append(' ')
            .append(target.get().shortId())
            .append(' ')
            .append(target.get().name)
            .append('\n');
      }
    }
    c.endpoints.values().stream()
        .findFirst()
        .ifPresent(
            ep -> c.files.setAddress(c.config.hostname(), ep.ipAddress(), linked.toString()));
    boolean userNetwork =
        engine.networks().find(c.config.networkName()).map(n -> !n.builtIn).orElse(false);
    c.files.setResolver(userNetwork);
    return table;
  }

  /**
   * The variables {@code --link} sets, as the daemon writes them: for each linked container {@code
   * ALIAS_PORT} (its lowest exposed port), {@code ALIAS_PORT_80_TCP[_ADDR|_PORT|_PROTO]}, {@code
   * ALIAS_NAME=/NAME/alias} and its own variables as {@code ALIAS_ENV_X} (but HOME, PATH).
   */
  private List<String> linkEnv(Container c) {
    List<String> out = new java.util.ArrayList<>();
    for (Map.Entry<String, String> link : c.links.entrySet()) {
      Optional<Container> target = engine.containers().lookup(link.getKey()).container();
      Network.Endpoint ep = target.map(t -> t.endpoints.get("bridge")).orElse(null);
      if (ep == null) {
        continue;
      }
      String alias = link.getValue().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      List<String> ports = new java.util.ArrayList<>(target.get().config.exposedPorts());
      ports.sort(
          java.util.Comparator.comparingInt(p -> Integer.parseInt(p.substring(0, p.indexOf('/')))));
      String ip = ep.ipAddress();
      for (int i = 0; i < ports.size(); i++) {
        String port = ports.get(i).substring(0, ports.get(i).indexOf('/'));
        String proto = ports.get(i).substring(ports.get(i).indexOf('/') + 1);
        String key = alias + "_PORT_" + port + "_" + proto.toUpperCase(java.util.Locale.ROOT);
        if (i == 0) {
          out.add(alias + "_PORT=" + proto + "://" + ip + ":" + port);
        }
        out.add(key + "=" + proto + "://" + ip + ":" + port);
        out.add(key + "_ADDR=" + ip);
        out.add(key + "_PORT=" + port);
        out.add(key + "_PROTO=" + proto);
      }
      out.add(alias + "_NAME=/" + c.name + "/" + link.getValue());
      for (String e : target.get().config.env()) {
        if (!e.startsWith("HOME=") && !e.startsWith("PATH=") && e.contains("=")) {
          out.add(alias + "_ENV_" + e);
        }
      }
    }
    return out;
  }

  /** Whether a command line starts an interactive shell: {@code sh}, {@code /bin/bash}... */
  static boolean isShell(List<String> argv) {
    return argv.size() == 1 && argv.get(0).matches("(/usr)?(/bin/)?(sh|ash|bash|dash)");
  }

  private ContainerProcesses table(Container c) {
    return (ContainerProcesses) c.workload;
  }

  /** Gives a non-terminal {@code run -i} its piped input. */
  void feedMain(Container c, String stdin) {
    if (c.workload instanceof ContainerProcesses t) {
      t.main().ifPresent(p -> p.setStdin(stdin));
    }
  }

  private ShellProcess startExec(Container c, ExecSpec spec, ContainerProcesses.Output out) {
    String cwd = spec.workdir().isEmpty() ? "/" : spec.workdir();
    if (!c.files.view().exists(cwd)) {
      throw new DockerException(
          "OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd"
              + " (\""
              + cwd
              + "\") set in config.json failed: no such file or directory: unknown",
          126);
    }
    SystemUsers.Identity who;
    try {
      who = SystemUsers.resolve(c.files.view(), spec.user());
    } catch (Failure f) {
      throw new DockerException(f.getMessage(), 126);
    }
    int uid = who.uid();
    Map<String, String> env = envMap(spec.env(), c.config.hostname(), uid, spec.tty());
    Optional<String> err = ShellProcess.execError(c.files.view(), env, cwd, spec.argv().get(0));
    if (err.isPresent()) {
      throw new DockerException(
          "OCI runtime exec failed: exec failed: unable to start container process: "
              + err.get()
              + ": unknown",
          126);
    }
    Instant now = engine.lifecycle().now();
    ShellProcess p =
        ShellProcess.exec(
            table(c).host(out, uid, who.gid()), APPLETS, spec.argv(), env, cwd, uid, now, false);
    if (spec.tty()) {
      p.useTty();
    }
    table(c).add(p, 0, now);
    return p;
  }

  void execDetached(Container c, ExecSpec spec) {
    ShellProcess p = startExec(c, spec, (fd, text, t) -> {});
    p.runUntil(engine.lifecycle().now());
  }

  ExecOutcome execForeground(Container c, ExecSpec spec, String stdin) {
    return execForeground(c, spec, stdin, false);
  }

  /**
   * A foreground exec: its output within the bounded look; with {@code followLive} (typed at a live
   * terminal) an exec without {@code -t} still running after it comes back with a session that
   * follows it in real time ({@link ExecFollow}).
   */
  ExecOutcome execForeground(Container c, ExecSpec spec, String stdin, boolean followLive) {
    io.dockerlings.simulator.cli.CommandIo written = new io.dockerlings.simulator.cli.CommandIo("");
    // Where the program's output goes once it is followed live (then dropped once left).
    java.util.concurrent.atomic.AtomicReference<ExecFollow> followed =
        new java.util.concurrent.atomic.AtomicReference<>();
    ShellProcess p =
        startExec(
            c,
            spec,
            (fd, text, t) -> {
              if (followed.get() != null) {
                followed.get().write(text);
              } else if (fd == 2 && !spec.tty()) {
                written.err(text);
              } else {
                written.out(spec.tty() ? Tty.onlcr(text) : text);
              }
            });
    p.setStdin(stdin);
    Instant start = engine.lifecycle().now();
    Instant limit = start.plus(RunCommand.FOLLOW_LIMIT);
    boolean live = followLive && !spec.tty();
    runUntilDone(p, limit);
    if (!p.exited() && written.chunks().isEmpty() && !live) {
      // A silent program's end is looked for further ahead; at a live terminal it is waited for.
      runUntilDone(p, start.plus(Lifecycle.WAIT_HORIZON));
    }
    if (p.exited()) {
      engine.lifecycle().skipTo(p.exitTime());
      table(c).remove(p);
      return new ExecOutcome(p.exitCode(), written.chunks());
    }
    engine.lifecycle().skipTo(limit);
    if (live) {
      ExecFollow follow = new ExecFollow(engine, c, p, () -> table(c).remove(p));
      followed.set(follow);
      return new ExecOutcome(0, written.chunks(), Optional.of(follow));
    }
    written.err(
        engine.notes().get("exec.keepsRunning", String.valueOf(RunCommand.FOLLOW_LIMIT.toSeconds()))
            + "\n");
    return new ExecOutcome(0, written.chunks());
  }

  static void runUntilDone(ShellProcess p, Instant limit) {
    while (!p.exited()) {
      Optional<Instant> wake = p.nextWake();
      if (wake.isPresent() && !wake.get().isAfter(limit)) {
        p.runUntil(wake.get());
      } else {
        p.runUntil(limit);
        if (!p.exited()) {
          return;
        }
      }
      if (p.state() == ShellProcess.State.BLOCKED
          || p.state() == ShellProcess.State.BUSY
          || p.state() == ShellProcess.State.WAITING_INPUT) {
        return;
      }
    }
  }

  /** The terminal of a container's main process ({@code run -it}, {@code attach}). */
  InteractiveSession attachMain(Container c) {
    return attachMainIfRunning(c)
        .orElseThrow(
            () ->
                DockerException.daemon("You cannot attach to a stopped container, start it first"));
  }

  /**
   * The terminal of a container's main process if it still runs after catching up to now; empty
   * when it has already ended (a program such as {@code echo} that needs no input).
   */
  Optional<InteractiveSession> attachMainIfRunning(Container c) {
    engine.lifecycle().advance(c, engine.lifecycle().now());
    if (!(c.workload instanceof ContainerProcesses t)) {
      return Optional.empty();
    }
    Optional<ShellProcess> main = t.main();
    if (main.isEmpty() || main.get().exited()) {
      return Optional.empty();
    }
    return Optional.of(new Terminal(c, main.get(), true));
  }

  /** A new process with a terminal ({@code exec -it}). */
  InteractiveSession execInteractive(Container c, ExecSpec spec) {
    StringBuilder buffer = new StringBuilder();
    ShellProcess p = startExec(c, spec, (fd, text, t) -> buffer.append(text));
    p.makeInteractive();
    p.runUntil(engine.lifecycle().now());
    Terminal t = new Terminal(c, p, false);
    t.sink = buffer;
    return t;
  }

  /**
   * A terminal on one process. Each line runs to the point where the process wants input again (or
   * ends), moving simulated time across whatever it slept.
   */
  private final class Terminal implements InteractiveSession {
    private final Container container;
    private final ShellProcess process;
    private final boolean main;
    private StringBuilder sink;
    private boolean open = true;
    private boolean bannerShown;

    Terminal(Container container, ShellProcess process, boolean main) {
      this.container = container;
      this.process = process;
      this.main = main;
    }

    @Override
    public void resize(int columns, int rows) {
      process.ttyWindow().ifPresent(w -> w.resize(columns, rows));
    }

    @Override
    public String prompt() {
      if (!open || !process.waitingForInput()) {
        return "";
      }
      return process.prompt();
    }

    /** The shell's greeting, shown once when a busybox shell starts on a terminal. */
    String banner() {
      if (bannerShown) {
        return "";
      }
      bannerShown = true;
      return BANNER;
    }

    @Override
    public String send(String line) {
      if (!open) {
        return "";
      }
      // A line typed into the terminal is a command of its own: a fault half-way takes it back.
      return engine.inCommand(
          () -> {
            engine.containers().touch(container);
            return sendNow(line);
          });
    }

    private String sendNow(String line) {
      if (line.equals(InteractiveSession.CTRL_C)) {
        // A line holding only Ctrl-C (from a script or a replay) is the key, not text.
        return interrupt();
      }
      int mark = container.logs.mark();
      int before = sink == null ? 0 : sink.length();
      if (process.state() == ShellProcess.State.SLEEPING) {
        // A line sent while the program sleeps was typed after it woke (the REPL holds lines
        // back until then; a script or a replay cannot wait): time moves on to that point.
        followSleeps(engine.lifecycle().now().plus(Lifecycle.WAIT_HORIZON));
      }
      Instant now = engine.lifecycle().now();
      process.feed(line, now);
      settle();
      return collect(mark, before);
    }

    @Override
    public String endOfInput() {
      if (!open) {
        return "";
      }
      int mark = container.logs.mark();
      int before = sink == null ? 0 : sink.length();
      process.endOfInput(engine.lifecycle().now());
      settle();
      return collect(mark, before);
    }

    private void settle() {
      Instant start = engine.lifecycle().now();
      Instant limit = start.plus(RunCommand.FOLLOW_LIMIT);
      if (main) {
        Lifecycle lifecycle = engine.lifecycle();
        Workload mine = container.workload;
        lifecycle.advance(container, start);
        followSleeps(limit);
        if (process.exited() || container.workload != mine) {
          open = false;
        }
      } else {
        runUntilDone(process, limit);
        if (process.exited()) {
          engine.lifecycle().skipTo(process.exitTime());
          open = false;
          if (container.workload instanceof ContainerProcesses t) {
            t.remove(process);
          }
        }
        // What the exec did (a kill, a background job) is the container's to carry on with.
        engine.containers().touch(container);
      }
    }

    /** Follows the process through what it sleeps, until it wants input, ends or passes limit. */
    private void followSleeps(Instant limit) {
      if (!main) {
        runUntilDone(process, limit);
        return;
      }
      Lifecycle lifecycle = engine.lifecycle();
      Workload mine = container.workload;
      while (container.workload == mine && process.state() == ShellProcess.State.SLEEPING) {
        Instant wake = process.nextWake().orElse(limit);
        if (wake.isAfter(limit)) {
          break;
        }
        lifecycle.skipTo(wake);
        lifecycle.advance(container, wake);
      }
    }

    private String collect(int mark, int before) {
      if (sink != null) {
        return sink.substring(before);
      }
      StringBuilder b = new StringBuilder();
      for (LogBuffer.Entry e : container.logs.since(mark)) {
        b.append(e.text());
      }
      return b.toString();
    }

    @Override
    public boolean running() {
      return open && !process.waitingForInput();
    }

    @Override
    public String poll() {
      if (!open) {
        return "";
      }
      int mark = container.logs.mark();
      int before = sink == null ? 0 : sink.length();
      settle();
      return collect(mark, before);
    }

    @Override
    public String interrupt() {
      if (!open) {
        return "";
      }
      int mark = container.logs.mark();
      int before = sink == null ? 0 : sink.length();
      Instant now = engine.lifecycle().now();
      if (main) {
        engine.lifecycle().advance(container, now);
      }
      process.interrupt(now);
      settle();
      return collect(mark, before);
    }

    @Override
    public void detach() {
      open = false;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public int exitCode() {
      return process.exited() ? process.exitCode() : 0;
    }
  }

  /** The greeting a freshly opened terminal shows, if its program is a busybox shell. */
  static String greeting(InteractiveSession s) {
    if (s instanceof Terminal t && t.process.commandLine().matches("(/bin/)?(sh|ash)")) {
      return t.banner();
    }
    return "";
  }
}
