package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Ids;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code network} commands on a real engine. Networks it creates carry the sandbox's labels; it
 * shows them beside the built-in {@code bridge}, {@code host} and {@code none}, changes only its
 * own, and shows only its own containers inside any network.
 */
final class RealNetworks {
  private static final Set<String> BUILT_IN = Set.of("bridge", "host", "none");

  private final RealContext ctx;

  RealNetworks(RealContext ctx) {
    this.ctx = ctx;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("network create", this::create);
    h.put("network ls", this::list);
    h.put("network inspect", this::inspect);
    h.put("network rm", this::remove);
    h.put("network connect", (cmd, io) -> attach(cmd, true));
    h.put("network disconnect", (cmd, io) -> attach(cmd, false));
    h.put("network prune", this::prune);
    return h;
  }

  private static boolean builtIn(JsonNode n) {
    return BUILT_IN.contains(n.path("Name").asText())
        && n.path("Labels").isEmpty()
        && List.of("bridge", "host", "null").contains(n.path("Driver").asText());
  }

  private boolean ours(JsonNode n) {
    return ctx.sandbox().owns(RealContext.labels(n.path("Labels")));
  }

  /** What {@code docker inspect} may show of a network: built-ins and the sandbox's own. */
  Optional<JsonNode> inspectable(String ref) {
    return visible(ref, false);
  }

  /**
   * The network's document, with only the sandbox's containers in it, when the sandbox may see it.
   *
   * @throws DockerException a refusal for a network another user made
   */
  private Optional<JsonNode> visible(String ref, boolean change) {
    Optional<JsonNode> doc = ctx.api().get("/networks/" + EngineApi.escape(ref));
    if (doc.isEmpty()) {
      return doc;
    }
    if (!ours(doc.get()) && !(builtIn(doc.get()) && !change)) {
      throw ctx.notOurs("network", ref);
    }
    ObjectNode copy = doc.get().deepCopy();
    JsonNode containers = copy.path("Containers");
    if (containers.isObject()) {
      ObjectNode mine = JsonNodeFactory.instance.objectNode();
      containers
          .properties()
          .forEach(
              e -> {
                if (ctx.container(e.getKey())
                    .map(
                        c ->
                            ctx.sandbox().owns(RealContext.labels(c.path("Config").path("Labels"))))
                    .orElse(false)) {
                  mine.set(e.getKey(), e.getValue());
                }
              });
      copy.set("Containers", mine);
    }
    return Optional.of(copy);
  }

  private int create(ParsedCommand cmd, CommandIo io) {
    List<String> subnets = cmd.list("subnet");
    List<String> gateways = cmd.list("gateway");
    List<String> ranges = cmd.list("ip-range");
    if (subnets.isEmpty() && (!gateways.isEmpty() || !ranges.isEmpty())) {
      throw new DockerException("every ip-range or gateway must have a corresponding subnet", 1);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("Name", cmd.args().get(0));
    body.put("CheckDuplicate", true);
    body.put("Driver", cmd.string("driver", "bridge"));
    ObjectNode ipam = body.putObject("IPAM");
    ipam.put("Driver", cmd.string("ipam-driver", "default"));
    var config = ipam.putArray("Config");
    for (int i = 0; i < subnets.size(); i++) {
      ObjectNode c = config.addObject().put("Subnet", subnets.get(i));
      if (i < ranges.size()) {
        c.put("IPRange", ranges.get(i));
      }
      if (i < gateways.size()) {
        c.put("Gateway", gateways.get(i));
      }
    }
    ipam.putObject("Options");
    body.put("Internal", cmd.bool("internal"));
    body.put("Attachable", cmd.bool("attachable"));
    body.put("EnableIPv6", cmd.bool("ipv6"));
    body.set("Options", Prune.pairs(cmd.list("opt")));
    ObjectNode labels = Prune.pairs(cmd.list("label"));
    ctx.sandbox().labels().forEach(labels::put);
    body.set("Labels", labels);
    List<JsonNode> answer = new ArrayList<>();
    try {
      ctx.api().stream(
          "POST", "/networks/create", Prune.jsonHeader(), Prune.body(body), answer::add);
    } catch (DockerException e) {
      if (!e.text().contains("Pool overlaps") || subnets.isEmpty()) {
        throw e;
      }
      // The engine's own refusal first, then, when another learner's network holds the addresses,
      // the reason the learner could not have seen in their own network ls.
      io.errln(e.text());
      if (Subnets.anyOverlaps(subnets, othersSubnets())) {
        io.errln(ctx.notes().get("network.subnetOfAnotherSession", String.join(", ", subnets)));
      }
      return e.exitCode();
    }
    io.outln(answer.get(0).path("Id").asText());
    return 0;
  }

  private int list(ParsedCommand cmd, CommandIo io) {
    ObjectNode filters = Prune.filters(cmd, List.of());
    JsonNode answer =
        ctx.api().call("GET", "/networks?filters=" + EngineApi.escape(filters.toString()));
    List<JsonNode> shown = new ArrayList<>();
    answer.forEach(
        n -> {
          if (builtIn(n) || ours(n)) {
            shown.add(n);
          }
        });
    shown.sort(Comparator.comparing(n -> n.path("Name").asText()));
    boolean noTrunc = cmd.bool("no-trunc");
    if (cmd.bool("quiet")) {
      shown.forEach(n -> io.outln(id(n, noTrunc)));
      return 0;
    }
    List<ObjectNode> rows = new ArrayList<>();
    for (JsonNode n : shown) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("ID", id(n, noTrunc));
      o.put("Name", n.path("Name").asText());
      o.put("Driver", n.path("Driver").asText());
      o.put("Scope", n.path("Scope").asText());
      o.put("IPv6", String.valueOf(n.path("EnableIPv6").asBoolean()));
      o.put("Internal", String.valueOf(n.path("Internal").asBoolean()));
      List<String> labels = new ArrayList<>();
      n.path("Labels")
          .properties()
          .forEach(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
      o.put("Labels", String.join(",", labels));
      o.put("CreatedAt", createdAt(n.path("Created").asText()));
      rows.add(o);
    }
    io.out(Listing.NETWORKS.render(cmd.string("format", ""), rows));
    return 0;
  }

  private static String id(JsonNode n, boolean noTrunc) {
    String id = n.path("Id").asText();
    return noTrunc ? id : Ids.shortId(id);
  }

  /** Go's default time layout, as {@code {{.CreatedAt}}} prints it. */
  private static String createdAt(String rfc3339) {
    try {
      Instant t = Instant.parse(rfc3339);
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z 'UTC'")
          .withZone(java.time.ZoneOffset.UTC)
          .format(t)
          .replaceFirst("\\.?0+ ", " ");
    } catch (RuntimeException e) {
      return rfc3339;
    }
  }

  private int inspect(ParsedCommand cmd, CommandIo io) {
    List<JsonNode> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String ref : cmd.args()) {
      try {
        visible(ref, false)
            .ifPresentOrElse(found::add, () -> errors.add("Error: No such network: " + ref));
      } catch (DockerException e) {
        errors.add(e.text());
      }
    }
    RealVolumes.print(cmd, found, io);
    errors.forEach(io::errln);
    return errors.isEmpty() ? 0 : 1;
  }

