package io.dockerlings.real;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Link;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import io.dockerlings.simulator.cli.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code docker run}/{@code create}, checked as the docker CLI checks them before it
 * calls the engine, and turned into an Engine API create request with the sandbox's labels.
 */
final class RunSpec {
  final String image;
  final List<String> command;
  final boolean detach;
  final boolean autoRemove;
  final List<String> namedVolumes;
  private final ParsedCommand cmd;
  private final HostConfig host = HostConfig.newHostConfig();
  private final List<Bind> binds = new ArrayList<>();
  private final List<Volume> anonymous = new ArrayList<>();
  private final List<com.github.dockerjava.api.model.Mount> mounts = new ArrayList<>();

  private final java.util.function.Function<String, String> files;

  private RunSpec(ParsedCommand cmd, java.util.function.Function<String, String> files) {
    this.cmd = cmd;
    this.files = files;
    this.image = cmd.args().get(0);
    this.command = cmd.args().subList(1, cmd.args().size());
    this.detach = cmd.bool("detach");
    this.autoRemove = cmd.bool("rm");
    this.namedVolumes = new ArrayList<>();
  }

  /** Checks the options the CLI checks itself; throws its error, exit 125, when one is wrong. */
  static RunSpec parse(ParsedCommand cmd) {
    return parse(cmd, p -> p);
  }

  /**
   * As {@link #parse(ParsedCommand)}, a bind's source going through {@code files}, which maps what
   * the learner typed to the real path (or refuses it).
   */
  static RunSpec parse(ParsedCommand cmd, java.util.function.Function<String, String> files) {
    RunSpec spec = new RunSpec(cmd, files);
    spec.resources();
    spec.volumes();
    spec.tmpfsAndMounts();
    String restart = cmd.string("restart", "no");
    // The CLI reads the retry count while parsing, before it compares --restart with --rm.
    retryCount(cmd, restart);
    if (spec.autoRemove && !restart.equals("no") && !restart.isEmpty()) {
      throw usage(cmd, "Conflicting options: --restart and --rm");
    }
    if (!restart.equals("no") && !restart.isEmpty()) {
      spec.host.withRestartPolicy(restartPolicy(cmd, restart));
    }
    spec.ports();
    return spec;
  }

  /**
   * {@code --restart NAME[:COUNT]}: the CLI checks the count, the engine the name and whether a
   * count goes with it; both refusals are worded here, since docker-java cannot carry a bad name.
   */
  private static RestartPolicy restartPolicy(ParsedCommand cmd, String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    Integer count = retryCount(cmd, text);
    return switch (name) {
      case "always", "unless-stopped" -> {
        if (count != null && count != 0) {
          throw daemonRefusal(
              cmd, "maximum retry count cannot be used with restart policy '" + name + "'");
        }
        yield name.equals("always")
            ? RestartPolicy.alwaysRestart()
            : RestartPolicy.unlessStoppedRestart();
      }
      case "on-failure" -> RestartPolicy.onFailureRestart(count == null ? 0 : count);
      case "no" -> RestartPolicy.noRestart();
      default -> throw daemonRefusal(cmd, "invalid restart policy '" + name + "'");
    };
  }

