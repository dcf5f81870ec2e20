package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code start}, {@code stop}, {@code restart}, {@code kill}, {@code pause}, {@code unpause},
 * {@code rm}, {@code rename} and {@code wait}: the lifecycle commands, with the engine's exact
 * errors for containers in the wrong state.
 */
final class LifecycleCommands {
  private final Lifecycle lifecycle;
  private final ContainerStore store;
  private final Targets targets;

  private final RunCommand attacher;

  private final VolumeCommands volumes;

  LifecycleCommands(
      Lifecycle lifecycle, ContainerStore store, RunCommand attacher, VolumeCommands volumes) {
    this.volumes = volumes;
    this.attacher = attacher;
    this.lifecycle = lifecycle;
    this.store = store;
    this.targets = new Targets(store);
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("container start", this::start);
    h.put("container stop", this::stop);
    h.put("container restart", this::restart);
    h.put("container kill", this::kill);
    h.put("container pause", this::pause);
    h.put("container unpause", this::unpause);
    h.put("container rm", this::rm);
    h.put("container rename", this::rename);
    h.put("container wait", this::waitFor);
    return h;
  }

  private int start(ParsedCommand cmd, CommandIo io) {
    List<String> failed = new ArrayList<>();
    for (String ref : cmd.args()) {
      try {
        Container c = targets.daemonRequire(ref);
        if (c.status == ContainerStatus.PAUSED) {
          throw DockerException.daemon("cannot start a paused container, try unpause instead");
        }
        if ((cmd.bool("attach") || cmd.bool("interactive")) && cmd.args().size() == 1) {
          // start -a attaches like a foreground run: the output, then the exit status; with -i
          // (which attaches too) the learner's input goes to a container created with -i.
          int mark = c.logs.mark();
          if (!c.isRunning()) {
            lifecycle.start(c);
          }
          return cmd.bool("interactive") && c.config.openStdin()
              ? attacher.attachStdin(c, mark, io)
              : attacher.follow(c, mark, io);
        }
        if (!c.isRunning()) {
          lifecycle.start(c);
        }
        io.outln(ref);
      } catch (Failure f) {
        io.errln("Error response from daemon: " + f.getMessage());
        failed.add(ref);
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

  private int timeout(ParsedCommand cmd, Container c) {
    if (cmd.isSet("time")) {
      // The flag parser has checked the value (and refused what is not a number).
      return cmd.intValue("time", 10);
    }
    return c.config.stopTimeout().orElse(10);
  }

  private int stop(ParsedCommand cmd, CommandIo io) {
    int[] code = new int[1];
    lifecycle.stopTogether(
        () ->
            code[0] =
                targets.forEachContainer(cmd.args(), io, c -> lifecycle.stop(c, timeout(cmd, c))));
    return code[0];
  }

  private int restart(ParsedCommand cmd, CommandIo io) {
    return targets.forEachContainer(
        cmd.args(),
        io,
        c -> {
          lifecycle.stop(c, timeout(cmd, c));
          try {
            lifecycle.start(c);
          } catch (Failure f) {
            throw DockerException.daemon(f.getMessage());
          }
        });
  }

  private int kill(ParsedCommand cmd, CommandIo io) {
    String sigText = cmd.string("signal", "KILL");
    int signal =
        Signals.parse(sigText)
            .orElseThrow(() -> DockerException.daemon("Invalid signal: " + sigText));
    return targets.forEach(
        cmd.args(),
        io,
        ref -> {
          Container c =
              targets.require(
                  ref,
                  "Error response from daemon: Cannot kill container: "
                      + ref
                      + ": No such container: "
                      + ref);
          if (!c.isRunning() || c.status == ContainerStatus.RESTARTING) {
            throw DockerException.daemon(
                "Cannot kill container: " + ref + ": Container " + c.id + " is not running");
          }
          lifecycle.kill(c, signal);
        });
  }

  private int pause(ParsedCommand cmd, CommandIo io) {
    return targets.forEachContainer(
        cmd.args(),
        io,
        c -> {
          if (c.status == ContainerStatus.PAUSED) {
            throw DockerException.daemon("Container " + c.id + " is already paused");
          }
          if (!c.isRunning()) {
            throw DockerException.daemon("Container " + c.id + " is not running");
          }
          lifecycle.pause(c);
        });
  }

  private int unpause(ParsedCommand cmd, CommandIo io) {
    return targets.forEachContainer(
        cmd.args(),
        io,
        c -> {
          if (c.status != ContainerStatus.PAUSED) {
            throw DockerException.daemon("Container " + c.id + " is not paused");
          }
          lifecycle.unpause(c);
        });
  }

  private int rm(ParsedCommand cmd, CommandIo io) {
    boolean force = cmd.bool("force");
    int status = 0;
    for (String ref : cmd.args()) {
      ContainerStore.Lookup found = store.lookup(ref);
      if (found.container().isEmpty()) {
        io.errln("Error: No such container: " + ref);
        // With -f the engine counts a missing container as removed already.
        status = force ? status : 1;
        continue;
      }
      Container c = found.container().get();
      if (c.isRunning() && !force) {
        String why =
            c.status == ContainerStatus.PAUSED
                ? "You cannot remove a paused container "
                    + c.id
                    + ". Unpause and then stop the container before attempting removal or"
                    + " force remove"
                : "You cannot remove a running container "
                    + c.id
                    + ". Stop the container before attempting removal or force remove";
        io.errln("Error response from daemon: " + why);
        status = 1;
        continue;
      }
      lifecycle.remove(c);
      if (cmd.bool("volumes")) {
        volumes.removeAnonymous(c);
      }
      io.outln(ref);
    }
    return status;
  }

  private int rename(ParsedCommand cmd, CommandIo io) {
    String ref = cmd.args().get(0);
    String newName = cmd.args().get(1);
    try {
      Container c = targets.daemonRequire(ref);
      String bare = newName.startsWith("/") ? newName.substring(1) : newName;
      if (bare.equals(c.name)) {
        throw DockerException.daemon("Renaming a container with the same name as its current name");
      }
      if (!Names.valid(bare)) {
        throw DockerException.daemon(
            "Error when allocating new name: Invalid container name (/"
                + bare
                + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
      }
      store
          .byName(bare)
          .ifPresent(
              other -> {
                throw DockerException.daemon(
                    "Error when allocating new name: " + Names.conflict(bare, other.id));
              });
      store.rename(c, bare);
      return 0;
    } catch (DockerException e) {
      io.errln(e.text());
      io.errln("Error: failed to rename container named " + ref);
      return 1;
    }
  }

  private int waitFor(ParsedCommand cmd, CommandIo io) {
    int status = 0;
    for (String ref : cmd.args()) {
      try {
        Container c = targets.daemonRequire(ref);
        if (c.isRunning()) {
          var exit = lifecycle.runUntilExit(c, lifecycle.now().plus(Lifecycle.WAIT_HORIZON));
          if (exit.isEmpty()) {
            io.errln(attacher.notes().get("wait.neverEnds", ref));
            status = 1;
            continue;
          }
          lifecycle.skipTo(exit.get().at());
        }
        io.outln(Integer.toString(c.exitCode));
      } catch (DockerException e) {
        io.errln(e.text());
        status = 1;
      }
    }
    return status;
  }
}
