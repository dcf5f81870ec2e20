package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the daemon finds a registry's address from its host name, as Go's resolver does on the
 * simulated host: {@code /etc/hosts} first, then the first nameserver of {@code /etc/resolv.conf},
 * which answers no name, since the course machine has no internet.
 */
final class HostResolver {
  private HostResolver() {}

  /** Whether {@code host} is an address already (IPv4 or bracketed IPv6), needing no lookup. */
  static boolean isAddress(String host) {
    return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.startsWith("[");
  }

  /** The address {@code /etc/hosts} gives {@code name}, if a line names it. */
  static Optional<String> hostsEntry(FileSystem host, String name) {
    for (String line : read(host, "/etc/hosts").split("\n")) {
      int hash = line.indexOf('#');
      String[] fields = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
      for (int i = 1; i < fields.length; i++) {
        if (fields[i].equalsIgnoreCase(name)) {
          return Optional.of(fields[0]);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The daemon's error for a name no resolver knows: {@code dial tcp: lookup NAME on NS:53: no such
   * host}, NS being the host's first nameserver (Go asks the loopback one when there is none).
   */
  static String noSuchHost(FileSystem host, String name) {
    String ns = "127.0.0.1";
    for (String line : read(host, "/etc/resolv.conf").split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 2 && fields[0].equals("nameserver")) {
        ns = fields[1].contains(":") ? "[" + fields[1] + "]" : fields[1];
        break;
      }
    }
    return "dial tcp: lookup " + name + " on " + ns + ":53: no such host";
  }

  private static String read(FileSystem host, String path) {
    try {
      return host.exists(path) ? new String(host.read(path), StandardCharsets.UTF_8) : "";
    } catch (FsException e) {
      return "";
    }
  }
}
