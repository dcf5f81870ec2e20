package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the flags of {@code docker run}/{@code create} and the image's defaults into a container's
 * configuration, with the merge rules the engine applies (user env first, then the image's; {@code
 * --entrypoint} drops the image's CMD; hostname = short id).
 */
final class RunOptions {
  /** The image defaults a container starts from. */
  record ImageDefaults(
      Optional<List<String>> cmd,
      Optional<List<String>> entrypoint,
      List<String> env,
      String workingDir,
      String user,
      SortedSet<String> exposedPorts,
      Map<String, String> labels,
      Optional<String> stopSignal,
      SortedSet<String> volumes) {}

  private RunOptions() {}

  /**
   * Builds the configuration.
   *
   * @param cmd the parsed command; {@code args().get(0)} is the image, the rest the command
   * @param imageName the image as the user typed it
   * @param defaults the image's config
   * @param id the new container's id (its short form is the default hostname)
   * @throws Failure for a bad flag value or a missing command
   */
  static ContainerConfig build(
      ParsedCommand cmd,
      String imageName,
      ImageDefaults defaults,
      String id,
      io.dockerlings.simulator.HostSpec host,
      java.util.function.Function<String, Optional<Container>> containerOf) {
    int hostCpus = host.cpus();
    checkFlags(cmd);
    boolean rm = cmd.bool("rm");
    RestartPolicy restart =
        cmd.string("restart").map(RestartPolicy::parse).orElse(RestartPolicy.NO);
    List<String> userArgs = cmd.args().subList(1, cmd.args().size());
    Optional<List<String>> entrypoint = defaults.entrypoint();
    Optional<List<String>> command = defaults.cmd();
    if (cmd.isSet("entrypoint")) {
      String ep = cmd.string("entrypoint", "");
      entrypoint = ep.isEmpty() ? Optional.empty() : Optional.of(List.of(ep));
      command = Optional.empty();
    }
    if (!userArgs.isEmpty()) {
      command = Optional.of(userArgs);
    }
    if (entrypoint.orElse(List.of()).isEmpty() && command.orElse(List.of()).isEmpty()) {
      throw Failure.daemon("No command specified");
    }
    SortedSet<String> exposed = new TreeSet<>(defaults.exposedPorts());
    for (String e : cmd.list("expose")) {
      for (PortBinding b : Ports.parse(e)) {
        exposed.add(b.key());
      }
    }
    List<PortBinding> bindings = new ArrayList<>();
    for (String p : cmd.list("publish")) {
      List<PortBinding> parsed = Ports.parse(p);
      bindings.addAll(parsed);
      parsed.forEach(b -> exposed.add(b.key()));
    }
    TreeMap<String, String> labels = new TreeMap<>(defaults.labels());
    for (String l : cmd.list("label")) {
      int eq = l.indexOf('=');
      labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
    }
    String network = cmd.string("network", "default");
    boolean interactive = cmd.bool("interactive");
    boolean detach = cmd.bool("detach");
    boolean sharesHostName =
        cmd.string("uts", "").equals("host") || cmd.string("network", "").equals("host");
    Optional<Container> netDonor = ContainerConfig.Isolation.donor(network).flatMap(containerOf);
    String hostname =
        cmd.string(
            "hostname",
            netDonor
                .map(d -> d.config.hostname())
                .orElse(sharesHostName ? host.hostname() : Ids.shortId(id)));
    Optional<Integer> stopTimeout = Optional.empty();
    if (cmd.isSet("stop-timeout")) {
      // The flag parser has checked the value (and refused what is not a number).
      stopTimeout = Optional.of(cmd.intValue("stop-timeout", 10));
    }
    return new ContainerConfig(
        imageName,
        hostname,
        "",
        cmd.string("user", defaults.user()),
        cmd.bool("tty"),
        interactive,
        interactive,
        !detach,
        !detach,
        mergeEnv(cmd.list("env"), defaults.env()),
        command,
        entrypoint,
        cmd.string("workdir", defaults.workingDir()),
        labels,
        exposed,
        cmd.string("stop-signal").or(defaults::stopSignal),
        stopTimeout,
        rm,
        restart,
        bindings,
        cmd.bool("publish-all"),
        network,
        Privileges.of(cmd.bool("privileged"), cmd.list("cap-add"), cmd.list("cap-drop")),
        limits(cmd, hostCpus),
        List.of(),
        cmd.string("ip", ""),
        new ContainerConfig.Isolation(
            cmd.string("pid", "").equals("host"),
            cmd.string("uts", "").equals("host"),
            cmd.string("ipc", "").equals("host"),
            namespaceMode(cmd.string("pid", ""), "", containerOf),
            namespaceMode(cmd.string("ipc", ""), "private", containerOf)),
        declaredVolumes(cmd, defaults),
        // Named volumes and binds, as the user wrote them: HostConfig.Binds.
        cmd.list("volume").stream().filter(v -> v.contains(":")).toList(),
        // The --mount values: HostConfig.Mounts.
        cmd.list("mount"));
  }

