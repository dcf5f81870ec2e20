package io.dockerlings.lessons.picture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the pictures draw, read from any engine through the docker CLI contract ({@code inspect},
 * {@code history}, {@code diff}, {@code stats}), so the simulator and a real engine are drawn by
 * the same code. Reading runs only commands that change nothing.
 */
public final class EngineView {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerEngine engine;

  public EngineView(DockerEngine engine) {
    this.engine = engine;
  }

  /**
   * One container as the pictures need it.
   *
   * @param name without the leading slash
   * @param status running, exited...
   * @param image the image as named when it was created
   * @param cpuShares {@code -c}, 0 when not set (the default 1024)
   * @param nanoCpus {@code --cpus} times 10^9
   * @param cpuset {@code --cpuset-cpus}
   * @param ports published ports
   * @param mounts volumes and binds
   * @param networks network name to IPv4 address
   * @param sizeRw bytes in its writable layer
   */
  public record Container(
      String name,
      String status,
      String image,
      long cpuShares,
      long nanoCpus,
      String cpuset,
      List<Port> ports,
      List<Mount> mounts,
      Map<String, String> networks,
      long sizeRw) {}

  /** A published port: {@code 80/tcp} reached at {@code hostIp:hostPort}. */
  public record Port(String containerPort, String hostIp, String hostPort) {}

  /**
   * A volume or bind.
   *
   * @param type volume, bind or tmpfs
   * @param name the volume's name (empty for a bind; a 64-hex name for an anonymous volume)
   * @param source where its data is on the host
   * @param destination where the container sees it
   * @param readOnly mounted {@code :ro}
   */
  public record Mount(
      String type, String name, String source, String destination, boolean readOnly) {
    /** Whether it is a volume with a generated name. */
    public boolean anonymous() {
      return type.equals("volume") && name.matches("[0-9a-f]{64}");
    }
  }

  /** A network with its driver, first IPv4 subnet and gateway. */
  public record Network(String name, String driver, String subnet, String gateway) {}

  /**
   * One step of an image's history.
   *
   * @param createdBy the instruction
   * @param size bytes its layer adds
   * @param emptyLayer whether it set metadata only ({@code #(nop)} with 0 bytes)
   */
  public record Step(String createdBy, long size, boolean emptyLayer) {}

  /** Every container, by name. */
  public List<Container> containers() {
    CommandResult ids = run("docker", "ps", "-aq", "--no-trunc");
    List<String> argv = new ArrayList<>(List.of("docker", "inspect", "-s"));
    ids.stdout().lines().filter(l -> !l.isBlank()).forEach(argv::add);
    if (argv.size() == 3) {
      return List.of();
    }
    List<Container> out = new ArrayList<>();
    for (JsonNode c : array(run(argv.toArray(String[]::new)))) {
      out.add(container(c));
    }
    out.sort(java.util.Comparator.comparing(Container::name));
    return out;
  }

  /** The container called {@code name}, if there is one. */
  public Optional<Container> container(String name) {
    CommandResult r = run("docker", "inspect", "-s", "--type", "container", name);
    List<JsonNode> found = array(r);
    return r.exitCode() == 0 && !found.isEmpty()
        ? Optional.of(container(found.get(0)))
        : Optional.empty();
  }

  private static Container container(JsonNode c) {
    JsonNode h = c.path("HostConfig");
    List<Port> ports = new ArrayList<>();
    h.path("PortBindings")
        .properties()
        .forEach(
            e -> {
              for (JsonNode b : e.getValue()) {
                ports.add(
                    new Port(
                        e.getKey(), b.path("HostIp").asText(""), b.path("HostPort").asText("")));
              }
            });
    List<Mount> mounts = new ArrayList<>();
    for (JsonNode m : c.path("Mounts")) {
      mounts.add(
          new Mount(
              m.path("Type").asText(),
              m.path("Name").asText(""),
              m.path("Source").asText(""),
              m.path("Destination").asText(),
              !m.path("RW").asBoolean(true)));
    }
    mounts.sort(java.util.Comparator.comparing(Mount::destination));
    Map<String, String> nets = new LinkedHashMap<>();
    c.path("NetworkSettings")
        .path("Networks")
        .properties()
        .forEach(e -> nets.put(e.getKey(), e.getValue().path("IPAddress").asText("")));
    return new Container(
        c.path("Name").asText().replaceFirst("^/", ""),
        c.path("State").path("Status").asText(),
        c.path("Config").path("Image").asText(),
        h.path("CpuShares").asLong(),
        h.path("NanoCpus").asLong(),
        h.path("CpusetCpus").asText(""),
        ports,
        mounts,
        nets,
        c.path("SizeRw").asLong(0));
  }

