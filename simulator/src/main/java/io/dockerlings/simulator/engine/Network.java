package io.dockerlings.simulator.engine;

import java.util.BitSet;
import java.util.Optional;

/**
 * The default bridge network {@code docker0} (172.17.0.0/16, gateway 172.17.0.1): hands out
 * addresses in order from .2, reusing the lowest free one, as the engine's IPAM does.
 */
final class Network {
  static final String NAME = "bridge";
  static final String GATEWAY = "172.17.0.1";
  static final int PREFIX = 16;

  /** A container's attachment: its address and MAC, derived from the address as docker does. */
  record Endpoint(String endpointId, String ipAddress, String macAddress) {}

  private final String id;
  private final BitSet used = new BitSet(1 << 16);

  Network(String id) {
    this.id = id;
    used.set(0);
    used.set(1); // the gateway
    used.set((1 << 16) - 1); // broadcast
  }

  String id() {
    return id;
  }

  /** Attaches a container; empty when the subnet is full. */
  Optional<Endpoint> attach(String endpointId) {
    int host = used.nextClearBit(2);
    if (host >= (1 << 16) - 1) {
      return Optional.empty();
    }
    used.set(host);
    int hi = host >> 8;
    int lo = host & 0xff;
    String ip = "172.17." + hi + "." + lo;
    String mac = String.format("02:42:ac:11:%02x:%02x", hi, lo);
    return Optional.of(new Endpoint(endpointId, ip, mac));
  }

  /** Releases an address. */
  void detach(Endpoint endpoint) {
    String[] parts = endpoint.ipAddress().split("\\.");
    used.clear(Integer.parseInt(parts[2]) << 8 | Integer.parseInt(parts[3]));
  }
}