  /**
   * A {@code --pid} or {@code --ipc} value as inspect shows it: a donor container by its full id.
   */
  private static String namespaceMode(
      String value,
      String fallback,
      java.util.function.Function<String, Optional<Container>> containerOf) {
    Optional<String> donor = ContainerConfig.Isolation.donor(value);
    if (donor.isPresent()) {
      Container c =
          containerOf
              .apply(donor.get())
              .orElseThrow(() -> Failure.daemon("No such container: " + donor.get()));
      return "container:" + c.id;
    }
    return value.isEmpty() ? fallback : value;
  }

  /**
   * Config.Volumes: the image's VOLUMEs and the anonymous {@code -v /path} ones; named volumes and
   * binds go to HostConfig.Binds instead, and --volumes-from mounts to HostConfig.VolumesFrom.
   */
  private static java.util.SortedSet<String> declaredVolumes(
      ParsedCommand cmd, ImageDefaults defaults) {
    java.util.SortedSet<String> out = new java.util.TreeSet<>(defaults.volumes());
    cmd.list("volume").stream().filter(v -> !v.contains(":")).forEach(out::add);
    return out;
  }

  /** Memory, CPU quota and shares, checked as the daemon checks them on this host. */
  static ContainerConfig.Limits limits(ParsedCommand cmd, int host) {
    Resources asked = Resources.fromFlags(cmd);
    asked.verify(host, false);
    // The kernel of the machine mirrored here has no blkio weight: the daemon discards it.
    return asked.toLimits(
        0, cmd.bool("oom-kill-disable"), cmd.list("device-read-bps"), cmd.list("device-write-bps"));
  }

