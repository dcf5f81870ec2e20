package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.InteractiveSession;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker create} and {@code docker run}: resolve (or pull) the image, build the
 * configuration, create the container and, for run, start it and attach, detach or open its
 * terminal.
 */
final class RunCommand {
  /**
   * How long a foreground run that keeps printing is followed before the simulator hands the prompt
   * back (a real CLI would stay attached until Ctrl-C).
   */
  static final Duration FOLLOW_LIMIT = Duration.ofSeconds(10);

  /**
   * How many wake-ups of a silent program the look for its end follows: one that sleeps a second at
   * a time in a loop is left running after them instead of being followed for a week.
   */
  static final long SILENT_WAKEUPS = 2_000;

  private final Engine engine;

  RunCommand(Engine engine) {
    this.engine = engine;
  }

  int create(ParsedCommand cmd, CommandIo io) {
    try {
      Container c = createContainer(cmd, io);
      io.outln(c.id);
      return 0;
    } catch (Failure f) {
      throw f.forCreate(cmd.helpName());
    }
  }

  int run(ParsedCommand cmd, CommandIo io) {
    Container c;
    try {
      if (!cmd.bool("detach")) {
        // The CLI checks its terminal after its own flag checks and before any request.
        RunOptions.checkFlags(cmd);
        io.requireTerminal(cmd.bool("interactive"), cmd.bool("tty"));
      }
      c = createContainer(cmd, io);
    } catch (Failure f) {
      throw f.forRun(cmd.helpName());
    }
    Lifecycle lifecycle = engine.lifecycle();
    int startMark = c.logs.mark();
    try {
      lifecycle.start(c);
    } catch (Failure f) {
      // Start failures are printed without the help hint that create failures get.
      DockerException e =
          new DockerException(
              "docker: Error response from daemon: "
                  + f.getMessage()
                  + (f.getMessage().endsWith(".") ? "" : "."),
              125);
      int code = c.exitCode == 126 || c.exitCode == 127 ? c.exitCode : 125;
      if (cmd.bool("detach")) {
        // A detached run prints the new container's id before it asks for the start.
        io.outln(c.id);
      }
      if ((code != 125 || c.exitCode == 128) && !cmd.bool("detach")) {
        // The CLI, attached and waiting, reports the lost wait as the real one does; a detached
        // run waits for nothing.
        e =
            new DockerException(
                "docker: Error response from daemon: "
                    + f.getMessage()
                    + ".\ntime=\""
                    + ContainerJson.time(engine.lifecycle().now()).replaceAll("\\.\\d+Z$", "Z")
                    + "\" level=error msg=\"error waiting for container: context canceled\"",
                code);
      }
      if (c.config.autoRemove()) {
        lifecycle.remove(c);
      }
      throw new DockerException(e.text(), code);
    }
    if (cmd.bool("detach")) {
      io.outln(c.id);
      return 0;
    }
    if (c.config.openStdin()) {
      return attachStdin(c, startMark, io);
    }
    boolean sigProxy = !cmd.string("sig-proxy").map("false"::equals).orElse(false);
    return follow(c, startMark, io, sigProxy);
  }

  /**
   * Attaches the learner's input to a container started with {@code -i} ({@code run -i}, {@code
   * start -ai}): with {@code -t} and a terminal, a session on its terminal; otherwise what was
   * piped in is its stdin, and its output follows. A {@code -t} container given no terminal (a
   * piped {@code start -ai}) gets no input, as the engine's stays waiting on its terminal.
   */
  int attachStdin(Container c, int startMark, CommandIo io) {
    if (c.config.tty() && io.stdinTerminal()) {
      Optional<InteractiveSession> terminal = engine.sessions().attachMainIfRunning(c);
      if (terminal.isEmpty()) {
        // The program ended at once (echo hi) or was killed (an OOM): the terminal closes and
        // shows what it printed, as the CLI does before it returns.
        if (c.isRunning()) {
          return follow(c, startMark, io);
        }
        for (LogBuffer.Entry e : c.logs.since(startMark)) {
          io.out(Tty.onlcr(e.text()));
        }
        return c.exitCode;
      }
      for (LogBuffer.Entry e : c.logs.since(startMark)) {
        io.out(e.text());
      }
      io.openSession(terminal.get());
      io.out(Sessions.greeting(terminal.get()));
      return 0;
    }
    if (!c.config.tty()) {
      engine.sessions().feedMain(c, io.stdin());
    }
    return follow(c, startMark, io);
  }

