package io.dockerlings.real;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code start}, {@code stop}, {@code restart}, {@code kill}, {@code pause}, {@code unpause},
 * {@code rm}, {@code rename} and {@code wait} on the sandbox's own containers, each with the docker
 * CLI's wording for a missing container and the daemon's own message for every other refusal.
 *
 * <p>The engine is called with the reference the learner typed (after the ownership check resolved
 * it to one of ours), because the daemon's messages quote it ({@code Cannot kill container: web:
 * ...}).
 */
final class RealLifecycle {
  private final RealContext ctx;
  private final RealTargets targets;

  RealLifecycle(RealContext ctx) {
    this.ctx = ctx;
    this.targets = new RealTargets(ctx);
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container start", this::start);
    h.put("container stop", this::stop);
    h.put("container restart", this::restart);
    h.put("container kill", this::kill);
    h.put("container pause", this::pause);
    h.put("container unpause", this::unpause);
    h.put("container rm", this::remove);
    h.put("container rename", this::rename);
    h.put("container wait", this::waitFor);
    return h;
  }

  private DockerClient client() {
    return ctx.client();
  }

  private int start(ParsedCommand cmd, CommandIo io) {
    if (cmd.bool("attach")) {
      if (cmd.args().size() > 1) {
        throw new DockerException("you cannot start and attach multiple containers at once", 1);
      }
      String ref = cmd.args().get(0);
      // Attaching, the CLI looks the container up itself first, so a miss is its own wording.
      String id = targets.client(ref);
      boolean running =
          ctx.container(id).map(d -> d.path("State").path("Running").asBoolean()).orElse(false);
      byte[] stdin = cmd.bool("interactive") ? io.stdinBytes() : null;
      return new RealAttach(ctx).follow(id, () -> startQuietly(ref, running), stdin, io);
    }
    List<String> failed = new ArrayList<>();
    for (String ref : cmd.args()) {
      try {
        targets.daemon(ref);
        startQuietly(ref, false);
        io.outln(ref);
      } catch (DockerException e) {
        io.errln(e.text());
        failed.add(ref);
      }
    }
    if (!failed.isEmpty()) {
      io.errln("Error: failed to start containers: " + String.join(", ", failed));
      return 1;
    }
    return 0;
  }

  /** Starts a container; one that runs already is left as it is, as the engine answers 304. */
  private void startQuietly(String ref, boolean running) {
    if (running) {
      return;
    }
    try {
      client().startContainerCmd(ref).exec();
    } catch (NotModifiedException alreadyRunning) {
      // The CLI counts "already started" as success.
    } catch (RuntimeException e) {
      throw DaemonErrors.of(e);
    }
  }

  /** The {@code -t} seconds, or empty to let the engine use the container's own stop timeout. */
  private static Optional<Integer> timeout(ParsedCommand cmd) {
    // The flag parser has checked the value (and refused what is not a number).
    return cmd.isSet("time") ? Optional.of(cmd.intValue("time", 10)) : Optional.empty();
  }

  private int stop(ParsedCommand cmd, CommandIo io) {
    Optional<Integer> seconds = timeout(cmd);
    return each(
        cmd,
        io,
        targets::daemon,
        ref -> {
          var stop = client().stopContainerCmd(ref);
          seconds.ifPresent(stop::withTimeout);
          try {
            stop.exec();
          } catch (NotModifiedException alreadyStopped) {
            // Stopping a stopped container is no error for the CLI.
          }
        });
  }

  private int restart(ParsedCommand cmd, CommandIo io) {
    Optional<Integer> seconds = timeout(cmd);
    return each(
        cmd,
        io,
        targets::daemon,
        ref -> {
          var restart = client().restartContainerCmd(ref);
          seconds.ifPresent(restart::withTimeout);
          restart.exec();
        });
  }

  private int kill(ParsedCommand cmd, CommandIo io) {
    Optional<String> signal = cmd.string("signal");
    return each(
        cmd,
        io,
        ref ->
            targets.require(
                ref,
                "Error response from daemon: Cannot kill container: "
                    + ref
                    + ": No such container: "
                    + ref),
        ref -> {
          var kill = client().killContainerCmd(ref);
          signal.ifPresent(kill::withSignal);
          kill.exec();
        });
  }

  private int pause(ParsedCommand cmd, CommandIo io) {
    return each(cmd, io, targets::daemon, ref -> client().pauseContainerCmd(ref).exec());
  }

  private int unpause(ParsedCommand cmd, CommandIo io) {
    return each(cmd, io, targets::daemon, ref -> client().unpauseContainerCmd(ref).exec());
  }

  private int remove(ParsedCommand cmd, CommandIo io) {
    boolean force = cmd.bool("force");
    boolean volumes = cmd.bool("volumes");
    int exit = 0;
    for (String ref : cmd.args()) {
      try {
        targets.client(ref);
      } catch (DockerException missing) {
        io.errln(missing.text());
        // With -f a container that is not there counts as removed already.
        boolean absent = missing.text().equals("Error: No such container: " + ref);
        exit = force && absent ? exit : 1;
        continue;
      }
      try {
        client().removeContainerCmd(ref).withForce(force).withRemoveVolumes(volumes).exec();
        io.outln(ref);
      } catch (RuntimeException e) {
        io.errln(DaemonErrors.of(e).text());
        exit = 1;
      }
    }
    return exit;
  }

  private int rename(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    try {
      targets.daemon(ref);
      client().renameContainerCmd(ref).withName(cmd.args().get(1)).exec();
      return 0;
    } catch (DockerException e) {
      io.errln(e.text());
    } catch (RuntimeException e) {
      io.errln(DaemonErrors.of(e).text());
    }
    io.errln("Error: failed to rename container named " + ref);
    return 1;
  }

  private int waitFor(ParsedCommand cmd, CommandIo io) {
    int exit = 0;
    for (String ref : cmd.args()) {
      try {
        String id = targets.daemon(ref);
        Integer code =
            client()
                .waitContainerCmd(id)
                .start()
                .awaitStatusCode(RealAttach.LIMIT_SECONDS, TimeUnit.SECONDS);
        io.outln(String.valueOf(code));
      } catch (DockerClientException timeout) {
        io.errln(ctx.notes().get("wait.stillRuns", ref, String.valueOf(RealAttach.LIMIT_SECONDS)));
        exit = 1;
      } catch (DockerException e) {
        io.errln(e.text());
        exit = 1;
      } catch (RuntimeException e) {
        io.errln(DaemonErrors.of(e).text());
        exit = 1;
      }
    }
    return exit;
  }

  /** A check that a reference names one of ours, worded for the verb. */
  private interface Check {
    String owned(String ref);
  }

  /**
   * Runs {@code action} on each named container the sandbox owns and prints its name as the CLI
   * does; each failure is printed in turn and makes the exit status 1.
   */
  private int each(ParsedCommand cmd, CommandIo io, Check check, Consumer<String> action) {
    int exit = 0;
    for (String ref : cmd.args()) {
      try {
        check.owned(ref);
        action.accept(ref);
        io.outln(ref);
      } catch (DockerException e) {
        io.errln(e.text());
        exit = 1;
      } catch (RuntimeException e) {
        io.errln(DaemonErrors.of(e).text());
        exit = 1;
      }
    }
    return exit;
  }
}
