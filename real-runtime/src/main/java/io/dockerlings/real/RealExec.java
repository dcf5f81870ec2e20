package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.ExecStartCmd;
import com.github.dockerjava.api.model.Frame;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code docker exec} and {@code docker attach} on the sandbox's running containers, without a
 * terminal. exec takes {@code -e}, {@code -w}, {@code -u}, {@code -d}, and {@code -i} with the
 * piped stdin text; it prints the process's stdout and stderr and answers its exit status (126 or
 * 127 when the runtime cannot start it, with the runtime's message on stdout, as the CLI shows it).
 */
final class RealExec {
  private final RealContext ctx;
  private final RealTargets targets;

  RealExec(RealContext ctx) {
    this.ctx = ctx;
    this.targets = new RealTargets(ctx);
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container exec", this::exec);
    h.put("container attach", this::attach);
    return h;
  }

  /**
   * {@code docker attach}: to a container with a tty, its terminal; to one without, its output from
   * now on, its input from the piped text when it keeps stdin open, and its exit status when it
   * ends.
   */
  private int attach(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    String id = targets.client(ref);
    JsonNode doc =
        ctx.container(id).orElseThrow(() -> DockerException.client("No such container: " + ref));
    JsonNode state = doc.path("State");
    if (!state.path("Running").asBoolean()) {
      throw new DockerException("You cannot attach to a stopped container, start it first", 1);
    }
    if (state.path("Paused").asBoolean()) {
      throw new DockerException("You cannot attach to a paused container, unpause it first", 1);
    }
    boolean stdinOpen = doc.path("Config").path("OpenStdin").asBoolean();
    if (doc.path("Config").path("Tty").asBoolean()) {
      // A tty's output is one raw stream: it goes to the learner's terminal as it comes.
      io.requireTerminal(true, true);
      io.openSession(RealTerminal.attach(ctx, id, RealTerminal.Kind.ATTACH, false));
      return 0;
    }
    byte[] stdin = stdinOpen && !cmd.bool("no-stdin") ? io.stdinBytes() : null;
    return new RealAttach(ctx).follow(id, () -> {}, stdin, io);
  }

  private int exec(ParsedCommand cmd, CommandIo io) {
    boolean tty = cmd.bool("tty");
    boolean terminal = tty && cmd.bool("interactive") && !cmd.bool("detach");
    if (terminal) {
      io.requireTerminal(true, true);
    }
    String ref = cmd.args().get(0);
    targets.client(ref);
    List<String> argv = cmd.args().subList(1, cmd.args().size());
    boolean detach = cmd.bool("detach");
    boolean interactive = cmd.bool("interactive") && !detach;
    ExecCreateCmd create =
        ctx.client()
            .execCreateCmd(ref)
            .withCmd(argv.toArray(String[]::new))
            .withAttachStdout(!detach)
            .withAttachStderr(!detach)
            .withAttachStdin(interactive)
            .withTty(tty);
    if (!cmd.list("env").isEmpty()) {
      create.withEnv(cmd.list("env"));
    }
    cmd.string("workdir").ifPresent(create::withWorkingDir);
    cmd.string("user").ifPresent(create::withUser);
    if (cmd.bool("privileged")) {
      ctx.guard().check(cmd, ctx.notes());
      create.withPrivileged(true);
    }
    String execId;
    try {
      execId = create.exec().getId();
    } catch (RuntimeException e) {
      throw DaemonErrors.of(e);
    }
    if (terminal) {
      io.openSession(RealTerminal.exec(ctx, targets.client(ref), execId));
      return 0;
    }
    ExecStartCmd start = ctx.client().execStartCmd(execId).withDetach(detach).withTty(tty);
    if (detach) {
      try {
        start.exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        throw DaemonErrors.of(e);
      }
      return 0;
    }
    var host = ctx.api().host().filter(HijackedStream::supports);
    if (interactive && host.isPresent()) {
      HijackedStream.Output o;
      try {
        o =
            HijackedStream.open(
                    host.get(), "/exec/" + execId + "/start", "{\"Detach\":false,\"Tty\":false}")
                .finish(io.stdinBytes(), Duration.ofSeconds(RealAttach.LIMIT_SECONDS));
      } catch (IOException e) {
        throw new DockerException(ctx.notes().get("engine.connectionFailed", e), 1);
      }
      o.copyTo(io);
      return o.ended() ? exitCode(execId) : stillRunning(ref, io);
    }
    if (interactive) {
      start.withStdIn(new ByteArrayInputStream(io.stdinBytes()));
    }
    FrameSink sink = start.exec(new FrameSink());
    boolean ended = sink.awaitEnd(RealAttach.LIMIT_SECONDS);
    sink.copyTo(io);
    return ended ? exitCode(execId) : stillRunning(ref, io);
  }

  private int stillRunning(String ref, CommandIo io) {
    io.errln(ctx.notes().get("exec.stillRuns", String.valueOf(RealAttach.LIMIT_SECONDS), ref));
    return 0;
  }

  /** The exec's status; the stream can end a moment before the engine records the exit. */
  private int exitCode(String execId) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      var inspect = ctx.client().inspectExecCmd(execId).exec();
      if (!Boolean.TRUE.equals(inspect.isRunning()) || System.nanoTime() > deadline) {
        Long code = inspect.getExitCodeLong();
        return code == null ? 0 : code.intValue();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
  }
}