  /** Every network, by name. */
  public List<Network> networks() {
    CommandResult ids = run("docker", "network", "ls", "-q", "--no-trunc");
    List<String> argv = new ArrayList<>(List.of("docker", "network", "inspect"));
    ids.stdout().lines().filter(l -> !l.isBlank()).forEach(argv::add);
    if (argv.size() == 3) {
      return List.of();
    }
    List<Network> out = new ArrayList<>();
    for (JsonNode n : array(run(argv.toArray(String[]::new)))) {
      String subnet = "";
      String gateway = "";
      for (JsonNode config : n.path("IPAM").path("Config")) {
        String s = config.path("Subnet").asText("");
        if (!s.isEmpty() && !s.contains(":") && subnet.isEmpty()) {
          subnet = s;
          gateway = config.path("Gateway").asText("");
        }
      }
      out.add(new Network(n.path("Name").asText(), n.path("Driver").asText(), subnet, gateway));
    }
    out.sort(java.util.Comparator.comparing(Network::name));
    return out;
  }

  /** An image's history, oldest step first; empty when there is no such image. */
  public Optional<List<Step>> history(String image) {
    CommandResult r =
        run(
            "docker",
            "history",
            "-H=false",
            "--no-trunc",
            "--format",
            "{{.CreatedBy}}\t{{.Size}}",
            image);
    if (r.exitCode() != 0) {
      return Optional.empty();
    }
    List<Step> steps = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      int tab = line.lastIndexOf('\t');
      if (tab < 0) {
        continue;
      }
      String createdBy = line.substring(0, tab).strip();
      long size = parseLong(line.substring(tab + 1).strip());
      steps.add(0, new Step(createdBy, size, size == 0 && createdBy.contains("#(nop)")));
    }
    return Optional.of(steps);
  }

  /** The lines {@code docker diff} prints for a container, or empty when it cannot. */
  public Optional<List<String>> diff(String container) {
    CommandResult r = run("docker", "diff", container);
    if (r.exitCode() != 0) {
      return Optional.empty();
    }
    return Optional.of(Arrays.stream(r.stdout().split("\n")).filter(l -> !l.isBlank()).toList());
  }

  /** The CPUs the engine's machine has. */
  public int cpus() {
    return (int) Math.max(1, parseLong(run("docker", "info", "--format", "{{.NCPU}}").stdout()));
  }

  /** Each running container's CPU use in % of one CPU, as one {@code docker stats} reading. */
  public Map<String, Double> cpuPercent() {
    CommandResult r = run("docker", "stats", "--no-stream", "--format", "{{.Name}}\t{{.CPUPerc}}");
    Map<String, Double> m = new LinkedHashMap<>();
    for (String line : r.stdout().split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 2 && f[1].strip().endsWith("%")) {
        String v = f[1].strip();
        try {
          m.put(f[0].strip(), Double.parseDouble(v.substring(0, v.length() - 1)));
        } catch (NumberFormatException e) {
          // "--" for a container that stopped meanwhile: no reading.
        }
      }
    }
    return m;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private CommandResult run(String... argv) {
    return engine.execute(List.of(argv), "");
  }

  private static List<JsonNode> array(CommandResult r) {
    List<JsonNode> out = new ArrayList<>();
    String text = r.stdout().strip();
    if (!text.startsWith("[")) {
      return out;
    }
    try {
      JSON.readTree(text).forEach(out::add);
    } catch (IOException e) {
      // Not JSON: nothing to draw.
    }
    return out;
  }

  /** Bytes as docker prints sizes: {@code 1.98MB}, {@code 12B}. */
  public static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + "B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(
        Locale.ROOT, v < 10 ? "%.2f%s" : v < 100 ? "%.1f%s" : "%.0f%s", v, units[u]);
  }
}
