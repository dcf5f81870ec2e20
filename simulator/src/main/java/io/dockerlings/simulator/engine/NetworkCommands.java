package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.cli.CommandHandler;
import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.Listing;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker network create|ls|inspect|rm|connect|disconnect|prune}. */
final class NetworkCommands {
  private final Engine engine;

  NetworkCommands(Engine engine) {
    this.engine = engine;
  }

  Map<String, CommandHandler> handlers() {
    Map<String, CommandHandler> h = new LinkedHashMap<>();
    h.put("network create", this::create);
    h.put("network ls", this::list);
    h.put("network inspect", this::inspect);
    h.put("network rm", this::remove);
    h.put("network connect", this::connect);
    h.put("network disconnect", this::disconnect);
    h.put("network prune", this::prune);
    return h;
  }

  private int create(ParsedCommand cmd, CommandIo io) {
    String driver = cmd.string("driver", "bridge");
    switch (driver) {
      case "bridge" -> {}
      case "host", "null" ->
          throw DockerException.daemon(
              "only one instance of \"" + driver + "\" network is allowed");
      case "overlay" ->
          throw DockerException.daemon(
              "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm"
                  + " join\" to connect this node to swarm and try again.");
      case "macvlan", "ipvlan" ->
          throw DockerException.daemon(engine.notes().get("network.driver", driver));
      default -> throw DockerException.daemon("plugin \"" + driver + "\" not found");
    }
    String name = cmd.args().get(0);
    if (engine.networks().find(name).filter(n -> n.builtIn && n.name.equals(name)).isPresent()) {
      throw DockerException.daemon("operation is not permitted on predefined " + name + " network");
    }
    List<String> subnets = cmd.list("subnet");
    List<String> gateways = cmd.list("gateway");
    if (gateways.size() > subnets.size()) {
      // The CLI checks this before it asks the daemon, so the message has no daemon prefix.
      throw new DockerException("every ip-range or gateway must have a corresponding subnet", 1);
    }
    try {
      Network n =
          engine
              .networks()
              .create(
                  name,
                  subnets.isEmpty() ? "" : subnets.get(0),
                  gateways.isEmpty() ? "" : gateways.get(0),
                  engine.lifecycle().now());
      for (String l : cmd.list("label")) {
        int eq = l.indexOf('=');
        n.labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
      }
      io.outln(n.id);
    } catch (Failure f) {
      throw f.side() == Failure.Side.PLAIN
          ? new DockerException(f.getMessage(), 1)
          : DockerException.daemon(f.getMessage());
    }
    return 0;
  }

  private int list(ParsedCommand cmd, CommandIo io) {
    ObjectVerbs.NameFilter names = ObjectVerbs.NameFilter.of(cmd.list("filter"));
    List<Network> sorted = engine.networks().all();
    sorted.sort(java.util.Comparator.comparing(n -> n.name));
    List<String> ids = new ArrayList<>();
    List<ObjectNode> rows = new ArrayList<>();
    for (Network n : sorted) {
      if (!names.matches(n.name)) {
        continue;
      }
      String id = cmd.bool("no-trunc") ? n.id : Ids.shortId(n.id);
      ids.add(id);
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("ID", id);
      o.put("Name", n.name);
      o.put("Driver", n.driver);
      o.put("Scope", "local");
      rows.add(o);
    }
    return ObjectVerbs.printList(cmd, io, Listing.NETWORKS, ids, rows);
  }

