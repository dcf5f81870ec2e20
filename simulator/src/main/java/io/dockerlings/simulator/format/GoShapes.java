package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.format.GoValue.Kind;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides which Go kind each JSON node stands for: in the typed pass, objects are structs unless
 * reached through a known map field, and nulls are nil slices, maps or pointers by field name; in
 * the raw pass (inspect's fallback over decoded JSON), objects are maps, numbers are json.Number
 * and every value sits in an {@code interface {}}.
 *
 * <p>The typed pass also restores the fields Go's JSON encoder omitted ({@code omitempty}) from the
 * structs users print most, so {@code {{.State}}} and {@code {{.Config}}} list every field as Go
 * does and {@code {{.State.Health}}} prints {@code <nil>}.
 */
final class GoShapes {
  private static final String CONFIG =
      "Hostname Domainname User AttachStdin AttachStdout AttachStderr ExposedPorts=nil Tty"
          + " OpenStdin StdinOnce Env Cmd Healthcheck=nil ArgsEscaped=false Image Volumes WorkingDir"
          + " Entrypoint NetworkDisabled=false MacAddress= OnBuild Labels StopSignal= StopTimeout=nil"
          + " Shell=nil";

  private static final String HOST_CONFIG =
      "Binds ContainerIDFile LogConfig NetworkMode PortBindings RestartPolicy AutoRemove"
          + " VolumeDriver VolumesFrom CapAdd CapDrop CgroupnsMode Dns DnsOptions DnsSearch"
          + " ExtraHosts GroupAdd IpcMode Cgroup Links OomScoreAdj PidMode Privileged"
          + " PublishAllPorts ReadonlyRootfs SecurityOpt UTSMode UsernsMode ShmSize Runtime"
          + " ConsoleSize Isolation CpuShares Memory NanoCpus CgroupParent BlkioWeight"
          + " BlkioWeightDevice BlkioDeviceReadBps BlkioDeviceWriteBps BlkioDeviceReadIOps"
          + " BlkioDeviceWriteIOps CpuPeriod CpuQuota CpuRealtimePeriod CpuRealtimeRuntime"
          + " CpusetCpus CpusetMems Devices DeviceCgroupRules DeviceRequests KernelMemory"
          + " KernelMemoryTCP MemoryReservation MemorySwap MemorySwappiness OomKillDisable"
          + " PidsLimit Ulimits CpuCount CpuPercent IOMaximumIOps IOMaximumBandwidth Mounts=nil"
          + " MaskedPaths ReadonlyPaths";

  /**
   * Field order of docker 20.10 structs; "Name=zero" marks fields JSON omits when empty, "Name@" a
   * time.Time field (printed with Go's Time.String).
   */
  private static final Map<String, String> STRUCTS =
      Map.ofEntries(
          Map.entry(
              "State",
              "Status Running Paused Restarting OOMKilled Dead Pid ExitCode Error StartedAt"
                  + " FinishedAt Health=nil"),
          Map.entry("Config", CONFIG),
          Map.entry("ContainerConfig", CONFIG),
          Map.entry("RootFS", "Type Layers BaseLayer="),
          Map.entry("Metadata", "LastTagTime@"),
          Map.entry(
              "<network>",
              "Name Id Created@ Scope Driver EnableIPv6 IPAM Internal Attachable Ingress ConfigFrom"
                  + " ConfigOnly Containers Options Labels Peers=nil Services=nil"),
          Map.entry("<ipam-config>", "Subnet IPRange= Gateway= AuxAddress=nil"),
          Map.entry(
              "<image>",
              "Id RepoTags RepoDigests Parent Comment Created Container ContainerConfig"
                  + " DockerVersion Author Config Architecture Variant= Os OsVersion= Size"
                  + " VirtualSize GraphDriver RootFS Metadata"),
          Map.entry(
              "<volume>",
              "CreatedAt Driver Labels Mountpoint Name Options Scope Status=nil UsageData=nil"),
          Map.entry(
              "<container>",
              "Id Created Path Args State Image ResolvConfPath HostnamePath HostsPath LogPath"
                  + " Node=nil Name RestartCount Driver Platform MountLabel ProcessLabel"
                  + " AppArmorProfile ExecIDs HostConfig GraphDriver SizeRw=nil SizeRootFs=nil"
                  + " Mounts Config NetworkSettings"),
          // Only the field JSON leaves out when a container has no --mount, in its place.
          Map.entry("HostConfig", HOST_CONFIG),
          // One --mount value (mount.Mount), an element of HostConfig.Mounts.
          Map.entry(
              "<mount>",
              "Type Source= Target ReadOnly=false Consistency= BindOptions=nil VolumeOptions=nil"
                  + " TmpfsOptions=nil"));

  /** Completed struct nodes mapped to the JSON they were built from (for the json function). */
  private final Map<JsonNode, JsonNode> originals = new IdentityHashMap<>();

  /** Completed struct nodes mapped to their time.Time fields. */
  private final Map<JsonNode, Set<String>> timeFields = new IdentityHashMap<>();

  private final boolean raw;
  private final Set<String> mapFields;
  private final Set<String> pointerFields;

  GoShapes(boolean raw, Set<String> mapFields, Set<String> pointerFields) {
    this.raw = raw;
    this.mapFields = mapFields;
    this.pointerFields = pointerFields;
  }

  boolean raw() {
    return raw;
  }

  /** The root object of a typed run, completed when it looks like a container or an image. */
  GoValue root(JsonNode node) {
    if (raw || !node.isObject()) {
      return of(node, null);
    }
    if (node.has("RepoTags") && node.has("RootFS")) {
      return new GoValue(complete(node, STRUCTS.get("<image>")), Kind.STRUCT, "struct", true, "");
    }
    if (node.has("IPAM") && node.has("Containers")) {
      return new GoValue(
          complete(node, STRUCTS.get("<network>")), Kind.STRUCT, "struct", false, "");
    }
    if (node.has("Mountpoint") && node.has("Scope")) {
      return new GoValue(complete(node, STRUCTS.get("<volume>")), Kind.STRUCT, "struct", false, "");
    }
    if (node.has("State") && node.has("HostConfig")) {
      return new GoValue(
          complete(node, STRUCTS.get("<container>")), Kind.STRUCT, "struct", true, "");
    }
    return of(node, null);
  }

  /** The value of a struct field or map entry named {@code key} holding {@code node}. */
  GoValue child(GoValue parent, String key, JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return GoValue.MISSING_VALUE;
    }
    if (parent.kind() != Kind.STRUCT) {
      if (node.isNull() && !raw && parent.type().equals("nat.PortMap")) {
        // A port with no bindings holds a nil []PortBinding.
        return new GoValue(node, Kind.NIL_SLICE, "[]nat.PortBinding", false, "");
      }
      return of(node, null);
    }
    if (node.isTextual() && timeFields.getOrDefault(parent.node(), Set.of()).contains(key)) {
      // A time.Time field: printed with Time.String, marshalled as its JSON text.
      return new GoValue(node, Kind.STRING, GoValue.TIME, false, key);
    }
    String qualified = parent.field().isEmpty() ? key : parent.field() + "." + key;
    return of(node, mapFields.contains(qualified) ? qualified : key);
  }

  /** An element of a slice (or a map value). */
  GoValue element(JsonNode node) {
    return of(node, null);
  }

  /** A value held by struct field {@code field} (null when not reached through a field). */
  GoValue of(JsonNode node, String field) {
    if (raw) {
      String iface = "interface {}";
      if (node.isObject()) {
        return new GoValue(node, Kind.MAP, iface, false, "");
      } else if (node.isArray()) {
        return new GoValue(node, Kind.SLICE, iface, false, "");
      } else if (node.isTextual()) {
        return new GoValue(node, Kind.STRING, iface, false, "");
      } else if (node.isNumber()) {
        return new GoValue(node, Kind.NUMBER_TEXT, iface, false, "");
      } else if (node.isBoolean()) {
        return new GoValue(node, Kind.BOOL, iface, false, "");
      }
      return new GoValue(node, Kind.NIL, iface, false, "");
    }
    boolean isMap = field != null && mapFields.contains(field);
    boolean isPointer = field != null && !isMap && pointerFields.contains(field);
    String name = field == null ? "" : field.substring(field.lastIndexOf('.') + 1);
    if (node.isObject()) {
      if (!isMap && field != null && STRUCTS.containsKey(name)) {
        node = complete(node, STRUCTS.get(name));
      } else if (field == null && node.has("Subnet")) {
        node = complete(node, STRUCTS.get("<ipam-config>"));
      } else if (field == null && node.has("Type") && node.has("Target")) {
        node = complete(node, STRUCTS.get("<mount>"));
      }
      return isMap
          ? new GoValue(node, Kind.MAP, mapType(name), false, name)
          : new GoValue(node, Kind.STRUCT, "struct", isPointer, name);
    } else if (node.isArray()) {
      return new GoValue(node, Kind.SLICE, sliceType(node), false, name);
    } else if (node.isTextual()) {
      return new GoValue(node, Kind.STRING, "string", false, name);
    } else if (node.isIntegralNumber()) {
      return new GoValue(node, Kind.INT, "int", false, name);
    } else if (node.isNumber()) {
      return new GoValue(node, Kind.FLOAT, "float64", false, name);
    } else if (node.isBoolean()) {
      return new GoValue(node, Kind.BOOL, "bool", false, name);
    }
    if (isMap) {
      return new GoValue(node, Kind.NIL_MAP, mapType(name), false, name);
    }
    if (isPointer || field == null) {
      return new GoValue(node, Kind.NIL, "<nil>", false, name);
    }
    return new GoValue(node, Kind.NIL_SLICE, "[]string", false, name);
  }

  /** Go's Time.String of an RFC 3339 UTC time: {@code 2006-01-02 15:04:05.999999999 +0000 UTC}. */
  static String goTime(String rfc3339) {
    try {
      java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(rfc3339);
      StringBuilder out =
          new StringBuilder(
              java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").format(t));
      if (t.getNano() != 0) {
        String nanos = String.format(java.util.Locale.ROOT, "%09d", t.getNano());
        out.append('.').append(nanos.replaceAll("0+$", ""));
      }
      int offset = t.getOffset().getTotalSeconds() / 60;
      String zone =
          String.format(
              java.util.Locale.ROOT,
              "%s%02d%02d",
              offset < 0 ? "-" : "+",
              Math.abs(offset) / 60,
              Math.abs(offset) % 60);
      return out.append(' ').append(zone).append(' ').append(offset == 0 ? "UTC" : zone).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return rfc3339;
    }
  }

  /** The JSON a value was built from, before omitted fields were restored. */
  JsonNode original(JsonNode node) {
    return originals.getOrDefault(node, node);
  }

  private JsonNode complete(JsonNode object, String spec) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode out = f.objectNode();
    Set<String> times = new java.util.HashSet<>();
    for (String token : spec.split(" ")) {
      String entry = token;
      if (entry.endsWith("@")) {
        entry = entry.substring(0, entry.length() - 1);
        times.add(entry);
      }
      int eq = entry.indexOf('=');
      String key = eq < 0 ? entry : entry.substring(0, eq);
      JsonNode value = object.get(key);
      if (value != null) {
        out.set(key, value);
      } else if (eq >= 0) {
        String zero = entry.substring(eq + 1);
        out.set(
            key,
            switch (zero) {
              case "nil" -> f.nullNode();
              case "false" -> f.booleanNode(false);
              default -> f.textNode(zero);
            });
      }
    }
    object.properties().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
    originals.put(out, object);
    if (!times.isEmpty()) {
      timeFields.put(out, times);
    }
    return out;
  }

  /** Go's type of a map field; port maps have nat.Port keys, which field names cannot reach. */
  private static String mapType(String name) {
    return switch (name) {
      case "Ports", "PortBindings" -> "nat.PortMap";
      case "ExposedPorts" -> "nat.PortSet";
      default -> "map[string]interface {}";
    };
  }

  private static String sliceType(JsonNode array) {
    for (JsonNode e : array) {
      if (!e.isTextual()) {
        return "[]interface {}";
      }
    }
    return "[]string";
  }
}