  private int remove(ParsedCommand cmd, CommandIo io) {
    int exit = 0;
    for (String ref : cmd.args()) {
      try {
        Optional<JsonNode> doc = ctx.api().get("/networks/" + EngineApi.escape(ref));
        if (doc.isEmpty()) {
          throw DockerException.client("No such network: " + ref);
        }
        if (!builtIn(doc.get()) && !ours(doc.get())) {
          throw ctx.notOurs("network", ref);
        }
        // A built-in network goes to the engine too, so that the refusal is the engine's own.
        ctx.api().call("DELETE", "/networks/" + EngineApi.escape(doc.get().path("Id").asText()));
        io.outln(ref);
      } catch (DockerException e) {
        io.errln(e.text());
        exit = 1;
      }
    }
    return exit;
  }

  private int attach(ParsedCommand cmd, boolean connect) {
    String ref = cmd.args().get(0);
    JsonNode network =
        visible(ref, false)
            .orElseThrow(() -> DockerException.daemon("network " + ref + " not found"));
    String container = ctx.ownedContainer(cmd.args().get(1));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("Container", container);
    if (connect) {
      ObjectNode endpoint = body.putObject("EndpointConfig");
      ObjectNode ipam = endpoint.putObject("IPAMConfig");
      cmd.string("ip").ifPresent(ip -> ipam.put("IPv4Address", ip));
      cmd.string("ip6").ifPresent(ip -> ipam.put("IPv6Address", ip));
      var aliases = endpoint.putArray("Aliases");
      cmd.list("alias").forEach(aliases::add);
      var links = endpoint.putArray("Links");
      cmd.list("link").forEach(links::add);
    } else {
      body.put("Force", cmd.bool("force"));
    }
    ctx.api().stream(
        "POST",
        "/networks/"
            + EngineApi.escape(network.path("Id").asText())
            + (connect ? "/connect" : "/disconnect"),
        Prune.jsonHeader(),
        Prune.body(body),
        m -> {});
    return 0;
  }

  private int prune(ParsedCommand cmd, CommandIo io) {
    if (!Prune.confirmed(
        cmd, io, "This will remove all custom networks not used by at least one container.")) {
      return 0;
    }
    ObjectNode filters = Prune.filters(cmd, ctx.sandbox().labelFilter());
    JsonNode answer =
        ctx.api().call("POST", "/networks/prune?filters=" + EngineApi.escape(filters.toString()));
    List<String> deleted = new ArrayList<>();
    answer.path("NetworksDeleted").forEach(n -> deleted.add(n.asText()));
    if (!deleted.isEmpty()) {
      io.outln("Deleted Networks:");
      deleted.forEach(io::outln);
      io.outln("");
    }
    return 0;
  }

  /**
   * The subnets of networks that other dockerlings sessions made (labelled with another sandbox).
   */
  private List<String> othersSubnets() {
    List<String> found = new ArrayList<>();
    for (JsonNode n : ctx.api().call("GET", "/networks")) {
      String owner = n.path("Labels").path(Sandbox.SANDBOX).asText("");
      if (!owner.isEmpty() && !ours(n)) {
        n.path("IPAM").path("Config").forEach(c -> found.add(c.path("Subnet").asText("")));
      }
    }
    return found;
  }
}
