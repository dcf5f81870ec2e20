package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker exec} and {@code docker attach}: a new process in a running container, or the
 * terminal and output of its main process.
 */
final class ExecCommands {
  private final Engine engine;
  private final Targets targets;

  ExecCommands(Engine engine) {
    this.engine = engine;
    this.targets = new Targets(engine.containers());
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container exec", this::exec);
    h.put("container attach", this::attach);
    return h;
  }

  private int exec(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    Container c = targets.clientRequire(ref);
    if (!cmd.bool("detach")) {
      // After the lookup, so that a missing container is reported first, as the CLI does.
      io.requireTerminal(cmd.bool("interactive"), cmd.bool("tty"));
    }
    if (c.status == ContainerStatus.PAUSED) {
      throw DockerException.daemon(
          "Container " + ref + " is paused, unpause the container before exec");
    }
    if (c.workload == null || c.status != ContainerStatus.RUNNING) {
      throw DockerException.daemon("Container " + c.id + " is not running");
    }
    List<String> argv = cmd.args().subList(1, cmd.args().size());
    Sessions.ExecSpec spec =
        new Sessions.ExecSpec(
            argv,
            RunOptions.mergeEnv(cmd.list("env"), c.config.env()),
            cmd.string("workdir", c.config.workingDir()),
            cmd.string("user", c.config.user()),
            cmd.bool("tty"),
            cmd.bool("interactive"));
    Sessions sessions = engine.sessions();
    if (cmd.bool("detach")) {
      sessions.execDetached(c, spec);
      return 0;
    }
    if (spec.tty() && spec.interactive() && Sessions.isShell(spec.argv())) {
      io.openSession(sessions.execInteractive(c, spec));
      // busybox's shell greets a terminal in an exec as it does in run -it.
      io.session().ifPresent(s -> io.out(Sessions.greeting(s)));
      return 0;
    }
    Sessions.ExecOutcome outcome;
    try {
      outcome = sessions.execForeground(c, spec, io.stdin(), io.followsLive());
    } catch (DockerException e) {
      // The runtime's refusal arrives on the exec's output stream, so the CLI prints it there.
      io.out(e.text() + "\r\n");
      return e.exitCode();
    }
    // The two streams in the order the process wrote them, as the CLI passes the frames on.
    for (io.dockerlings.simulator.CommandResult.Chunk chunk : outcome.output()) {
      if (chunk.err()) {
        io.err(chunk.text());
      } else {
        io.out(chunk.text());
      }
    }
    // Still running at a live terminal: followed there, Ctrl-C ending the CLI as on the engine.
    outcome.follow().ifPresent(io::openSession);
    return outcome.exitCode();
  }

  private int attach(ParsedCommand cmd, CommandIo io) {
    Container c = targets.clientRequire(cmd.args().get(0));
    if (!c.isRunning()) {
      throw new DockerException("You cannot attach to a stopped container, start it first", 1);
    }
    if (c.status == ContainerStatus.PAUSED) {
      throw new DockerException("You cannot attach to a paused container, unpause it first", 1);
    }
    if (c.config.tty() && c.config.openStdin()) {
      io.openSession(engine.sessions().attachMain(c));
      return 0;
    }
    int mark = c.logs.mark();
    Lifecycle lifecycle = engine.lifecycle();
    var start = lifecycle.now();
    Optional<Workload.Exit> exit = lifecycle.runUntilExit(c, start.plus(RunCommand.FOLLOW_LIMIT));
    for (LogBuffer.Entry e : c.logs.since(mark)) {
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
    lifecycle.skipTo(start.plus(RunCommand.FOLLOW_LIMIT));
    io.errln(
        engine
            .notes()
            .get(
                "attach.keepsRunning",
                c.name,
                String.valueOf(RunCommand.FOLLOW_LIMIT.toSeconds())));
    return 0;
  }
}
