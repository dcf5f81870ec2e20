package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandSpecs;
import io.dockerlings.simulator.cli.DockerCli;
import io.dockerlings.simulator.cli.EngineFacts;
import io.dockerlings.simulator.cli.InfoCommand;
import io.dockerlings.simulator.cli.VersionCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's docker CLI: the dispatcher bound to the engine's handlers, plus {@code version} and
 * {@code info}, which describe the simulated engine as Docker Engine 20.10.24 on the host.
 */
final class Cli {
  private static final CommandSpecs SPECS = CommandSpecs.load();

  private final Engine engine;
  private DockerCli cli;

  Cli(Engine engine) {
    this.engine = engine;
  }

  /** Binds the dispatcher to every handler, once the engine has built them. */
  void bind(Map<String, CommandHandler> handlers) {
    Map<String, CommandHandler> all = new LinkedHashMap<>();
    handlers.forEach((name, h) -> all.put(name, (c, io) -> engine.guarded(h, c, io)));
    Facts facts = new Facts();
    all.put("version", new VersionCommand(facts));
    all.put("info", new InfoCommand(facts));
    this.cli = new DockerCli(SPECS, all, DockerCli.VERSION_LINE).withNotes(engine::notes);
  }

  CommandResult execute(List<String> argv, String stdin) {
    return cli.execute(argv, stdin);
  }

  CommandResult execute(List<String> argv, String stdin, boolean stdinTerminal) {
    return cli.execute(argv, stdin, stdinTerminal);
  }

  CommandResult execute(List<String> argv, io.dockerlings.simulator.cli.CommandIo io) {
    return cli.execute(argv, io);
  }

  List<String> commandNames() {
    return cli.commandNames();
  }

  List<String> flagNames(String words) {
    return cli.flagNames(words);
  }

  /** The engine's state as {@code docker version} and {@code docker info} report it. */
  private final class Facts implements EngineFacts {
    @Override
    public HostSpec host() {
      return engine.host();
    }

    @Override
    public int containersRunning() {
      return count(ContainerStatus.RUNNING) + count(ContainerStatus.RESTARTING);
    }

    @Override
    public int containersPaused() {
      return count(ContainerStatus.PAUSED);
    }

    @Override
    public int containersStopped() {
      return engine.containers().size() - containersRunning() - containersPaused();
    }

    private int count(ContainerStatus status) {
      int n = 0;
      for (Container c : engine.containers().all()) {
        n += c.status == status ? 1 : 0;
      }
      return n;
    }

    @Override
    public int images() {
      return engine.images().all().size();
    }

    @Override
    public String engineId() {
      return engine.engineId();
    }

    @Override
    public Instant now() {
      return engine.clock().now();
    }

    @Override
    public List<String> insecureRegistries() {
      List<String> lines = new ArrayList<>(engine.daemonConfig().insecureRegistries());
      lines.add("127.0.0.0/8");
      return lines;
    }

    @Override
    public List<String> registryMirrors() {
      return engine.daemonConfig().registryMirrors();
    }
  }
}
