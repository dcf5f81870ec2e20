package io.dockerlings.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.EngineSnapshot.Config;
import io.dockerlings.simulator.EngineSnapshot.ContainerState;
import io.dockerlings.simulator.EngineSnapshot.ImageState;
import io.dockerlings.simulator.EngineSnapshot.Limits;
import io.dockerlings.simulator.EngineSnapshot.Mount;
import io.dockerlings.simulator.EngineSnapshot.NetworkState;
import io.dockerlings.simulator.EngineSnapshot.Port;
import io.dockerlings.simulator.EngineSnapshot.Step;
import io.dockerlings.simulator.EngineSnapshot.VolumeState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an {@link EngineSnapshot} from the Engine API's inspect and history documents. */
final class SnapshotReader {
  private SnapshotReader() {}

  static EngineSnapshot read(
      List<? extends JsonNode> containers,
      List<? extends JsonNode> images,
      Map<String, ? extends List<? extends JsonNode>> histories,
      List<? extends JsonNode> networks,
      List<? extends JsonNode> volumes) {
    List<ContainerState> cs = new ArrayList<>();
    for (JsonNode c : containers) {
      cs.add(container(c));
    }
    List<ImageState> is = new ArrayList<>();
    for (JsonNode i : images) {
      int layers = i.path("RootFS").path("Layers").size();
      String id = i.path("Id").asText();
      List<? extends JsonNode> docs = histories.get(id);
      List<Step> history = docs == null ? List.of() : history(docs);
      Config config = config(i.path("Config"));
      for (JsonNode tag : i.path("RepoTags")) {
        is.add(new ImageState(tag.asText(), id, layers, i.path("Size").asLong(), config, history));
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

  /** Steps oldest first from the API's newest-first list. */
  private static List<Step> history(List<? extends JsonNode> newestFirst) {
    List<Step> steps = new ArrayList<>();
    for (JsonNode h : newestFirst) {
      String by = h.path("CreatedBy").asText("");
      long size = h.path("Size").asLong();
      boolean empty =
          h.has("EmptyLayer")
              ? h.path("EmptyLayer").asBoolean()
              : size == 0
                  && by.contains("#(nop) ")
                  && !by.matches("(?s).*#\\(nop\\)\\s+(COPY|ADD).*");
      steps.add(0, new Step(by, size, empty));
    }
    return steps;
  }

  static Config config(JsonNode c) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : c.path("Labels").properties()) {
      labels.put(e.getKey(), e.getValue().asText());
    }
    List<String> exposed = new ArrayList<>();
    c.path("ExposedPorts").fieldNames().forEachRemaining(exposed::add);
    return new Config(
        strings(c.path("Cmd")),
        strings(c.path("Entrypoint")),
        strings(c.path("Env")),
        labels,
        c.path("User").asText(""),
        c.path("WorkingDir").asText(""),
        exposed);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isTextual()) {
      out.add(array.asText());
    }
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return out;
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
    List<Port> ports = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : h.path("PortBindings").properties()) {
      for (JsonNode b : e.getValue()) {
        ports.add(new Port(e.getKey(), b.path("HostIp").asText(""), b.path("HostPort").asText("")));
      }
    }
    ports.sort(Comparator.comparing(Port::describe));
    List<Mount> mounts = new ArrayList<>();
    for (JsonNode m : c.path("Mounts")) {
      String type = m.path("Type").asText();
      String name = m.path("Name").asText("");
      mounts.add(
          new Mount(
              type,
              name,
              m.path("Source").asText(""),
              m.path("Destination").asText(),
              !m.path("RW").asBoolean(true),
              // An anonymous volume's name is random on every engine; its existence is what counts.
              type.equals("volume") && name.matches("[0-9a-f]{64}")));
    }
    mounts.sort(Comparator.comparing(Mount::describe));
    Map<String, String> nets = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : c.path("NetworkSettings").path("Networks").properties()) {
      nets.put(e.getKey(), e.getValue().path("IPAddress").asText(""));
    }
    JsonNode state = c.path("State");
    JsonNode restart = h.path("RestartPolicy");
    String policy = restart.path("Name").asText("");
    if (policy.isEmpty()) {
      policy = "no";
    }
    int retries = restart.path("MaximumRetryCount").asInt();
    if (policy.equals("on-failure") && retries > 0) {
      policy = policy + ":" + retries;
    }
    return new ContainerState(
        c.path("Id").asText(),
        c.path("Name").asText().replaceFirst("^/", ""),
        c.path("Config").path("Image").asText(),
        c.path("Image").asText(),
        state.path("Status").asText(),
        state.path("ExitCode").asInt(),
        state.path("OOMKilled").asBoolean(false),
        limits,
        ports,
        mounts,
        nets,
        config(c.path("Config")),
        policy);
  }
}