  /** Sizes as the CLI reads them for -m: 64m, 1g, 512k, 100b, 1.5g. */
  static long bytes(String v) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)i?b?")
            .matcher(v.trim());
    if (!m.matches()) {
      throw Failure.client("invalid size: '" + v + "'");
    }
    double n = Double.parseDouble(m.group(1));
    int power =
        "bkmgtp"
            .indexOf(m.group(2).isEmpty() ? "b" : m.group(2).toLowerCase(java.util.Locale.ROOT));
    return goInt64(n * Math.pow(1024, power));
  }

  /**
   * Go's conversion of a float to int64 on amd64: a value beyond the range becomes the smallest
   * int64, so a size too large for the engine arrives negative.
   */
  static long goInt64(double v) {
    return v >= 0x1p63 || v < -0x1p63 || Double.isNaN(v) ? Long.MIN_VALUE : (long) v;
  }

  /** The checks that need no image: done before a pull, as the CLI does them first. */
  static void checkFlags(ParsedCommand cmd) {
    checkClientFlags(cmd);
    checkDaemonFlags(cmd);
    cmd.list("volume").forEach(v -> Volumes.parse(v, "check"));
  }

  /** The CLI's own checks of the flags, made before it reads the image reference. */
  static void checkClientFlags(ParsedCommand cmd) {
    // The CLI parses the policy's form, then checks the conflict; the daemon judges the name.
    String rawRestart = cmd.string("restart", "");
    try {
      RestartPolicy.parse(rawRestart);
    } catch (Failure f) {
      if (f.side() == Failure.Side.CLIENT) {
        throw f;
      }
    }
    if (cmd.bool("rm") && !rawRestart.isEmpty() && !rawRestart.equals("no")) {
      throw Failure.client("Conflicting options: --restart and --rm");
    }
    String pid = cmd.string("pid", "");
    if (!pid.isEmpty() && !pid.equals("host") && !pid.matches("container:.+")) {
      throw Failure.client("--pid: invalid PID mode");
    }
    String uts = cmd.string("uts", "");
    if (!uts.isEmpty() && !uts.equals("host")) {
      throw Failure.client("--uts: invalid UTS mode");
    }
    cmd.list("publish").forEach(Ports::parse);
    cmd.list("expose").forEach(Ports::parse);
    mergeEnv(cmd.list("env"), List.of());
    if (cmd.string("log-driver", "").equals("none") && !cmd.list("log-opt").isEmpty()) {
      throw Failure.client("invalid logging opts for driver none");
    }
  }

  /** The logging drivers the daemon has built in; any other name is looked up as a plugin. */
  static final java.util.Set<String> LOG_DRIVERS =
      java.util.Set.of(
          "json-file",
          "local",
          "none",
          "syslog",
          "journald",
          "gelf",
          "fluentd",
          "awslogs",
          "splunk",
          "etwlogs",
          "gcplogs",
          "logentries");

  /**
   * Whether {@code docker logs} can read a container's output back. Since 20.10 the daemon keeps a
   * local cache beside any remote driver (dual logging), so only {@code none} and a disabled cache
   * leave nothing to read.
   */
  static boolean readsBack(String driver, java.util.Map<String, String> options) {
    boolean cacheOff = options.getOrDefault("cache-disabled", "false").equals("true");
    return !driver.equals("none")
        && (!cacheOff || java.util.Set.of("json-file", "local", "journald").contains(driver));
  }

  /**
   * The daemon's first checks of a create request, in its order: the working directory, then the
   * restart policy. Resource limits, the name and the volumes come after them.
   */
  static void checkDaemonFlags(ParsedCommand cmd) {
    cmd.string("workdir")
        .filter(w -> !w.isEmpty() && !w.startsWith("/"))
        .ifPresent(
            w -> {
              throw Failure.daemon(
                  "the working directory '" + w + "' is invalid, it needs to be an absolute path");
            });
    cmd.string("restart").ifPresent(RestartPolicy::parse);
    for (String opt : cmd.list("storage-opt")) {
      if (opt.startsWith("size=")) {
        // overlay2 enforces a size only on xfs mounted with pquota; the course engine's is ext4.
        throw Failure.daemon(
            "--storage-opt is supported only for overlay over xfs with 'pquota' mount option");
      }
    }
    if (cmd.string("shm-size").map(io.dockerlings.simulator.cli.Units::ramInBytes).orElse(0L) < 0) {
      throw Failure.daemon("SHM size can not be less than 0");
    }
  }

  /**
   * The user's variables first, then the image's that the user did not set. A bare {@code -e NAME}
   * takes NAME's value from the client's environment, which the simulator does not have, so such a
   * name is dropped as the CLI drops unset ones.
   */
  static List<String> mergeEnv(List<String> user, List<String> image) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (String e : user) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        merged.put(e.substring(0, eq), e);
      } else if (eq == 0) {
        throw Failure.client("invalid environment variable: " + e);
      }
    }
    for (String e : image) {
      int eq = e.indexOf('=');
      String key = eq < 0 ? e : e.substring(0, eq);
      merged.putIfAbsent(key, e);
    }
    return new ArrayList<>(merged.values());
  }
}
