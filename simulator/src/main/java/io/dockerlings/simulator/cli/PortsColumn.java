package io.dockerlings.simulator.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PORTS cell of {@code docker ps}, laid out as the docker CLI lays it out: ports a container
 * exposes, and ports published on the same host port, are grouped into ranges per address and
 * protocol first; ports published on another host port follow, one mapping each.
 */
public final class PortsColumn {
  /**
   * One port of a running container as the Engine API lists it.
   *
   * @param ip the host address it is published on; empty when it is only exposed
   * @param privatePort the container's port
   * @param publicPort the host port; 0 when it is only exposed
   * @param type {@code tcp}, {@code udp} or {@code sctp}
   */
  public record Port(String ip, int privatePort, int publicPort, String type) {}

  private PortsColumn() {}

  /** The cell for these ports, in any order. */
  public static String of(List<Port> ports) {
    List<Port> sorted = new ArrayList<>(ports);
    sorted.sort(
        Comparator.comparingInt(Port::privatePort)
            .thenComparing(Port::ip)
            .thenComparingInt(Port::publicPort)
            .thenComparing(Port::type));
    List<String> cells = new ArrayList<>();
    List<String> mappings = new ArrayList<>();
    // Open ranges by key, in the order their keys first appeared.
    Map<String, int[]> open = new LinkedHashMap<>();
    for (Port p : sorted) {
      String key = p.type();
      if (!p.ip().isEmpty()) {
        if (p.publicPort() != p.privatePort()) {
          mappings.add(p.ip() + ":" + p.publicPort() + "->" + p.privatePort() + "/" + p.type());
          continue;
        }
        key = p.ip() + "/" + p.type();
      }
      int[] range = open.get(key);
      if (range == null) {
        open.put(key, new int[] {p.privatePort(), p.privatePort()});
      } else if (p.privatePort() == range[1] + 1) {
        range[1] = p.privatePort();
      } else {
        // A gap closes the range at once; the new one keeps the key's place in the order.
        cells.add(range(key, range));
        open.put(key, new int[] {p.privatePort(), p.privatePort()});
      }
    }
    open.forEach((key, range) -> cells.add(range(key, range)));
    cells.addAll(mappings);
    return String.join(", ", cells);
  }

  private static String range(String key, int[] range) {
    int slash = key.lastIndexOf('/');
    String ip = slash < 0 ? "" : key.substring(0, slash);
    String type = slash < 0 ? key : key.substring(slash + 1);
    String ports = range[0] == range[1] ? "" + range[0] : range[0] + "-" + range[1];
    return (ip.isEmpty() ? ports : ip + ":" + ports + "->" + ports) + "/" + type;
  }
}
