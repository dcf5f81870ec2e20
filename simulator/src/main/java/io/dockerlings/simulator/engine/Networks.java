package io.dockerlings.simulator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's networks: the built-in {@code bridge} (docker0, 172.17.0.0/16), {@code host} and
 * {@code none}, and user-defined bridges, which take the next free /16 from 172.18.0.0 upward
 * unless given a {@code --subnet}.
 */
final class Networks {
  private final Map<String, Network> byName = new LinkedHashMap<>();
  private final Ids ids;

  Networks(Ids ids, Instant start) {
    this.ids = ids;
    add(new Network(ids.next(), "bridge", "bridge", "172.17.0.0/16", start, true));
    add(new Network(ids.next(), "host", "host", "", start, true));
    add(new Network(ids.next(), "none", "null", "", start, true));
  }

  private void add(Network n) {
    undo.record(() -> byName.remove(n.name));
    n.journal = undo;
    byName.put(n.name, n);
  }

  private io.dockerlings.simulator.fs.Journal undo = io.dockerlings.simulator.fs.Journal.NONE;

  /** Records every later change of the networks and their addresses in {@code journal}. */
  void journal(io.dockerlings.simulator.fs.Journal journal) {
    this.undo = journal;
    byName.values().forEach(n -> n.journal = journal);
  }

  Network bridge() {
    return byName.get("bridge");
  }

  /** A network by name, full id or unique id prefix. */
  Optional<Network> find(String ref) {
    Network n = byName.get(ref);
    if (n != null) {
      return Optional.of(n);
    }
    Network found = null;
    for (Network x : byName.values()) {
      if (!ref.isEmpty() && x.id.startsWith(ref)) {
        if (found != null) {
          return Optional.empty();
        }
        found = x;
      }
    }
    return Optional.ofNullable(found);
  }

  List<Network> all() {
    return new ArrayList<>(byName.values());
  }

  /** Creates a user-defined bridge, with the daemon's errors for taken names and overlaps. */
  Network create(String name, String subnet, Instant at) {
    return create(name, subnet, "", at);
  }

  /**
   * Creates a user-defined bridge with an optional gateway, which must lie in the subnet.
   *
   * @throws Failure worded as the daemon words a taken name, an overlap or a bad address
   */
  Network create(String name, String subnet, String gateway, Instant at) {
    if (byName.containsKey(name)) {
      throw Failure.daemon("network with name " + name + " already exists");
    }
    String chosen = subnet;
    if (subnet.isEmpty()) {
      chosen = "";
      for (int second = 18; second <= 31 && chosen.isEmpty(); second++) {
        int base = Network.ip("172." + second + ".0.0");
        if (byName.values().stream().noneMatch(n -> n.overlaps(base, 16))) {
          chosen = "172." + second + ".0.0/16";
        }
      }
      if (chosen.isEmpty()) {
        throw Failure.daemon(
            "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
      }
    } else {
      String[] parts = subnet.split("/");
      int base;
      int prefix;
      try {
        prefix = Integer.parseInt(parts[1]);
        base = Network.ip(parts[0]);
      } catch (RuntimeException e) {
        throw Failure.daemon("invalid CIDR address: " + subnet);
      }
      if (prefix < 0 || prefix > 32) {
        throw Failure.daemon("Invalid subnet " + subnet + " : invalid CIDR address: " + subnet);
      }
      if (byName.values().stream().anyMatch(n -> n.overlaps(base, prefix))) {
        throw Failure.daemon("Pool overlaps with other one on this address space");
      }
    }
    if (!gateway.isEmpty()) {
      String[] parts = chosen.split("/");
      int prefix = Integer.parseInt(parts[1]);
      int gw;
      try {
        gw = Network.ip(gateway);
      } catch (NumberFormatException e) {
        throw Failure.daemon("invalid gateway address " + gateway);
      }
      if ((gw & Network.mask(prefix)) != (Network.ip(parts[0]) & Network.mask(prefix))) {
        throw Failure.plain("no matching subnet for gateway " + gateway);
      }
    }
    Network n =
        new Network(
            ids.next(),
            name,
            "bridge",
            chosen,
            gateway,
            subnet.isEmpty() || !gateway.isEmpty(),
            at,
            false);
    add(n);
    return n;
  }

  void remove(Network n) {
    Map<String, Network> before = new LinkedHashMap<>(byName);
    undo.record(
        () -> {
          byName.clear();
          byName.putAll(before);
        });
    byName.remove(n.name);
  }
}
