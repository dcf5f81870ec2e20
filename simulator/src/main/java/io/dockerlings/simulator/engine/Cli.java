package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.CommandSpecs;
import io.dockerlings.simulator.cli.DockerCli;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's docker CLI: the dispatcher bound to the engine's handlers, plus {@code version} and
 * {@code info}, which describe the simulated engine as Docker Engine 20.10.24 on the host.
 */
final class Cli {
  /** The engine this simulator imitates, as the course's real engine reports itself. */
  static final String VERSION = "20.10.24+dfsg1";

  private static final CommandSpecs SPECS = CommandSpecs.load();

  private final Engine engine;
  private DockerCli cli;

  Cli(Engine engine) {
    this.engine = engine;
  }

  /** Binds the dispatcher to every handler, once the engine has built them. */
  void bind(Map<String, CommandHandler> handlers) {
    Map<String, CommandHandler> all = new LinkedHashMap<>(handlers);
    all.put("version", this::version);
    all.put("info", this::info);
    this.cli = new DockerCli(SPECS, all, "Docker version " + VERSION + ", build 297e128");
  }

  CommandResult execute(List<String> argv, String stdin) {
    return cli.execute(argv, stdin);
  }

  List<String> commandNames() {
    return cli.commandNames();
  }

  List<String> flagNames(String words) {
    return cli.flagNames(words);
  }

  private int version(ParsedCommand cmd, CommandIo io) {
    io.out(
        "Client:\n"
            + " Version:           "
            + VERSION
            + "\n"
            + " API version:       1.41\n"
            + " Go version:        go1.19.8\n"
            + " Git commit:        297e128\n"
            + " Built:             Thu May  7 21:09:36 2026\n"
            + " OS/Arch:           linux/amd64\n"
            + " Context:           default\n"
            + " Experimental:      true\n"
            + "\n"
            + "Server:\n"
            + " Engine:\n"
            + "  Version:          "
            + VERSION
            + "\n"
            + "  API version:      1.41 (minimum version 1.12)\n"
            + "  Go version:       go1.19.8\n"
            + "  Git commit:       5d6db84\n"
            + "  Built:            Thu May  7 21:09:36 2026\n"
            + "  OS/Arch:          linux/amd64\n"
            + "  Experimental:     false\n"
            + " containerd:\n"
            + "  Version:          1.6.20~ds1\n"
            + "  GitCommit:        1.6.20~ds1-1+deb12u3\n"
            + " runc:\n"
            + "  Version:          1.1.5+ds1\n"
            + "  GitCommit:        1.1.5+ds1-1+deb12u1\n"
            + " docker-init:\n"
            + "  Version:          0.19.0\n"
            + "  GitCommit:        \n");
    return 0;
  }

  private int info(ParsedCommand cmd, CommandIo io) {
    HostSpec host = engine.host();
    int running = 0;
    int paused = 0;
    int stopped = 0;
    for (Container c : engine.containers().all()) {
      switch (c.status) {
        case RUNNING, RESTARTING -> running++;
        case PAUSED -> paused++;
        default -> stopped++;
      }
    }
    io.out(
        "Client:\n"
            + " Context:    default\n"
            + " Debug Mode: false\n"
            + "\n"
            + "Server:\n"
            + " Containers: "
            + engine.containers().size()
            + "\n"
            + "  Running: "
            + running
            + "\n"
            + "  Paused: "
            + paused
            + "\n"
            + "  Stopped: "
            + stopped
            + "\n"
            + " Images: "
            + engine.images().all().size()
            + "\n"
            + " Server Version: "
            + VERSION
            + "\n"
            + " Storage Driver: overlay2\n"
            + "  Backing Filesystem: extfs\n"
            + "  Supports d_type: true\n"
            + "  Native Overlay Diff: true\n"
            + "  userxattr: false\n"
            + " Logging Driver: json-file\n"
            + " Cgroup Driver: cgroupfs\n"
            + " Cgroup Version: 1\n"
            + " Plugins:\n"
            + "  Volume: local\n"
            + "  Network: bridge host ipvlan macvlan null overlay\n"
            + "  Log: awslogs fluentd gcplogs gelf journald json-file local logentries splunk syslog\n"
            + " Swarm: inactive\n"
            + " Runtimes: runc io.containerd.runc.v2 io.containerd.runtime.v1.linux\n"
            + " Default Runtime: runc\n"
            + " Init Binary: docker-init\n"
            + " containerd version: 1.6.20~ds1-1+deb12u3\n"
            + " runc version: 1.1.5+ds1-1+deb12u1\n"
            + " init version: \n"
            + " Security Options:\n"
            + "  seccomp\n"
            + "   Profile: default\n"
            + " Kernel Version: "
            + host.kernelRelease()
            + "\n"
            + " Operating System: "
            + host.operatingSystem()
            + "\n"
            + " OSType: linux\n"
            + " Architecture: x86_64\n"
            + " CPUs: "
            + host.cpus()
            + "\n"
            + " Total Memory: "
            + binarySize(host.memoryBytes())
            + "\n"
            + " Name: "
            + host.hostname()
            + "\n"
            + " ID: "
            + engine.engineId()
            + "\n"
            + " Docker Root Dir: /var/lib/docker\n"
            + " Debug Mode: false\n"
            + " Registry: https://index.docker.io/v1/\n"
            + " Labels:\n"
            + " Experimental: false\n"
            + " Insecure Registries:\n"
            + registryLines(engine.daemonConfig().insecureRegistries())
            + "  127.0.0.0/8\n"
            + (engine.daemonConfig().registryMirrors().isEmpty()
                ? ""
                : " Registry Mirrors:\n" + registryLines(engine.daemonConfig().registryMirrors()))
            + " Live Restore Enabled: false\n"
            + "\n");
    return 0;
  }

  private static String registryLines(List<String> entries) {
    StringBuilder b = new StringBuilder();
    entries.forEach(e -> b.append("  ").append(e).append('\n'));
    return b.toString();
  }

  /** Binary units with two decimals, as {@code Total Memory} shows them: {@code 23.54GiB}. */
  static String binarySize(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    String s = String.format(java.util.Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    return s + units[u];
  }
}