  /** The COUNT of {@code NAME:COUNT}, or null without one; the CLI's error when not a number. */
  private static Integer retryCount(ParsedCommand cmd, String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return null;
    }
    try {
      return Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw usage(cmd, "maximum retry count must be an integer");
    }
  }

  /** {@code -p}: the CLI's own checks of the host and container ports, before any engine call. */
  private void ports() {
    for (String p : cmd.list("publish")) {
      String spec = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : p;
      int colon = spec.lastIndexOf(':');
      String container = spec.substring(colon + 1);
      if (!container.matches("[0-9]+(-[0-9]+)?") || !validPort(container)) {
        throw usage(cmd, "Invalid containerPort: " + container);
      }
      if (colon > 0) {
        String rest = spec.substring(0, colon);
        String hostPort = rest.substring(rest.lastIndexOf(':') + 1);
        if (!hostPort.isEmpty()
            && (!hostPort.matches("[0-9]+(-[0-9]+)?") || !validPort(hostPort))) {
          throw usage(cmd, "Invalid hostPort: " + hostPort);
        }
      }
    }
  }

  private static boolean validPort(String range) {
    for (String part : range.split("-")) {
      if (part.length() > 5 || Integer.parseInt(part) > 65535) {
        return false;
      }
    }
    return true;
  }

  /**
   * A refusal the engine would give: {@code run} words it {@code docker: Error response from
   * daemon: ...} with the help hint and exit 125, {@code create} as the plain daemon error, exit 1.
   */
  static DockerException daemonRefusal(ParsedCommand cmd, String message) {
    if (cmd.path().equals("container run")) {
      return usage(cmd, "Error response from daemon: " + message);
    }
    return DockerException.daemon(message);
  }

  private void resources() {
    // Integer flags as the flag parser read them (it has refused what is not a number).
    if (cmd.isSet("cpu-shares")) {
      host.withCpuShares(cmd.intValue("cpu-shares", 0));
    }
    cmd.string("cpus")
        .ifPresent(
            v -> {
              try {
                host.withNanoCPUs(new BigDecimal(v).movePointRight(9).longValueExact());
              } catch (ArithmeticException | NumberFormatException e) {
                throw flag("--cpus", v, "failed to parse " + v + " as a rational number");
              }
            });
    cmd.string("cpuset-cpus").ifPresent(host::withCpusetCpus);
    if (cmd.isSet("cpu-quota")) {
      host.withCpuQuota((long) cmd.intValue("cpu-quota", 0));
    }
    if (cmd.isSet("cpu-period")) {
      host.withCpuPeriod((long) cmd.intValue("cpu-period", 0));
    }
    if (cmd.isSet("pids-limit")) {
      host.withPidsLimit((long) cmd.intValue("pids-limit", 0));
    }
    cmd.string("memory").ifPresent(v -> host.withMemory(bytes("-m, --memory", v)));
    cmd.string("memory-swap")
        .ifPresent(v -> host.withMemorySwap(v.equals("-1") ? -1L : bytes("--memory-swap", v)));
    if (cmd.bool("oom-kill-disable")) {
      host.withOomKillDisable(true);
    }
    if (cmd.isSet("blkio-weight")) {
      host.withBlkioWeight(cmd.intValue("blkio-weight", 0));
    }
    if (cmd.isSet("cpu-period")) {
      host.withCpuPeriod(cmd.integer("cpu-period", 0));
    }
    if (cmd.isSet("cpu-quota")) {
      host.withCpuQuota(cmd.integer("cpu-quota", 0));
    }
    // --storage-opt KEY=VALUE goes to the daemon, which judges it (overlay2 over ext4 refuses
    // size).
    Map<String, String> storage = new LinkedHashMap<>();
    for (String opt : cmd.list("storage-opt")) {
      int eq = opt.indexOf('=');
      if (eq > 0) {
        storage.put(opt.substring(0, eq), opt.substring(eq + 1));
      }
    }
    if (!storage.isEmpty()) {
      host.withStorageOpt(storage);
    }
    logConfig();
  }

  /**
   * {@code --log-driver NAME --log-opt K=V}: goes to the daemon (with {@code none}, {@code docker
   * logs} then has nothing to read); options without a driver go with the daemon's default one. The
   * CLI refuses options for {@code none}; a driver docker-java cannot name is refused here in the
   * daemon's words, since the daemon knows no such plugin either.
   */
  private void logConfig() {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String opt : cmd.list("log-opt")) {
      int eq = opt.indexOf('=');
      if (eq > 0) {
        opts.put(opt.substring(0, eq), opt.substring(eq + 1));
      }
    }
    String name = cmd.string("log-driver", "");
    if (name.equals("none") && !opts.isEmpty()) {
      throw usage(cmd, "invalid logging opts for driver none");
    }
    if (name.isEmpty()) {
      if (!opts.isEmpty()) {
        host.withLogConfig(new LogConfig(null, opts));
      }
      return;
    }
    LogConfig.LoggingType type = loggingType(name);
    if (type == null) {
      throw daemonRefusal(
          cmd, "error looking up logging plugin " + name + ": plugin \"" + name + "\" not found");
    }
    host.withLogConfig(new LogConfig(type, opts.isEmpty() ? null : opts));
  }

  /** The docker-java name of a logging driver, or null when it has none. */
  private static LogConfig.LoggingType loggingType(String name) {
    for (LogConfig.LoggingType t : LogConfig.LoggingType.values()) {
      if (t.getType().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /**
   * {@code --tmpfs PATH[:OPTIONS]} (HostConfig.Tmpfs, options as typed) and the {@code --mount}
   * values: their types are checked here in the daemon's words, since docker-java cannot carry an
   * unknown one; a bind's source goes through {@code files}, as {@code -v}'s does.
   */
  private void tmpfsAndMounts() {
    Map<String, String> tmpfs = new LinkedHashMap<>();
    for (String t : cmd.list("tmpfs")) {
      int colon = t.indexOf(':');
      tmpfs.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
    }
    if (!tmpfs.isEmpty()) {
      host.withTmpFs(tmpfs);
    }
    for (String m : cmd.list("mount")) {
      Mounts.Spec spec = Mounts.parse(m);
      if (!spec.knownType()) {
        throw daemonRefusal(
            cmd, "invalid mount config for type \"" + spec.type() + "\": mount type unknown");
      }
      if (spec.type().equals("bind") && spec.source().startsWith("/")) {
        spec =
            new Mounts.Spec(
                spec.type(),
                files.apply(spec.source()),
                spec.target(),
                spec.readOnly(),
                spec.tmpfsSize(),
                spec.tmpfsMode());
      }
      mounts.add(spec.toMount());
    }
  }

  private void volumes() {
    for (String v : cmd.list("volume")) {
      String[] parts = v.split(":", -1);
      if (parts.length == 1) {
        anonymous.add(new Volume(parts[0]));
        continue;
      }
      if (!parts[0].startsWith("/") && !parts[0].startsWith(".")) {
        namedVolumes.add(parts[0]);
        binds.add(Bind.parse(v));
      } else {
        // A bind's source is a file of the learner's host: the workspace's real directory.
        String real = files.apply(parts[0]);
        binds.add(Bind.parse(real + v.substring(parts[0].length())));
      }
    }
  }

  /** Fills a create request: image, command, config, host config, and the sandbox's labels. */
  CreateContainerCmd fill(CreateContainerCmd create, Map<String, String> sandboxLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String l : cmd.list("label")) {
      int eq = l.indexOf('=');
      labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
    }
    labels.putAll(sandboxLabels);
    create.withLabels(labels);
    if (!command.isEmpty()) {
      create.withCmd(command);
    }
    cmd.string("name").ifPresent(create::withName);
    cmd.string("entrypoint")
        .ifPresent(e -> create.withEntrypoint(e.isEmpty() ? List.of("") : List.of(e)));
    cmd.string("workdir").ifPresent(create::withWorkingDir);
    cmd.string("user").ifPresent(create::withUser);
    cmd.string("hostname").ifPresent(create::withHostName);
    if (!cmd.list("env").isEmpty()) {
      create.withEnv(cmd.list("env"));
    }
    boolean interactive = cmd.bool("interactive");
    create
        .withTty(cmd.bool("tty"))
        .withStdinOpen(interactive)
        // As the CLI sets it when it attaches to stdin (-i, not -d): the container's stdin closes
        // when the attached one does.
        .withStdInOnce(interactive && !detach)
        .withAttachStdin(interactive && !detach)
        .withAttachStdout(!detach)
        .withAttachStderr(!detach);
    List<ExposedPort> exposed = new ArrayList<>();
    List<PortBinding> bindings = new ArrayList<>();
    for (String p : cmd.list("publish")) {
      PortBinding b = PortBinding.parse(p);
      bindings.add(b);
      exposed.add(b.getExposedPort());
    }
    for (String e : cmd.list("expose")) {
      exposed.add(ExposedPort.parse(e.contains("/") ? e : e + "/tcp"));
    }
    if (!exposed.isEmpty()) {
      create.withExposedPorts(exposed);
    }
    host.withPortBindings(bindings).withPublishAllPorts(cmd.bool("publish-all"));
    if (!binds.isEmpty()) {
      host.withBinds(binds);
    }
    if (!anonymous.isEmpty()) {
      create.withVolumes(anonymous);
    }
    cmd.string("network").ifPresent(host::withNetworkMode);
    cmd.string("pid").ifPresent(host::withPidMode);
    // The client speaks an API older than 1.35, for which the daemon would default to a shareable
    // IPC namespace; the 20.10 CLI gets a private one.
    host.withIpcMode(cmd.string("ipc").orElse("private"));
    cmd.string("uts").ifPresent(host::withUtSMode);
    if (cmd.bool("privileged")) {
      host.withPrivileged(true);
    }
    List<Link> links = new ArrayList<>();
    for (String l : cmd.list("link")) {
      links.add(Link.parse(l.contains(":") ? l : l + ":" + l));
    }
    if (!links.isEmpty()) {
      host.withLinks(links);
    }
    // --volumes-from and --mount, checked by the guards before, reach the engine as given.
    List<com.github.dockerjava.api.model.VolumesFrom> from = new ArrayList<>();
    for (String f : cmd.list("volumes-from")) {
      from.add(com.github.dockerjava.api.model.VolumesFrom.parse(f));
    }
    if (!from.isEmpty()) {
      host.withVolumesFrom(from);
    }
    if (!mounts.isEmpty()) {
      host.withMounts(mounts);
    }
    cmd.string("ip").ifPresent(create::withIpv4Address);
    host.withAutoRemove(autoRemove && detach);
    return create.withHostConfig(host);
  }

  private long bytes(String shown, String v) {
    try {
      return Units.ramInBytes(v);
    } catch (IllegalArgumentException e) {
      throw flag(shown, v, e.getMessage());
    }
  }

  private DockerException flag(String shown, String value, String why) {
    return usage(
        cmd, "invalid argument \"" + value + "\" for \"" + shown + "\" flag: " + why, false);
  }

  private static DockerException usage(ParsedCommand cmd, String message) {
    return usage(cmd, message, true);
  }

  private static DockerException usage(ParsedCommand cmd, String message, boolean prefixed) {
    return new DockerException(
        (prefixed ? "docker: " + message + "." : message)
            + "\nSee 'docker "
            + cmd.helpName()
            + " --help'.",
        125);
  }
}
