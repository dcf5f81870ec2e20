package io.dockerlings.lessons.goal;

import io.dockerlings.simulator.EngineSnapshot.Port;

/**
 * A published port a goal asks for: {@code "80/tcp -> 8080"}, {@code "80 -> 127.0.0.1:8080"},
 * docker's own {@code "8080:80"}, or {@code "80/tcp"} alone (published on any host port).
 *
 * @param containerPort {@code 80/tcp}
 * @param hostIp the host address asked for; empty for any
 * @param hostPort the host port asked for; empty for any
 */
record PortSpec(String containerPort, String hostIp, String hostPort) {

  static PortSpec parse(Fields f) {
    String t = f.text().trim();
    String container;
    String host;
    if (t.contains("->")) {
      container = t.substring(0, t.indexOf("->")).trim();
      host = t.substring(t.indexOf("->") + 2).trim();
    } else if (t.contains(":")) {
      int last = t.lastIndexOf(':');
      container = t.substring(last + 1).trim();
      host = t.substring(0, last).trim();
    } else {
      container = t;
      host = "";
    }
    if (!container.matches("\\d+(/(tcp|udp|sctp))?")) {
      throw f.error("'" + t + "' is not a port: write \"80/tcp -> 8080\" or \"8080:80\"");
    }
    if (!container.contains("/")) {
      container = container + "/tcp";
    }
    String ip = "";
    String port = host;
    if (host.contains(":")) {
      ip = host.substring(0, host.lastIndexOf(':'));
      port = host.substring(host.lastIndexOf(':') + 1);
    }
    if (!port.isEmpty() && !port.matches("\\d+")) {
      throw f.error("'" + t + "' names host port '" + port + "', which is not a number");
    }
    return new PortSpec(container, ip, port);
  }

  boolean matches(Port p) {
    return p.containerPort().equals(containerPort)
        && (hostPort.isEmpty() || p.hostPort().equals(hostPort))
        && (hostIp.isEmpty() || p.hostIp().equals(hostIp));
  }

  /** The host side as the learner reads it: {@code 8080}, {@code 127.0.0.1:8080}. */
  String hostSide() {
    return (hostIp.isEmpty() ? "" : hostIp + ":") + (hostPort.isEmpty() ? "any port" : hostPort);
  }

  static String hostSide(Port p) {
    return (p.hostIp().isEmpty() || p.hostIp().equals("0.0.0.0") ? "" : p.hostIp() + ":")
        + p.hostPort();
  }

  @Override
  public String toString() {
    return containerPort + " -> " + hostSide();
  }
}
