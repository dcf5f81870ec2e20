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
   * @param id the 64-hex container id
   * @param name without the leading slash
   * @param image the image as the user named it ({@code Config.Image})
   * @param imageId the id of the image it was created from ({@code sha256:...})
   * @param status {@code created}, {@code running}, {@code paused}, {@code exited}...
   * @param exitCode the last exit code
   * @param oomKilled whether the kernel's OOM killer ended it
   * @param limits the cgroup settings the engine applied
   * @param ports published ports, sorted
   * @param mounts volumes and binds, sorted by destination
   * @param networks network name to IPv4 address
   * @param config what it runs: command, entrypoint, environment, labels, user, working directory
   * @param restartPolicy {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure} or
   *     {@code on-failure:N}
   */
  public record ContainerState(
      String id,
      String name,
      String image,
      String imageId,
      String status,
      int exitCode,
      boolean oomKilled,
      Limits limits,
      List<Port> ports,
      List<Mount> mounts,
      Map<String, String> networks,
      Config config,
      String restartPolicy) {
    public ContainerState {
      ports = List.copyOf(ports);
      mounts = List.copyOf(mounts);
      networks = java.util.Collections.unmodifiableMap(new TreeMap<>(networks));
    }

    /** The first 12 hex digits of the id, as {@code docker ps} shows it. */
    public String shortId() {
      return id.length() > 12 ? id.substring(0, 12) : id;
    }
  }

  /**
   * One published port.
   *
   * @param containerPort {@code 80/tcp}
   * @param hostIp the host address it is bound to; empty for all
   * @param hostPort the host port; empty or 0 when the engine picks one
   */
  public record Port(String containerPort, String hostIp, String hostPort) {
    /** {@code 80/tcp -> :8080}, the form compare mode shows. */
    public String describe() {
      return containerPort + " -> " + hostIp + ":" + hostPort;
    }
  }

  /**
   * One mount.
   *
   * @param type {@code volume}, {@code bind} or {@code tmpfs}
   * @param name the volume's name; empty for a bind
   * @param source the host path (a bind) or the volume's directory
   * @param destination the path inside the container
   * @param readOnly whether it is mounted {@code :ro}
   * @param anonymous whether it is a volume with a generated name
   */
  public record Mount(
      String type,
      String name,
      String source,
      String destination,
      boolean readOnly,
      boolean anonymous) {
    /**
     * {@code volume:data -> /data}, {@code bind:/srv -> /s:ro}, {@code volume:<anonymous> -> /v}.
     */
    public String describe() {
      String what = type.equals("volume") ? (anonymous ? "<anonymous>" : name) : source;
      return type + ":" + what + " -> " + destination + (readOnly ? ":ro" : "");
    }
  }

  /**
   * What a container or image runs, as its {@code Config} says.
   *
   * @param cmd the command; empty when none
   * @param entrypoint the entrypoint; empty when none
   * @param env {@code KEY=value} entries in order
   * @param labels labels by key
   * @param user the user; empty for the image's default (root)
   * @param workdir the working directory; empty for {@code /}
   * @param exposedPorts {@code 80/tcp}..., sorted
   */
  public record Config(
      List<String> cmd,
      List<String> entrypoint,
      List<String> env,
      Map<String, String> labels,
      String user,
      String workdir,
      List<String> exposedPorts) {
    public Config {
      cmd = List.copyOf(cmd);
      entrypoint = List.copyOf(entrypoint);
      env = List.copyOf(env);
      labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
      exposedPorts = exposedPorts.stream().sorted().toList();
    }

    /** A configuration with nothing set. */
    public static Config none() {
      return new Config(List.of(), List.of(), List.of(), Map.of(), "", "", List.of());
    }

    /** The value of an environment variable, if set. */
    public java.util.Optional<String> envValue(String key) {
      for (String e : env) {
        int eq = e.indexOf('=');
        String k = eq < 0 ? e : e.substring(0, eq);
        if (k.equals(key)) {
          return java.util.Optional.of(eq < 0 ? "" : e.substring(eq + 1));
        }
      }
      return java.util.Optional.empty();
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

  /**
   * One image name.
   *
   * @param reference {@code repository:tag}
   * @param id {@code sha256:} and 64 hex digits
   * @param layers how many layers its root filesystem has
   * @param size its size in bytes, as {@code docker images} adds it up
   * @param config its runtime defaults
   * @param history its steps, oldest first, as {@code docker history} lists them bottom-up
   */
  public record ImageState(
      String reference, String id, int layers, long size, Config config, List<Step> history) {
    public ImageState {
      history = List.copyOf(history);
    }

    /** The steps that made a layer, oldest first: the image's layers with their sizes. */
    public List<Step> layerSteps() {
      return history.stream().filter(s -> !s.emptyLayer()).toList();
    }
  }

  /**
   * One history step of an image.
   *
   * @param createdBy the instruction ({@code /bin/sh -c #(nop) CMD ["sh"]})
   * @param size bytes the step's layer adds
   * @param emptyLayer whether the step only set metadata and made no layer
   */
  public record Step(String createdBy, long size, boolean emptyLayer) {}

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

  /** The container with this name or id (full or a unique prefix of 12 or more), if any. */
  public java.util.Optional<ContainerState> container(String nameOrId) {
    for (ContainerState c : containers) {
      if (c.name().equals(nameOrId)) {
        return java.util.Optional.of(c);
      }
    }
    return containers.stream()
        .filter(c -> nameOrId.length() >= 12 && c.id().startsWith(nameOrId))
        .findFirst();
  }

  /** The image with this reference ({@code busybox} means {@code busybox:latest}), if any. */
  public java.util.Optional<ImageState> image(String reference) {
    String ref = withTag(reference);
    return images.stream().filter(i -> i.reference().equals(ref)).findFirst();
  }

  /** {@code busybox} as {@code busybox:latest}; a reference with a tag unchanged. */
  public static String withTag(String reference) {
    int slash = reference.lastIndexOf('/');
    return reference.indexOf(':', slash + 1) < 0 ? reference + ":latest" : reference;
  }

  /**
   * Reads a snapshot from inspect documents as the Engine API returns them ({@code docker inspect}
   * of containers, images, networks and volumes), without image histories.
   */
  public static EngineSnapshot fromInspect(
      List<? extends JsonNode> containers,
      List<? extends JsonNode> images,
      List<? extends JsonNode> networks,
      List<? extends JsonNode> volumes) {
    return fromInspect(containers, images, Map.of(), networks, volumes);
  }

  /**
   * Reads a snapshot from inspect documents, with each image's history as the Engine API's {@code
   * GET /images/{id}/history} returns it (newest first), keyed by image id.
   */
  public static EngineSnapshot fromInspect(
      List<? extends JsonNode> containers,
      List<? extends JsonNode> images,
      Map<String, ? extends List<? extends JsonNode>> histories,
      List<? extends JsonNode> networks,
      List<? extends JsonNode> volumes) {
    return SnapshotReader.read(containers, images, histories, networks, volumes);
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
    f.put("ports", String.join(", ", c.ports().stream().map(Port::describe).toList()));
    f.put("mounts", String.join(", ", c.mounts().stream().map(Mount::describe).toList()));
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
