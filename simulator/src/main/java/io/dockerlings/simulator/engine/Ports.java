package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.PortsColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Port publishing: parses {@code -p} specs with the CLI's wording, and allocates host ports on the
 * simulated host, refusing ones already taken as the engine does.
 */
final class Ports {
  /** One host socket forwarding to a container port; a binding yields one per address family. */
  record Published(String hostIp, int hostPort, int containerPort, String protocol) {
    String key() {
      return containerPort + "/" + protocol;
    }
  }

  static final int EPHEMERAL_LOW = 32768;
  static final int EPHEMERAL_HIGH = 60999;

  private final Set<String> taken = new HashSet<>();

  /** Parses one {@code -p} value: {@code [ip:][hostPort:]containerPort[/proto]}. */
  static List<PortBinding> parse(String spec) {
    String proto = "tcp";
    String rest = spec;
    int slash = spec.lastIndexOf('/');
    if (slash >= 0) {
      proto = spec.substring(slash + 1);
      rest = spec.substring(0, slash);
      if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
        throw Failure.client("Invalid proto: " + proto);
      }
    }
    String ip = "";
    String hostPart = "";
    String containerPart;
    String[] parts = splitSpec(rest);
    switch (parts.length) {
      case 1 -> containerPart = parts[0];
      case 2 -> {
        hostPart = parts[0];
        containerPart = parts[1];
      }
      case 3 -> {
        ip = parts[0];
        hostPart = parts[1];
        containerPart = parts[2];
      }
      default -> throw Failure.client("Invalid containerPort: " + rest);
    }
    if (ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    if (!ip.isEmpty() && !looksLikeIp(ip)) {
      throw Failure.client("Invalid ip address: " + ip);
    }
    int[] containerRange = range(containerPart, "containerPort");
    int[] hostRange = hostPart.isEmpty() ? new int[] {0, 0} : range(hostPart, "hostPort");
    int count = containerRange[1] - containerRange[0] + 1;
    if (!hostPart.isEmpty() && hostRange[1] - hostRange[0] + 1 != count && count != 1) {
      throw Failure.client(
          "Invalid ranges specified for container and host Ports: "
              + containerPart
              + " and "
              + hostPart);
    }
    List<PortBinding> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int host = hostPart.isEmpty() ? 0 : hostRange[0] + i;
      out.add(new PortBinding(containerRange[0] + i, proto, ip, host));
    }
    return out;
  }

  private static String[] splitSpec(String rest) {
    // An IPv6 address in brackets contains colons of its own.
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close > 0) {
        String ip = rest.substring(0, close + 1);
        String tail = rest.substring(close + 1);
        String[] more = tail.startsWith(":") ? tail.substring(1).split(":", -1) : new String[0];
        String[] all = new String[more.length + 1];
        all[0] = ip;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
      }
    }
    return rest.split(":", -1);
  }

  private static boolean looksLikeIp(String ip) {
    return ip.matches("\\d{1,3}(\\.\\d{1,3}){3}") || ip.contains(":");
  }

  private static int[] range(String text, String what) {
    String[] ends = text.split("-", -1);
    if (ends.length > 2) {
      throw Failure.client("Invalid " + what + ": " + text);
    }
    int lo = port(ends[0], what, text);
    int hi = ends.length == 2 ? port(ends[1], what, text) : lo;
    if (hi < lo) {
      throw Failure.client("Invalid range specified for the " + what + ": " + text);
    }
    return new int[] {lo, hi};
  }

  private static int port(String text, String what, String whole) {
    try {
      int p = Integer.parseInt(text);
      if (p < 0 || p > 65535) {
        throw Failure.client("Invalid " + what + ": " + whole);
      }
      return p;
    } catch (NumberFormatException e) {
      throw Failure.client("Invalid " + what + ": " + whole);
    }
  }

  /**
   * Binds every requested port, all or nothing: a taken port fails with the daemon's {@code port is
   * already allocated} message and binds nothing.
   */
  List<Published> bind(List<PortBinding> bindings) {
    return bind(bindings, () -> "");
  }

  /**
   * Claims the host ports of {@code bindings}; a port already taken is refused naming the endpoint
   * ({@code NAME (ID)}, asked for only then).
   */
  List<Published> bind(List<PortBinding> bindings, java.util.function.Supplier<String> endpoint) {
    List<Published> out = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    int nextEphemeral = EPHEMERAL_LOW;
    for (PortBinding b : bindings) {
      int hostPort = b.hostPort();
      if (hostPort == 0) {
        while (isTaken(b.hostIp(), nextEphemeral, b.protocol(), claimed)) {
          nextEphemeral++;
        }
        hostPort = nextEphemeral++;
      } else if (isTaken(b.hostIp(), hostPort, b.protocol(), claimed)) {
        String shown = b.hostIp().isEmpty() ? "0.0.0.0" : b.hostIp();
        String named = endpoint.get();
        throw Failure.daemon(
            "driver failed programming external connectivity on endpoint"
                + (named.isEmpty() ? ":" : " " + named + ":")
                + " Bind for "
                + shown
                + ":"
                + hostPort
                + " failed: port is already allocated");
      }
      claimed.add(hostPort + "/" + b.protocol());
      if (b.hostIp().isEmpty()) {
        out.add(new Published("0.0.0.0", hostPort, b.containerPort(), b.protocol()));
        out.add(new Published("::", hostPort, b.containerPort(), b.protocol()));
      } else {
        out.add(new Published(b.hostIp(), hostPort, b.containerPort(), b.protocol()));
      }
    }
    for (String c : claimed) {
      if (taken.add(c)) {
        journal.record(() -> taken.remove(c));
      }
    }
    return out;
  }

  private boolean isTaken(String ip, int port, String proto, Set<String> claimed) {
    String key = port + "/" + proto;
    return taken.contains(key) || claimed.contains(key);
  }

  /** Frees the host ports of a stopped container. */
  void release(List<Published> published) {
    for (Published p : published) {
      String key = p.hostPort() + "/" + p.protocol();
      if (taken.remove(key)) {
        journal.record(() -> taken.add(key));
      }
    }
  }

  private io.dockerlings.simulator.fs.Journal journal = io.dockerlings.simulator.fs.Journal.NONE;

  /** Records every later change of the taken ports in {@code j}. */
  void journal(io.dockerlings.simulator.fs.Journal j) {
    this.journal = j;
  }

  /**
   * The PORTS column of {@code docker ps}: published ports as {@code ip:host->ctr/proto},
   * exposed-only ports as {@code ctr/proto}, comma-separated.
   */
  static String display(List<Published> published, Set<String> exposed) {
    if (published.isEmpty() && exposed.isEmpty()) {
      return "";
    }
    List<PortsColumn.Port> ports = new ArrayList<>();
    Set<String> publishedKeys = new TreeSet<>();
    for (Published p : published) {
      ports.add(new PortsColumn.Port(p.hostIp(), p.containerPort(), p.hostPort(), p.protocol()));
      publishedKeys.add(p.key());
    }
    for (String e : exposed) {
      if (!publishedKeys.contains(e)) {
        int slash = e.indexOf('/');
        ports.add(
            new PortsColumn.Port(
                "", Integer.parseInt(e.substring(0, slash)), 0, e.substring(slash + 1)));
      }
    }
    return PortsColumn.of(ports);
  }
}