  /**
   * Streams a foreground container's output until it exits, moving simulated time to its end. A
   * container that never ends is left running after a bounded look, with a note saying so.
   */
  int follow(Container c, int startMark, CommandIo io) {
    return follow(c, startMark, io, true);
  }

  /**
   * As {@link #follow(Container, int, CommandIo)}; at a live terminal ({@link
   * CommandIo#followsLive}) a container still running after the bounded look is handed over as a
   * session that follows it in real time, Ctrl-C reaching PID 1 as SIGINT when {@code sigProxy}.
   */
  int follow(Container c, int startMark, CommandIo io, boolean sigProxy) {
    Lifecycle lifecycle = engine.lifecycle();
    Instant start = lifecycle.now();
    Optional<Workload.Exit> exit = lifecycle.runUntilExit(c, start.plus(FOLLOW_LIMIT));
    if (exit.isEmpty() && c.logs.mark() == startMark && c.workload != null && !io.followsLive()) {
      // A silent program's end is looked for further ahead; at a live terminal it is waited for.
      exit = lifecycle.runUntilExit(c, start.plus(Lifecycle.WAIT_HORIZON), SILENT_WAKEUPS);
    }
    List<LogBuffer.Entry> written =
        exit.isPresent() ? c.logs.sinceWithTails(startMark) : c.logs.since(startMark);
    for (LogBuffer.Entry e : written) {
      if (e.stderr() && !c.config.tty()) {
        io.err(e.text());
      } else {
        io.out(c.config.tty() ? Tty.onlcr(e.text()) : e.text());
      }
    }
    if (exit.isPresent()) {
      lifecycle.skipTo(exit.get().at());
      return exit.get().code();
    }
    lifecycle.skipTo(start.plus(FOLLOW_LIMIT));
    if (io.followsLive() && c.isRunning()) {
      io.openSession(new ForegroundFollow(engine, c, sigProxy));
      return 0;
    }
    io.errln(
        engine.notes().get("run.keepsRunning", c.name, String.valueOf(FOLLOW_LIMIT.toSeconds())));
    return 0;
  }

  /** The container's mounts: -v values, --volumes-from, then the image's VOLUMEs. */
  private List<Volumes.Mount> mounts(ParsedCommand cmd, RunOptions.ImageDefaults image) {
    List<Volumes.Mount> mounts = new ArrayList<>();
    for (String v : cmd.list("volume")) {
      mounts.add(Volumes.parse(v, engine.ids().next()));
    }
    for (String m : cmd.list("mount")) {
      mounts.add(engine.volumes().parseMount(m, engine.ids().next()));
    }
    for (String t : cmd.list("tmpfs")) {
      mounts.add(Volumes.parseTmpfsFlag(t));
    }
    for (String from : cmd.list("volumes-from")) {
      Container source =
          engine
              .containers()
              .lookup(from)
              .container()
              .orElseThrow(() -> Failure.daemon("No such container: " + from));
      source.config.mounts().stream().filter(m -> !m.fromTmpfsFlag()).forEach(mounts::add);
    }
    for (String dest : image.volumes()) {
      if (mounts.stream().noneMatch(m -> m.destination().equals(dest))) {
        mounts.add(new Volumes.Mount("volume", engine.ids().next(), "", dest, false));
      }
    }
    return mounts;
  }

