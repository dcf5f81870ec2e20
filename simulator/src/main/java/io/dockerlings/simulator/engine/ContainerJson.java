package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The document {@code docker inspect} prints for a container, with the engine's keys in the
 * engine's order, so templates written for the real engine work here unchanged.
 */
final class ContainerJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String ROOT = "/var/lib/docker/containers/";

  private ContainerJson() {}

  /** Go's RFC 3339 with nanoseconds, trailing zeros trimmed, as the engine prints times. */
  static String time(Instant t) {
    if (t.equals(Container.ZERO_TIME)) {
      return "0001-01-01T00:00:00Z";
    }
    String s = DateTimeFormatter.ISO_INSTANT.format(t);
    if (s.contains(".")) {
      s = s.replaceAll("0+Z$", "Z").replace(".Z", "Z");
    }
    return s;
  }

  static ObjectNode of(Container c, Engine engine) {
    ObjectNode o = F.objectNode();
    o.put("Id", c.id);
    o.put("Created", time(c.created));
    List<String> command = c.config.command();
    o.put("Path", command.isEmpty() ? "" : command.get(0));
    ArrayNode args = o.putArray("Args");
    command.stream().skip(1).forEach(args::add);
    o.set("State", state(c));
    o.put("Image", c.imageId);
    o.put("ResolvConfPath", ROOT + c.id + "/resolv.conf");
    o.put("HostnamePath", ROOT + c.id + "/hostname");
    o.put("HostsPath", ROOT + c.id + "/hosts");
    o.put("LogPath", ROOT + c.id + "/" + c.id + "-json.log");
    o.put("Name", "/" + c.name);
    o.put("RestartCount", c.restartCount);
    o.put("Driver", "overlay2");
    o.put("Platform", "linux");
    o.put("MountLabel", "");
    o.put("ProcessLabel", "");
    o.put("AppArmorProfile", "");
    if (c.execIds.isEmpty()) {
      o.putNull("ExecIDs");
    } else {
      ArrayNode execs = o.putArray("ExecIDs");
      c.execIds.forEach(execs::add);
    }
    o.set("HostConfig", hostConfig(c));
    o.set("GraphDriver", graphDriver(c));
    ArrayNode mounts = o.putArray("Mounts");
    for (Volumes.Mount m : c.config.mounts()) {
      if (m.fromTmpfsFlag()) {
        continue;
      }
      ObjectNode j = mounts.addObject();
      j.put("Type", m.type());
      if (m.type().equals("volume")) {
        j.put("Name", m.name());
        j.put("Source", "/var/lib/docker/volumes/" + m.name() + "/_data");
      } else {
        j.put("Source", m.source());
      }
      j.put("Destination", m.destination());
      if (m.type().equals("volume")) {
        j.put("Driver", "local");
      }
      j.put("Mode", m.mode());
      j.put("RW", !m.readOnly());
      j.put(
          "Propagation",
          m.type().equals("bind")
              ? MountFlags.propagation(c.config.mountFlags(), m.destination()).orElse("rprivate")
              : "");
    }
    o.set("Config", config(c));
    o.set("NetworkSettings", network(c, engine));
    return o;
  }

  private static ObjectNode state(Container c) {
    ObjectNode s = F.objectNode();
    s.put("Status", c.status.label());
    s.put("Running", c.status == ContainerStatus.RUNNING || c.status == ContainerStatus.PAUSED);
    s.put("Paused", c.status == ContainerStatus.PAUSED);
    s.put("Restarting", c.status == ContainerStatus.RESTARTING);
    s.put("OOMKilled", c.oomKilled);
    s.put("Dead", c.status == ContainerStatus.DEAD);
    s.put(
        "Pid",
        c.workload()
            .map(w -> w.processes().isEmpty() ? 0 : w.processes().get(0).hostPid())
            .orElse(0));
    s.put("ExitCode", c.exitCode);
    s.put("Error", c.error);
    s.put("StartedAt", time(c.startedAt));
    s.put("FinishedAt", time(c.finishedAt));
    return s;
  }

  private static ObjectNode hostConfig(Container c) {
    ContainerConfig k = c.config;
    ObjectNode h = F.objectNode();
    if (k.binds().isEmpty()) {
      h.putNull("Binds");
    } else {
      ArrayNode binds = h.putArray("Binds");
      k.binds().forEach(binds::add);
    }
    h.put("ContainerIDFile", "");
    ObjectNode log = h.putObject("LogConfig");
    log.put("Type", c.logDriver);
    ObjectNode logConfig = log.putObject("Config");
    c.logOptions.forEach(logConfig::put);
    h.put("NetworkMode", k.networkMode());
    ObjectNode bindings = h.putObject("PortBindings");
    for (PortBinding b : k.portBindings()) {
      ArrayNode list =
          bindings.has(b.key()) ? (ArrayNode) bindings.get(b.key()) : bindings.putArray(b.key());
      ObjectNode one = list.addObject();
      one.put("HostIp", b.hostIp());
      one.put("HostPort", b.hostPort() == 0 ? "" : Integer.toString(b.hostPort()));
    }
    ObjectNode restart = h.putObject("RestartPolicy");
    restart.put("Name", k.restartPolicy().name());
    restart.put("MaximumRetryCount", k.restartPolicy().maximumRetryCount());
    h.put("AutoRemove", k.autoRemove());
    h.put("VolumeDriver", "");
    h.putNull("VolumesFrom");
    capabilities(h, "CapAdd", k.privileges().capAdd());
    capabilities(h, "CapDrop", k.privileges().capDrop());
    h.put("CgroupnsMode", "host");
    h.putArray("Dns");
    h.putArray("DnsOptions");
    h.putArray("DnsSearch");
    h.putNull("ExtraHosts");
    h.putNull("GroupAdd");
    h.put("IpcMode", k.isolation().ipcMode());
    h.put("Cgroup", "");
    h.putNull("Links");
    h.put("OomScoreAdj", 0);
    h.put("PidMode", k.isolation().pidMode());
    h.put("Privileged", k.privileges().privileged());
    h.put("PublishAllPorts", k.publishAllPorts());
    h.put("ReadonlyRootfs", false);
    h.putNull("SecurityOpt");
    if (k.mounts().stream().anyMatch(Volumes.Mount::fromTmpfsFlag)) {
      ObjectNode tmpfs = h.putObject("Tmpfs");
      k.mounts().stream()
          .filter(Volumes.Mount::fromTmpfsFlag)
          .forEach(m -> tmpfs.put(m.destination(), m.source()));
    }
    h.put("UTSMode", "");
    h.put("UsernsMode", "");
    h.put("ShmSize", 67108864L);
    h.put("Runtime", "runc");
    ArrayNode console = h.putArray("ConsoleSize");
    console.add(0).add(0);
    h.put("Isolation", "");
    h.put("CpuShares", k.limits().cpuShares());
    h.put("Memory", k.limits().memory());
    h.put("NanoCpus", k.limits().nanoCpus());
    h.put("CgroupParent", "");
    h.put("BlkioWeight", k.limits().blkioWeight());
    h.putArray("BlkioWeightDevice");
    throttle(h, "BlkioDeviceReadBps", k.limits().deviceReadBps());
    throttle(h, "BlkioDeviceWriteBps", k.limits().deviceWriteBps());
    h.putNull("BlkioDeviceReadIOps");
    h.putNull("BlkioDeviceWriteIOps");
    h.put("CpuPeriod", k.limits().cpuPeriod());
    h.put("CpuQuota", k.limits().cpuQuota());
    h.put("CpuRealtimePeriod", 0);
    h.put("CpuRealtimeRuntime", 0);
    h.put("CpusetCpus", k.limits().cpusetCpus());
    h.put("CpusetMems", "");
    h.putArray("Devices");
    h.putNull("DeviceCgroupRules");
    h.putNull("DeviceRequests");
    h.put("KernelMemory", 0);
    h.put("KernelMemoryTCP", 0);
    h.put("MemoryReservation", 0);
    h.put("MemorySwap", k.limits().memorySwap());
    h.putNull("MemorySwappiness");
    h.put("OomKillDisable", k.limits().oomKillDisable());
    h.putNull("PidsLimit");
    h.putNull("Ulimits");
    h.put("CpuCount", 0);
    h.put("CpuPercent", 0);
    h.put("IOMaximumIOps", 0);
    h.put("IOMaximumBandwidth", 0);
    if (!k.mountFlags().isEmpty()) {
      h.set("Mounts", MountFlags.json(k.mountFlags()));
    }
    if (k.privileges().privileged()) {
      // A privileged container sees all of /proc and /sys: nothing is masked or read-only.
      h.putNull("MaskedPaths");
      h.putNull("ReadonlyPaths");
      return h;
    }
    ArrayNode masked = h.putArray("MaskedPaths");
    for (String p :
        List.of(
            "/proc/asound",
            "/proc/acpi",
            "/proc/kcore",
            "/proc/keys",
            "/proc/latency_stats",
            "/proc/timer_list",
            "/proc/timer_stats",
            "/proc/sched_debug",
            "/proc/scsi",
            "/sys/firmware")) {
      masked.add(p);
    }
    ArrayNode ro = h.putArray("ReadonlyPaths");
    for (String p :
        List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger")) {
      ro.add(p);
    }
    return h;
  }

  /** {@code --cap-add}/{@code --cap-drop} as typed, or null when none was given. */
  private static void capabilities(ObjectNode h, String key, List<String> names) {
    if (names.isEmpty()) {
      h.putNull(key);
      return;
    }
    ArrayNode list = h.putArray(key);
    names.forEach(list::add);
  }

  /** {@code --device-read-bps /dev/sda:1mb} as inspect lists it: path and bytes per second. */
  private static void throttle(ObjectNode h, String key, List<String> specs) {
    if (specs.isEmpty()) {
      h.putNull(key);
      return;
    }
    ArrayNode list = h.putArray(key);
    for (String spec : specs) {
      int colon = spec.lastIndexOf(':');
      ObjectNode one = list.addObject();
      one.put("Path", colon < 0 ? spec : spec.substring(0, colon));
      one.put("Rate", colon < 0 ? 0 : RunOptions.bytes(spec.substring(colon + 1)));
    }
  }

  private static ObjectNode graphDriver(Container c) {
    ObjectNode g = F.objectNode();
    ObjectNode data = g.putObject("Data");
    String dir = "/var/lib/docker/overlay2/" + c.files.layerDirId();
    data.put("LowerDir", dir + "-init/diff:" + c.files.lowerDirs());
    data.put("MergedDir", dir + "/merged");
    data.put("UpperDir", dir + "/diff");
    data.put("WorkDir", dir + "/work");
    g.put("Name", "overlay2");
    return g;
  }

  private static ObjectNode config(Container c) {
    ContainerConfig k = c.config;
    ObjectNode o = F.objectNode();
    o.put("Hostname", k.hostname());
    o.put("Domainname", k.domainname());
    o.put("User", k.user());
    o.put("AttachStdin", k.attachStdin());
    o.put("AttachStdout", k.attachStdout());
    o.put("AttachStderr", k.attachStderr());
    if (!k.exposedPorts().isEmpty()) {
      ObjectNode ports = o.putObject("ExposedPorts");
      k.exposedPorts().forEach(p -> ports.putObject(p));
    }
    o.put("Tty", k.tty());
    o.put("OpenStdin", k.openStdin());
    o.put("StdinOnce", k.openStdin() && k.attachStdin());
    ArrayNode env = o.putArray("Env");
    k.env().forEach(env::add);
    putList(o, "Cmd", k.cmd());
    o.put("Image", k.image());
    if (k.volumes().isEmpty()) {
      o.putNull("Volumes");
    } else {
      ObjectNode volumes = o.putObject("Volumes");
      k.volumes().forEach(volumes::putObject);
    }
    o.put("WorkingDir", k.workingDir());
    putList(o, "Entrypoint", k.entrypoint());
    o.putNull("OnBuild");
    ObjectNode labels = o.putObject("Labels");
    k.labels().forEach(labels::put);
    k.stopSignal().ifPresent(s -> o.put("StopSignal", s));
    k.stopTimeout().ifPresent(t -> o.put("StopTimeout", t));
    return o;
  }

  private static void putList(ObjectNode o, String key, Optional<List<String>> value) {
    if (value.isEmpty()) {
      o.putNull(key);
      return;
    }
    ArrayNode a = o.putArray(key);
    value.get().forEach(a::add);
  }

  private static ObjectNode network(Container c, Engine engine) {
    ObjectNode n = F.objectNode();
    Network.Endpoint bridged = c.endpoints.get("bridge");
    n.put("Bridge", "");
    n.put("SandboxID", c.isRunning() ? sandboxId(c) : "");
    n.put("HairpinMode", false);
    n.put("LinkLocalIPv6Address", "");
    n.put("LinkLocalIPv6PrefixLen", 0);
    ObjectNode ports = n.putObject("Ports");
    if (c.isRunning()) {
      for (String key : c.config.exposedPorts()) {
        List<Ports.Published> bound =
            c.published.stream().filter(p -> p.key().equals(key)).toList();
        if (bound.isEmpty()) {
          ports.putNull(key);
        } else {
          ArrayNode list = ports.putArray(key);
          for (Ports.Published p : bound) {
            ObjectNode one = list.addObject();
            one.put("HostIp", p.hostIp());
            one.put("HostPort", Integer.toString(p.hostPort()));
          }
        }
      }
    }
    n.put(
        "SandboxKey",
        c.isRunning() ? "/var/run/docker/netns/" + sandboxId(c).substring(0, 12) : "");
    n.putNull("SecondaryIPAddresses");
    n.putNull("SecondaryIPv6Addresses");
    // The top-level fields describe the default bridge only, as the engine fills them.
    n.put("EndpointID", bridged != null ? bridged.endpointId() : "");
    n.put("Gateway", bridged != null ? bridged.gateway() : "");
    n.put("GlobalIPv6Address", "");
    n.put("GlobalIPv6PrefixLen", 0);
    n.put("IPAddress", bridged != null ? bridged.ipAddress() : "");
    n.put("IPPrefixLen", bridged != null ? bridged.prefix() : 0);
    n.put("IPv6Gateway", "");
    n.put("MacAddress", bridged != null ? bridged.macAddress() : "");
    ObjectNode networks = n.putObject("Networks");
    List<String> names = new java.util.ArrayList<>(List.of(c.config.networkName()));
    names.addAll(c.extraNetworks);
    for (String name : names) {
      Network.Endpoint ep = c.endpoints.get(name);
      ObjectNode net = networks.putObject(name);
      boolean user = engine.networks().find(name).map(x -> !x.builtIn).orElse(false);
      if (user && !c.config.requestedIp().isEmpty() && name.equals(c.config.networkName())) {
        net.putObject("IPAMConfig").put("IPv4Address", c.config.requestedIp());
      } else {
        net.putNull("IPAMConfig");
      }
      net.putNull("Links");
      if (user) {
        net.putArray("Aliases").add(c.shortId());
      } else {
        net.putNull("Aliases");
      }
      net.put("NetworkID", engine.networkId(name));
      net.put("EndpointID", ep != null ? ep.endpointId() : "");
      net.put("Gateway", ep != null ? ep.gateway() : "");
      net.put("IPAddress", ep != null ? ep.ipAddress() : "");
      net.put("IPPrefixLen", ep != null ? ep.prefix() : 0);
      net.put("IPv6Gateway", "");
      net.put("GlobalIPv6Address", "");
      net.put("GlobalIPv6PrefixLen", 0);
      net.put("MacAddress", ep != null ? ep.macAddress() : "");
      net.putNull("DriverOpts");
    }
    return n;
  }

  private static String sandboxId(Container c) {
    // Stable per container and run, derived rather than stored: it only needs to look real.
    return String.format("%08x", c.id.hashCode() ^ c.startedAt.hashCode()).repeat(8);
  }
}
