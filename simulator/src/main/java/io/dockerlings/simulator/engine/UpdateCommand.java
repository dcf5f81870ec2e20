package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker update}: new cgroup limits and restart policy for running or stopped containers,
 * with the daemon's checks; a refused update leaves the container as it was.
 */
final class UpdateCommand {
  private static final List<String> FLAGS =
      List.of(
          "blkio-weight",
          "cpu-period",
          "cpu-quota",
          "cpu-rt-period",
          "cpu-rt-runtime",
          "cpu-shares",
          "cpus",
          "cpuset-cpus",
          "cpuset-mems",
          "kernel-memory",
          "memory",
          "memory-reservation",
          "memory-swap",
          "pids-limit",
          "restart");

  private final Engine engine;

  UpdateCommand(Engine engine) {
    this.engine = engine;
  }

  int update(ParsedCommand cmd, CommandIo io) {
    if (FLAGS.stream().noneMatch(cmd::isSet)) {
      throw new DockerException("you must provide one or more flags when using this command", 1);
    }
    Resources asked;
    Optional<String> restart = cmd.string("restart").filter(r -> !r.isEmpty());
    Optional<RestartPolicy> policy;
    try {
      asked = Resources.fromFlags(cmd);
      // The CLI reads the policy's form; the daemon judges its name, per container.
      policy = restart.map(UpdateCommand::policyForm);
    } catch (Failure f) {
      throw new DockerException(
          f.getMessage() + "\nSee 'docker " + cmd.helpName() + " --help'.", 125);
    }
    List<String> errors = new ArrayList<>();
    for (String ref : cmd.args()) {
      try {
        Container c =
            engine
                .containers()
                .lookup(ref)
                .container()
                .orElseThrow(() -> Failure.daemon("No such container: " + ref));
        asked.verify(engine.host().cpus(), true);
        RestartPolicy newPolicy = c.config.restartPolicy();
        if (policy.isPresent()) {
          newPolicy = RestartPolicy.parse(restart.get());
        }
        ContainerConfig.Limits limits = asked.applyTo(c.config.limits(), c.id);
        if (policy.isPresent() && c.config.autoRemove() && !newPolicy.isNone()) {
          throw Resources.cannotUpdate(
              c.id,
              "Restart policy cannot be updated because AutoRemove is enabled for the container");
        }
        checkKernelAccepts(c, asked, limits);
        c.config = c.config.withResources(limits, newPolicy);
        io.outln(ref);
      } catch (Failure f) {
        errors.add("Error response from daemon: " + f.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new DockerException(String.join("\n", errors), 1);
    }
    return 0;
  }

  /** The policy's form as the CLI checks it; a name it does not know is left to the daemon. */
  private static RestartPolicy policyForm(String value) {
    try {
      return RestartPolicy.parse(value);
    } catch (Failure f) {
      if (f.side() == Failure.Side.CLIENT) {
        throw f;
      }
      return RestartPolicy.NO;
    }
  }

  /**
   * What runc refuses when it writes a running container's cgroup: a swap limit (memory plus swap)
   * below the memory limit, an unlimited memory limit included.
   */
  private static void checkKernelAccepts(
      Container c, Resources asked, ContainerConfig.Limits limits) {
    if (!c.isRunning() || asked.memorySwap() <= 0) {
      return;
    }
    if (limits.memory() == 0 || limits.memorySwap() < limits.memory()) {
      throw Resources.cannotUpdate(
          c.id,
          "runc did not terminate successfully: exit status 1: failed to write \""
              + limits.memorySwap()
              + "\": write /sys/fs/cgroup/memory/docker/"
              + c.id
              + "/memory.memsw.limit_in_bytes: invalid argument\n: unknown");
    }
  }
}
