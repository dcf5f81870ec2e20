package io.dockerlings.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The part of an engine's state that lessons and compare mode look at, taken from the engine's own
 * inspect documents so that a simulator and a real engine are described by the same code.
 *
 * <p>Everything is immutable and sorted by name, so two snapshots compare with {@code equals} and
 * {@link #differences} lists what is not alike.
 */
public record EngineSnapshot(
    List<ContainerState> containers,
    List<ImageState> images,
    List<NetworkState> networks,
    List<VolumeState> volumes) {

  public EngineSnapshot {
    containers = sorted(containers, ContainerState::name);
    images = sorted(images, ImageState::reference);
    networks = sorted(networks, NetworkState::name);
    volumes = sorted(volumes, VolumeState::name);
  }

  /**
   * One container.
   *
   * @param name without the leading slash
   * @param image the image as the user named it ({@code Config.Image})
   * @param status {@code created}, {@code running}, {@code paused}, {@code exited}...
   * @param exitCode the last exit code
   * @param oomKilled whether the kernel's OOM killer ended it
   * @param limits the cgroup settings the engine applied
   * @param ports published ports as {@code 80/tcp -> :8080}, sorted
   * @param mounts {@code type:name-or-source -> destination[:ro]}, sorted
   * @param networks network name to IPv4 address
   */
  public record ContainerState(
      String name,
      String image,
      String status,
      int exitCode,
      boolean oomKilled,
      Limits limits,
      List<String> ports,
      List<String> mounts,
      Map<String, String> networks) {
    public ContainerState {
      ports = List.copyOf(ports);
      mounts = List.copyOf(mounts);
      networks = java.util.Collections.unmodifiableMap(new TreeMap<>(networks));
    }
  }

  /**
   * A container's cgroup settings, as {@code HostConfig} reports them (0 where not set).
   *
   * @param cpuShares {@code cpu.shares}; 0 means the default 1024
   * @param nanoCpus {@code --cpus} times 10^9
   * @param cpuQuota {@code --cpu-quota} in microseconds
   * @param cpuPeriod {@code --cpu-period} in microseconds
   * @param cpusetCpus {@code --cpuset-cpus}
   * @param memory the memory limit in bytes
   * @param memorySwap memory plus swap in bytes; -1 unlimited
   * @param oomKillDisable whether the OOM killer is off for it
   */
  public record Limits(
      long cpuShares,
      long nanoCpus,
      long cpuQuota,
      long cpuPeriod,
      String cpusetCpus,
      long memory,
      long memorySwap,
      boolean oomKillDisable) {}

  /** One image name and how many layers its root filesystem has. */
  public record ImageState(String reference, int layers) {}

  /** One network: its driver and IPv4 subnets. */
  public record NetworkState(String name, String driver, List<String> subnets) {
    public NetworkState {
      subnets = List.copyOf(subnets);
    }
  }

  /** One volume and its driver. */
  public record VolumeState(String name, String driver) {}

  /** A snapshot of an engine with nothing in it. */
  public static EngineSnapshot empty() {
    return new EngineSnapshot(List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Reads a snapshot from inspect documents as the Engine API returns them ({@code docker inspect}
   * of containers, images, networks and volumes).
   */
  public static EngineSnapshot fromInspect(
      List<? extends JsonNode> containers,
      List<? extends JsonNode> images,
      List<? extends JsonNode> networks,
      List<? extends JsonNode> volumes) {
    List<ContainerState> cs = new ArrayList<>();
    for (JsonNode c : containers) {
      cs.add(container(c));
    }
    List<ImageState> is = new ArrayList<>();
    for (JsonNode i : images) {
      int layers = i.path("RootFS").path("Layers").size();
      for (JsonNode tag : i.path("RepoTags")) {
        is.add(new ImageState(tag.asText(), layers));
      }
    }
    List<NetworkState> ns = new ArrayList<>();
    for (JsonNode n : networks) {
      List<String> subnets = new ArrayList<>();
      for (JsonNode config : n.path("IPAM").path("Config")) {
        String subnet = config.path("Subnet").asText("");
        if (!subnet.isEmpty() && !subnet.contains(":")) {
          subnets.add(subnet);
        }
      }
      ns.add(new NetworkState(n.path("Name").asText(), n.path("Driver").asText(), subnets));
    }
    List<VolumeState> vs = new ArrayList<>();
    for (JsonNode v : volumes) {
      vs.add(new VolumeState(v.path("Name").asText(), v.path("Driver").asText()));
    }
    return new EngineSnapshot(cs, is, ns, vs);
  }

  private static ContainerState container(JsonNode c) {
    JsonNode h = c.path("HostConfig");
    Limits limits =
        new Limits(
            h.path("CpuShares").asLong(),
            h.path("NanoCpus").asLong(),
            h.path("CpuQuota").asLong(),
            h.path("CpuPeriod").asLong(),
            h.path("CpusetCpus").asText(""),
            h.path("Memory").asLong(),
            h.path("MemorySwap").asLong(),
            h.path("OomKillDisable").asBoolean(false));
    List<String> ports = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : h.path("PortBindings").properties()) {
      for (JsonNode b : e.getValue()) {
        ports.add(
            e.getKey()
                + " -> "
                + b.path("HostIp").asText("")
                + ":"
                + b.path("HostPort").asText(""));
      }
    }
    ports.sort(Comparator.naturalOrder());
    List<String> mounts = new ArrayList<>();
    for (JsonNode m : c.path("Mounts")) {
      String type = m.path("Type").asText();
      String what = type.equals("volume") ? m.path("Name").asText() : m.path("Source").asText();
      if (type.equals("volume") && what.matches("[0-9a-f]{64}")) {
        // An anonymous volume's name is random on every engine; its existence is what counts.
        what = "<anonymous>";
      }
      mounts.add(
          type
              + ":"
              + what
              + " -> "
              + m.path("Destination").asText()
              + (m.path("RW").asBoolean(true) ? "" : ":ro"));
    }
    mounts.sort(Comparator.naturalOrder());
    Map<String, String> nets = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : c.path("NetworkSettings").path("Networks").properties()) {
      nets.put(e.getKey(), e.getValue().path("IPAddress").asText(""));
    }
    JsonNode state = c.path("State");
    return new ContainerState(
        c.path("Name").asText().replaceFirst("^/", ""),
        c.path("Config").path("Image").asText(),
        state.path("Status").asText(),
        state.path("ExitCode").asInt(),
        state.path("OOMKilled").asBoolean(false),
        limits,
        ports,
        mounts,
        nets);
  }

  /**
   * What differs from {@code other}, one line each, naming the object and the field: {@code
   * container web: status running ≠ exited}. Empty when the two describe the same state.
   */
  public List<String> differences(EngineSnapshot other) {
    List<String> out = new ArrayList<>();
    compare(out, "container", containers, other.containers, ContainerState::name, this::fields);
    compare(out, "image", images, other.images, ImageState::reference, i -> fieldsOf(i));
    compare(out, "network", networks, other.networks, NetworkState::name, n -> fieldsOf(n));
    compare(out, "volume", volumes, other.volumes, VolumeState::name, v -> fieldsOf(v));
    return out;
  }

  private Map<String, String> fields(ContainerState c) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("image", c.image());
    f.put("status", c.status());
    f.put("exit code", Integer.toString(c.exitCode()));
    f.put("OOMKilled", Boolean.toString(c.oomKilled()));
    Limits l = c.limits();
    f.put("cpu shares", Long.toString(l.cpuShares()));
    f.put("nano cpus", Long.toString(l.nanoCpus()));
    f.put("cpu quota", Long.toString(l.cpuQuota()));
    f.put("cpu period", Long.toString(l.cpuPeriod()));
    f.put("cpuset", l.cpusetCpus());
    f.put("memory", Long.toString(l.memory()));
    f.put("memory+swap", Long.toString(l.memorySwap()));
    f.put("oom-kill-disable", Boolean.toString(l.oomKillDisable()));
    f.put("ports", String.join(", ", c.ports()));
    f.put("mounts", String.join(", ", c.mounts()));
    f.put("networks", c.networks().toString());
    return f;
  }

  private static Map<String, String> fieldsOf(ImageState i) {
    return Map.of("layers", Integer.toString(i.layers()));
  }

  private static Map<String, String> fieldsOf(NetworkState n) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("driver", n.driver());
    f.put("subnets", String.join(", ", n.subnets()));
    return f;
  }

  private static Map<String, String> fieldsOf(VolumeState v) {
    return Map.of("driver", v.driver());
  }

  private static <T> void compare(
      List<String> out,
      String kind,
      List<T> mine,
      List<T> theirs,
      Function<T, String> name,
      Function<T, Map<String, String>> fields) {
    Map<String, T> left = index(mine, name);
    Map<String, T> right = index(theirs, name);
    for (Map.Entry<String, T> e : left.entrySet()) {
      T other = right.get(e.getKey());
      if (other == null) {
        out.add(kind + " " + e.getKey() + ": only on the left");
        continue;
      }
      Map<String, String> a = fields.apply(e.getValue());
      Map<String, String> b = fields.apply(other);
      for (Map.Entry<String, String> field : a.entrySet()) {
        String theirsValue = b.get(field.getKey());
        if (!Objects.equals(field.getValue(), theirsValue)) {
          out.add(
              kind
                  + " "
                  + e.getKey()
                  + ": "
                  + field.getKey()
                  + " "
                  + field.getValue()
                  + " \u2260 "
                  + theirsValue);
        }
      }
    }
    for (String key : right.keySet()) {
      if (!left.containsKey(key)) {
        out.add(kind + " " + key + ": only on the right");
      }
    }
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
    Map<String, T> m = new TreeMap<>();
    for (T item : items) {
      m.put(name.apply(item), item);
    }
    return m;
  }

  private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
    List<T> copy = new ArrayList<>(items);
    copy.sort(Comparator.comparing(name));
    return List.copyOf(copy);
  }
}