  private Container createContainer(ParsedCommand cmd, CommandIo io) {
    String imageRef = cmd.args().get(0);
    ContainerStore store = engine.containers();
    Optional<String> name = cmd.string("name");
    // The CLI reads its flags, then the image reference, and pulls a missing image before the
    // daemon judges the rest of the request.
    RunOptions.checkClientFlags(cmd);
    ImageSource images = engine.imageSource();
    try {
      images.validate(imageRef);
    } catch (Failure f) {
      throw Failure.request(f.getMessage());
    }
    boolean unboundedOom =
        cmd.bool("oom-kill-disable") && cmd.string("memory").map(RunOptions::bytes).orElse(0L) == 0;
    if (unboundedOom) {
      io.errln(
          "WARNING: Disabling the OOM killer on containers without setting a '-m/--memory' limit"
              + " may be dangerous.");
    }
    ImageSource.Resolved image =
        images
            .find(imageRef)
            .orElseGet(
                () -> {
                  io.errln(
                      "Unable to find image '" + engine.displayReference(imageRef) + "' locally");
                  StringBuilder progress = new StringBuilder();
                  try {
                    return images.pull(imageRef, progress);
                  } finally {
                    io.err(progress.toString());
                  }
                });
    RunOptions.checkDaemonFlags(cmd);
    RunOptions.limits(cmd, engine.host().cpus());
    if (name.isPresent()) {
      String bare = name.get().startsWith("/") ? name.get().substring(1) : name.get();
      if (!Names.valid(bare)) {
        throw Failure.daemon(
            "Invalid container name (" + bare + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
      }
      Optional<Container> owner = store.byName(bare);
      if (owner.isPresent()) {
        throw Failure.daemon(Names.conflict(bare, owner.get().id));
      }
    }
    String logDriver = cmd.string("log-driver", "json-file");
    if (!RunOptions.LOG_DRIVERS.contains(logDriver)) {
      throw Failure.daemon(
          "error looking up logging plugin "
              + logDriver
              + ": plugin \""
              + logDriver
              + "\" not found");
    }
    String id = engine.ids().next();
    ContainerConfig config =
        RunOptions.build(
                cmd,
                imageRef,
                image.defaults(),
                id,
                engine.host(),
                ref -> engine.containers().lookup(ref).container())
            .withMounts(mounts(cmd, image.defaults()));
    String finalName =
        name.map(n -> n.startsWith("/") ? n.substring(1) : n)
            .orElseGet(() -> engine.names().next(store::nameTaken));
    Container c =
        new Container(
            id,
            finalName,
            engine.lifecycle().now(),
            config,
            image.id(),
            ContainerFiles.create(image.layers(), engine, config),
            engine.nextSequence());
    for (String link : cmd.list("link")) {
      String target = link.contains(":") ? link.substring(0, link.indexOf(':')) : link;
      String alias = link.contains(":") ? link.substring(link.indexOf(':') + 1) : target;
      if (store.lookup(target).container().isEmpty()) {
        throw Failure.daemon(
            "could not get container for " + target + ": No such container: " + target);
      }
      c.links.put(target, alias);
    }
    c.logDriver = logDriver;
    for (String o : cmd.list("log-opt")) {
      int eq = o.indexOf('=');
      c.logOptions.put(eq < 0 ? o : o.substring(0, eq), eq < 0 ? "" : o.substring(eq + 1));
    }
    store.add(c);
    c.files.mountProc(new ProcFs(c, engine.namespacesFor(config), engine.lastCap(), engine.host()));
    c.files.mountCgroup(new CgroupFs(c, engine.host().cpus()));
    if (unboundedOom) {
      // The daemon repeats the point in its own words among the create warnings.
      io.errln(
          "WARNING: OOM killer is disabled for the container, but no memory limit is set, this"
              + " can result in the system running out of resources.");
    }
    if (cmd.isSet("blkio-weight")) {
      io.errln(
          "WARNING: Your kernel does not support Block I/O weight or the cgroup is not mounted."
              + " Weight discarded.");
    }
    if (config.networkMode().equals("host") && !config.portBindings().isEmpty()) {
      io.errln("WARNING: Published ports are discarded when using host network mode");
    }
    return c;
  }

  /** The engine's own notes in the session's language. */
  io.dockerlings.simulator.notes.Notes notes() {
    return engine.notes();
  }
}
