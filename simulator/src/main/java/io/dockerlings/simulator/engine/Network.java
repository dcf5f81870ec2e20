package io.dockerlings.simulator.engine;

import java.time.Instant;
import java.util.BitSet;
import java.util.Optional;

/**
 * One network: a bridge with an IPv4 subnet whose addresses go out in order from .2, reusing the
 * lowest free one as the engine's IPAM does, or the {@code host}/{@code null} drivers, which hand
 * out no addresses.
 */
final class Network {
  /** A container's attachment: address, MAC (derived from the address, as docker does), id. */
  record Endpoint(
      String network,
      String endpointId,
      String ipAddress,
      int prefix,
      String gateway,
      String macAddress) {}

  final String id;
  final String name;
  final String driver;
  final Instant created;
  final boolean builtIn;

  /** Its labels ({@code network create --label}), which prune filters read. */
  final java.util.SortedMap<String, String> labels = new java.util.TreeMap<>();

  private final int base;
  private final int prefix;
  private final BitSet used;
  private final int gatewayHost;
  private final boolean gatewayShown;

  Network(String id, String name, String driver, String subnet, Instant created, boolean builtIn) {
    this(id, name, driver, subnet, "", true, created, builtIn);
  }

  /**
   * A network whose gateway is {@code gateway}, or the subnet's first address when that is empty.
   *
   * @param gatewayShown whether inspect lists the gateway: the engine records one when it chose the
   *     subnet itself or was given a gateway, not for a subnet given alone
   * @throws NumberFormatException when the gateway is not a dotted IPv4 address
   */
  Network(
      String id,
      String name,
      String driver,
      String subnet,
      String gateway,
      boolean gatewayShown,
      Instant created,
      boolean builtIn) {
    this.id = id;
    this.name = name;
    this.driver = driver;
    this.created = created;
    this.builtIn = builtIn;
    this.gatewayShown = gatewayShown;
    this.used = new BitSet();
    if (subnet.isEmpty()) {
      this.base = 0;
      this.prefix = 0;
      this.gatewayHost = 0;
    } else {
      String[] parts = subnet.split("/");
      this.prefix = Integer.parseInt(parts[1]);
      this.base = ip(parts[0]) & mask(prefix);
      this.gatewayHost = gateway.isEmpty() ? 1 : ip(gateway) - base;
      used.set(0);
      used.set(gatewayHost);
      used.set(size() - 1);
    }
  }

  /** Whether inspect lists the gateway in the IPAM config. */
  boolean gatewayShown() {
    return gatewayShown && hasAddresses();
  }

  static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  static int ip(String dotted) {
    String[] p = dotted.split("\\.");
    if (p.length != 4) {
      throw new NumberFormatException(dotted);
    }
    int v = 0;
    for (String s : p) {
      int b = Integer.parseInt(s);
      if (b < 0 || b > 255) {
        throw new NumberFormatException(dotted);
      }
      v = v << 8 | b;
    }
    return v;
  }

  static String dotted(int ip) {
    return (ip >>> 24) + "." + (ip >>> 16 & 0xff) + "." + (ip >>> 8 & 0xff) + "." + (ip & 0xff);
  }

  private int size() {
    return 1 << (32 - prefix);
  }

  /** Whether containers on this network get addresses (bridges do, host and none do not). */
  boolean hasAddresses() {
    return driver.equals("bridge");
  }

  String subnet() {
    return hasAddresses() ? dotted(base) + "/" + prefix : "";
  }

  String gateway() {
    return hasAddresses() ? dotted(base + gatewayHost) : "";
  }

  int prefix() {
    return prefix;
  }

  /** Whether two subnets share addresses. */
  boolean overlaps(int otherBase, int otherPrefix) {
    if (!hasAddresses()) {
      return false;
    }
    int common = Math.min(prefix, otherPrefix);
    return (base & mask(common)) == (otherBase & mask(common));
  }

  /**
   * Attaches a container: the requested address, or the next free one.
   *
   * @throws Failure when the requested address is outside the subnet or taken
   */
  Optional<Endpoint> attach(String endpointId, Optional<String> requested) {
    if (!hasAddresses()) {
      return Optional.empty();
    }
    int host;
    if (requested.isPresent()) {
      int want;
      try {
        want = ip(requested.get());
      } catch (NumberFormatException e) {
        throw Failure.daemon("invalid IPv4 address: " + requested.get());
      }
      if ((want & mask(prefix)) != base) {
        throw Failure.daemon(
            "Invalid address "
                + requested.get()
                + ": It does not belong to any of this network's subnets");
      }
      host = want - base;
      if (used.get(host)) {
        throw Failure.daemon("Address already in use");
      }
    } else {
      host = used.nextClearBit(1);
      if (host >= size() - 1) {
        throw noAddressLeft();
      }
    }
    int taken = host;
    journal.record(() -> used.clear(taken));
    used.set(host);
    int addr = base + host;
    String mac =
        String.format(
            "02:42:%02x:%02x:%02x:%02x",
            addr >>> 24, addr >>> 16 & 0xff, addr >>> 8 & 0xff, addr & 0xff);
    return Optional.of(new Endpoint(name, endpointId, dotted(addr), prefix, gateway(), mac));
  }

  /** The daemon's error when a requested address is outside the subnet or the subnet is full. */
  private Failure noAddressLeft() {
    return Failure.daemon(
        "no available IPv4 addresses on this network's address pools: " + name + " (" + id + ")");
  }

  /** Releases an address. */
  void detach(Endpoint endpoint) {
    int host = ip(endpoint.ipAddress()) - base;
    if (used.get(host)) {
      journal.record(() -> used.set(host));
      used.clear(host);
    }
  }

  /** Where address changes are recorded while a command runs. */
  io.dockerlings.simulator.fs.Journal journal = io.dockerlings.simulator.fs.Journal.NONE;
}
