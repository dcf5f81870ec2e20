package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.fs.FileSystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's settings from {@code /etc/docker/daemon.json}, read when the daemon (re)starts:
 * registries it may reach over plain HTTP, and Docker Hub mirrors.
 */
record DaemonConfig(List<String> insecureRegistries, List<String> registryMirrors) {
  static final DaemonConfig DEFAULT = new DaemonConfig(List.of(), List.of());

  /** Reads the file; a file that is not valid JSON stops the daemon from starting. */
  static DaemonConfig read(FileSystem host) {
    if (!host.exists("/etc/docker/daemon.json")) {
      return DEFAULT;
    }
    String text = new String(host.read("/etc/docker/daemon.json"), StandardCharsets.UTF_8);
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw Failure.daemon(
          "unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character in JSON ("
              + e.getOriginalMessage()
              + ")");
    }
    List<String> mirrors = new ArrayList<>();
    for (String m : strings(json.get("registry-mirrors"))) {
      mirrors.add(mirror(m));
    }
    return new DaemonConfig(strings(json.get("insecure-registries")), mirrors);
  }

  /**
   * A mirror as the daemon keeps it, {@code https://host/} with one trailing slash (so {@code
   * docker info} lists it that way); anything but a bare http(s) URL keeps the daemon from
   * starting.
   */
  static String mirror(String value) {
    java.net.URI uri;
    try {
      uri = new java.net.URI(value);
    } catch (java.net.URISyntaxException e) {
      throw Failure.daemon("invalid mirror: \"" + value + "\" is not a valid URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw Failure.daemon(
          "invalid mirror: unsupported scheme \"" + scheme + "\" in \"" + value + "\"");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/")
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw Failure.daemon(
          "invalid mirror: path, query, or fragment at end of the URI \"" + value + "\"");
    }
    return value.endsWith("/") ? value : value + "/";
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** Whether plain HTTP is allowed to this {@code host:port}. */
  boolean insecure(String domain) {
    String host = domain.contains(":") ? domain.substring(0, domain.lastIndexOf(':')) : domain;
    for (String entry : insecureRegistries) {
      if (entry.equals(domain) || entry.equals(host)) {
        return true;
      }
      if (entry.contains("/")) {
        try {
          String[] parts = entry.split("/");
          int prefix = Integer.parseInt(parts[1]);
          int mask = Network.mask(prefix);
          if ((Network.ip(parts[0]) & mask) == (Network.ip(host) & mask)) {
            return true;
          }
        } catch (RuntimeException e) {
          // not an address range, or the host is a name: no match
        }
      }
    }
    return false;
  }
}
