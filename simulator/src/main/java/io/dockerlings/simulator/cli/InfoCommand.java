package io.dockerlings.simulator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.HostSpec;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker info}: the engine's configuration and counts in the CLI's layout, or through a
 * {@code --format} template.
 *
 * <p>Counts, host and registries come from {@link EngineFacts}. The rest describes the Docker
 * Engine 20.10.24 the goldens were recorded on (overlay2 on extfs, cgroupfs v1, json-file logging,
 * the same plugins, runtimes and versions); the simulator presents itself as that engine. {@code
 * NFd} and {@code NGoroutines} of the JSON are the values that engine reported when idle.
 */
public final class InfoCommand implements CommandHandler {
  private static final List<String> NETWORK_PLUGINS =
      List.of("bridge", "host", "ipvlan", "macvlan", "null", "overlay");
  private static final List<String> LOG_PLUGINS =
      List.of(
          "awslogs",
          "fluentd",
          "gcplogs",
          "gelf",
          "journald",
          "json-file",
          "local",
          "logentries",
          "splunk",
          "syslog");
  // Sorted, as the CLI prints them.
  private static final List<String> RUNTIMES =
      List.of("io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "runc");
  private static final Pattern OS_VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)");
  private static final DateTimeFormatter NANOS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final EngineFacts facts;

  public InfoCommand(EngineFacts facts) {
    this.facts = facts;
  }

  @Override
  public int handle(ParsedCommand command, CommandIo io) {
    Optional<String> format = command.string("format").filter(f -> !f.isEmpty());
    if (format.isPresent()) {
      return Templates.print(format.get(), document(), "", "system.info", io);
    }
    HostSpec host = facts.host();
    StringBuilder b = new StringBuilder();
    b.append("Client:\n Context:    default\n Debug Mode: false\n\nServer:\n");
    b.append(" Containers: ").append(containers()).append('\n');
    b.append("  Running: ").append(facts.containersRunning()).append('\n');
    b.append("  Paused: ").append(facts.containersPaused()).append('\n');
    b.append("  Stopped: ").append(facts.containersStopped()).append('\n');
    b.append(" Images: ").append(facts.images()).append('\n');
    b.append(" Server Version: ").append(VersionCommand.VERSION).append('\n');
    b.append(" Storage Driver: overlay2\n  Backing Filesystem: extfs\n  Supports d_type: true\n");
    b.append("  Native Overlay Diff: true\n  userxattr: false\n");
    b.append(" Logging Driver: json-file\n Cgroup Driver: cgroupfs\n Cgroup Version: 1\n");
    b.append(" Plugins:\n  Volume: local\n  Network: ").append(String.join(" ", NETWORK_PLUGINS));
    b.append("\n  Log: ").append(String.join(" ", LOG_PLUGINS)).append('\n');
    b.append(" Swarm: inactive\n Runtimes: ").append(String.join(" ", RUNTIMES)).append('\n');
    b.append(" Default Runtime: runc\n Init Binary: docker-init\n");
    b.append(" containerd version: ").append(VersionCommand.CONTAINERD_COMMIT).append('\n');
    b.append(" runc version: ").append(VersionCommand.RUNC_COMMIT).append('\n');
    b.append(" init version: \n Security Options:\n  seccomp\n   Profile: default\n");
    b.append(" Kernel Version: ").append(host.kernelRelease()).append('\n');
    b.append(" Operating System: ").append(host.operatingSystem()).append('\n');
    b.append(" OSType: linux\n Architecture: x86_64\n");
    b.append(" CPUs: ").append(host.cpus()).append('\n');
    b.append(" Total Memory: ").append(Units.bytesSize(host.memoryBytes())).append('\n');
    b.append(" Name: ").append(host.hostname()).append('\n');
    b.append(" ID: ").append(facts.engineId()).append('\n');
    b.append(" Docker Root Dir: /var/lib/docker\n Debug Mode: false\n");
    b.append(" Registry: https://index.docker.io/v1/\n Labels:\n");
    facts.labels().forEach(l -> b.append("  ").append(l).append('\n'));
    b.append(" Experimental: false\n Insecure Registries:\n");
    facts.insecureRegistries().forEach(r -> b.append("  ").append(r).append('\n'));
    if (!facts.registryMirrors().isEmpty()) {
      b.append(" Registry Mirrors:\n");
      facts.registryMirrors().forEach(m -> b.append("  ").append(m).append('\n'));
    }
    b.append(" Live Restore Enabled: false\n\n");
    io.out(b.toString());
    facts.warnings().forEach(io::errln);
    return 0;
  }

  private int containers() {
    return facts.containersRunning() + facts.containersPaused() + facts.containersStopped();
  }