  /** The document {@code docker network inspect} prints. */
  JsonNode json(Network n) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("Name", n.name);
    o.put("Id", n.id);
    o.put("Created", ContainerJson.time(n.created));
    o.put("Scope", "local");
    o.put("Driver", n.driver);
    o.put("EnableIPv6", false);
    ObjectNode ipam = o.putObject("IPAM");
    ipam.put("Driver", "default");
    if (n.builtIn) {
      ipam.putNull("Options");
    } else {
      ipam.putObject("Options");
    }
    ArrayNode config = ipam.putArray("Config");
    if (n.hasAddresses()) {
      ObjectNode c = config.addObject();
      c.put("Subnet", n.subnet());
      if (n.gatewayShown()) {
        c.put("Gateway", n.gateway());
      }
    }
    o.put("Internal", false);
    o.put("Attachable", false);
    o.put("Ingress", false);
    o.putObject("ConfigFrom").put("Network", "");
    o.put("ConfigOnly", false);
    ObjectNode containers = o.putObject("Containers");
    for (Container c : engine.containers().all()) {
      Network.Endpoint ep = c.endpoints.get(n.name);
      if (ep != null) {
        ObjectNode e = containers.putObject(c.id);
        e.put("Name", c.name);
        e.put("EndpointID", ep.endpointId());
        e.put("MacAddress", ep.macAddress());
        e.put("IPv4Address", ep.ipAddress() + "/" + ep.prefix());
        e.put("IPv6Address", "");
      }
    }
    o.putObject("Options");
    ObjectNode labels = o.putObject("Labels");
    n.labels.forEach(labels::put);
    return o;
  }

  Optional<JsonNode> inspectOne(String ref) {
    return engine.networks().find(ref).map(this::json);
  }

  private int inspect(ParsedCommand cmd, CommandIo io) {
    return ObjectVerbs.printInspect(cmd, io, "network", this::inspectOne, false);
  }

  private boolean inUse(Network n) {
    return engine.containers().all().stream().anyMatch(c -> c.endpoints.containsKey(n.name));
  }

  private int remove(ParsedCommand cmd, CommandIo io) {
    int status = 0;
    for (String ref : cmd.args()) {
      Optional<Network> n = engine.networks().find(ref);
      if (n.isEmpty()) {
        io.errln("Error: No such network: " + ref);
        status = 1;
      } else if (n.get().builtIn) {
        io.errln(
            "Error response from daemon: "
                + n.get().name
                + " is a pre-defined network and cannot be removed");
        status = 1;
      } else if (inUse(n.get())) {
        io.errln(
            "Error response from daemon: error while removing network: network "
                + n.get().name
                + " id "
                + n.get().id
                + " has active endpoints");
        status = 1;
      } else {
        engine.networks().remove(n.get());
        io.outln(ref);
      }
    }
    return status;
  }

  private Container container(String ref) {
    return engine
        .containers()
        .lookup(ref)
        .container()
        .orElseThrow(() -> DockerException.daemon("No such container: " + ref));
  }

  private Network network(String ref) {
    return engine
        .networks()
        .find(ref)
        .orElseThrow(() -> DockerException.daemon("network " + ref + " not found"));
  }

  private int connect(ParsedCommand cmd, CommandIo io) {
    Network n = network(cmd.args().get(0));
    Container c = container(cmd.args().get(1));
    if (c.endpoints.containsKey(n.name)
        || c.extraNetworks.contains(n.name)
        || c.config.networkName().equals(n.name)) {
      throw DockerException.daemon(
          "endpoint with name " + c.name + " already exists in network " + n.name);
    }
    if (c.isRunning()) {
      try {
        n.attach(engine.ids().next(), cmd.string("ip"))
            .ifPresent(ep -> c.endpoints.put(n.name, ep));
      } catch (Failure f) {
        throw DockerException.daemon(f.getMessage());
      }
    }
    c.extraNetworks.add(n.name);
    return 0;
  }

  private int disconnect(ParsedCommand cmd, CommandIo io) {
    Network n = network(cmd.args().get(0));
    Container c = container(cmd.args().get(1));
    Network.Endpoint ep = c.endpoints.remove(n.name);
    if (ep == null && !c.extraNetworks.contains(n.name)) {
      throw DockerException.daemon("container " + c.id + " is not connected to network " + n.name);
    }
    if (ep != null) {
      n.detach(ep);
    }
    c.extraNetworks.remove(n.name);
    return 0;
  }

  private int prune(ParsedCommand cmd, CommandIo io) {
    PruneFilter filter =
        PruneFilter.parse(cmd.list("filter"), engine.lifecycle().now(), java.util.Set.of());
    if (!ObjectVerbs.pruneConfirmed(
        cmd, io, "This will remove all custom networks not used by at least one container.")) {
      return 0;
    }
    ObjectVerbs.printPruned(io, "Deleted Networks:", pruneUnused(filter));
    return 0;
  }

  /** Removes the user networks no container uses that pass the filter; their names. */
  List<String> pruneUnused(PruneFilter filter) {
    List<String> removed = new ArrayList<>();
    for (Network n : engine.networks().all()) {
      if (!n.builtIn && !inUse(n) && filter.matches(n.labels, n.created)) {
        engine.networks().remove(n);
        removed.add(n.name);
      }
    }
    return removed;
  }
}