  /** The data the template sees, with the field order of the engine's {@code {{json .}}}. */
  ObjectNode document() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    HostSpec host = facts.host();
    ObjectNode root = f.objectNode();
    root.put("ID", facts.engineId())
        .put("Containers", containers())
        .put("ContainersRunning", facts.containersRunning())
        .put("ContainersPaused", facts.containersPaused())
        .put("ContainersStopped", facts.containersStopped())
        .put("Images", facts.images())
        .put("Driver", "overlay2");
    ArrayNode status = root.putArray("DriverStatus");
    status.addArray().add("Backing Filesystem").add("extfs");
    status.addArray().add("Supports d_type").add("true");
    status.addArray().add("Native Overlay Diff").add("true");
    status.addArray().add("userxattr").add("false");
    ObjectNode plugins = root.putObject("Plugins");
    plugins.putArray("Volume").add("local");
    NETWORK_PLUGINS.forEach(plugins.putArray("Network")::add);
    plugins.putNull("Authorization");
    LOG_PLUGINS.forEach(plugins.putArray("Log")::add);
    for (String capability :
        List.of(
            "MemoryLimit",
            "SwapLimit",
            "KernelMemory",
            "KernelMemoryTCP",
            "CpuCfsPeriod",
            "CpuCfsQuota",
            "CPUShares",
            "CPUSet",
            "PidsLimit",
            "IPv4Forwarding",
            "BridgeNfIptables",
            "BridgeNfIp6tables")) {
      root.put(capability, true);
    }
    root.put("Debug", false)
        .put("NFd", 27)
        .put("OomKillDisable", true)
        .put("NGoroutines", 40)
        .put("SystemTime", NANOS.format(facts.now()))
        .put("LoggingDriver", "json-file")
        .put("CgroupDriver", "cgroupfs")
        .put("CgroupVersion", "1")
        .put("NEventsListener", 0)
        .put("KernelVersion", host.kernelRelease())
        .put("OperatingSystem", host.operatingSystem())
        .put("OSVersion", osVersion(host.operatingSystem()))
        .put("OSType", "linux")
        .put("Architecture", "x86_64")
        .put("IndexServerAddress", "https://index.docker.io/v1/");
    root.set("RegistryConfig", registryConfig(f));
    root.put("NCPU", host.cpus()).put("MemTotal", host.memoryBytes()).putNull("GenericResources");
    root.put("DockerRootDir", "/var/lib/docker")
        .put("HttpProxy", "")
        .put("HttpsProxy", "")
        .put("NoProxy", "")
        .put("Name", host.hostname());
    facts.labels().forEach(root.putArray("Labels")::add);
    root.put("ExperimentalBuild", false).put("ServerVersion", VersionCommand.VERSION);
    ObjectNode runtimes = root.putObject("Runtimes");
    RUNTIMES.forEach(r -> runtimes.putObject(r).put("path", "runc"));
    root.put("DefaultRuntime", "runc");
    root.putObject("Swarm")
        .put("NodeID", "")
        .put("NodeAddr", "")
        .put("LocalNodeState", "inactive")
        .put("ControlAvailable", false)
        .put("Error", "")
        .putNull("RemoteManagers");
    root.put("LiveRestoreEnabled", false).put("Isolation", "").put("InitBinary", "docker-init");
    commit(root.putObject("ContainerdCommit"), VersionCommand.CONTAINERD_COMMIT);
    commit(root.putObject("RuncCommit"), VersionCommand.RUNC_COMMIT);
    commit(root.putObject("InitCommit"), "");
    root.putArray("SecurityOptions").add("name=seccomp,profile=default");
    if (facts.warnings().isEmpty()) {
      root.putNull("Warnings");
    } else {
      facts.warnings().forEach(root.putArray("Warnings")::add);
    }
    ObjectNode client = root.putObject("ClientInfo");
    client.put("Debug", false).put("Context", "default");
    client.putArray("Plugins");
    client.putNull("Warnings");
    return root;
  }

  private ObjectNode registryConfig(JsonNodeFactory f) {
    ObjectNode config = f.objectNode();
    config.putArray("AllowNondistributableArtifactsCIDRs");
    config.putArray("AllowNondistributableArtifactsHostnames");
    ArrayNode cidrs = config.putArray("InsecureRegistryCIDRs");
    // Go writes map keys sorted.
    java.util.SortedSet<String> names = new java.util.TreeSet<>(List.of("docker.io"));
    for (String r : facts.insecureRegistries()) {
      if (r.contains("/")) {
        cidrs.add(r);
      } else {
        names.add(r);
      }
    }
    ObjectNode index = config.putObject("IndexConfigs");
    for (String name : names) {
      boolean hub = name.equals("docker.io");
      ObjectNode entry = index.putObject(name).put("Name", name);
      ArrayNode mirrors = entry.putArray("Mirrors");
      if (hub) {
        facts.registryMirrors().forEach(mirrors::add);
      }
      entry.put("Secure", hub).put("Official", hub);
    }
    facts.registryMirrors().forEach(config.putArray("Mirrors")::add);
    return config;
  }

  private static void commit(ObjectNode node, String id) {
    node.put("ID", id).put("Expected", id);
  }

  /** {@code OSVersion}: the version number in the OS name ("Debian GNU/Linux 12 ..." → 12). */
  static String osVersion(String operatingSystem) {
    Matcher m = OS_VERSION.matcher(operatingSystem);
    return m.find() ? m.group(1) : "";
  }
}
