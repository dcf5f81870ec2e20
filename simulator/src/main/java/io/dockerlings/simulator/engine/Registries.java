package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileSystem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Private registries run from the {@code registry:2} image: what each one stores (by the volume or
 * host directory behind its {@code /var/lib/registry}, so data outlives the container), and how the
 * daemon reaches one from a reference's {@code host:port}.
 *
 * <p>Loopback addresses reach a registry through its published port and need no TLS; any other
 * address is refused over plain HTTP, as an engine without {@code insecure-registries} refuses.
 */
final class Registries {
  /** One registry's content: repositories with their tags, and the layer blobs it holds. */
  static final class Store {
    final Map<String, TreeMap<String, String>> repositories = new TreeMap<>();
    final Set<String> blobs = new HashSet<>();

    /** A way back to this registry's content now, for a push that fails half-way. */
    Runnable memento() {
      Map<String, TreeMap<String, String>> repos0 = new TreeMap<>();
      repositories.forEach((k, v) -> repos0.put(k, new TreeMap<>(v)));
      Set<String> blobs0 = new HashSet<>(blobs);
      return () -> {
        repositories.clear();
        repositories.putAll(repos0);
        blobs.clear();
        blobs.addAll(blobs0);
      };
    }
  }

  private final Engine engine;
  private final Map<String, Store> stores = new HashMap<>();

  Registries(Engine engine) {
    this.engine = engine;
  }

  /** The content of a registry container. */
  Store storeOf(Container c) {
    return stores.computeIfAbsent(storageKey(c), k -> new Store());
  }

  /** The registry a reference's domain reaches, or the daemon's error for why it cannot. */
  Store reach(ImageRef ref, String scheme) {
    String domain = ref.domain();
    int colon = domain.lastIndexOf(':');
    String name = colon < 0 ? domain : domain.substring(0, colon);
    int port = colon < 0 ? 443 : Integer.parseInt(domain.substring(colon + 1));
    String host = name.equals("localhost") ? "127.0.0.1" : name;
    if (!name.equals("localhost") && !HostResolver.isAddress(name)) {
      // A registry named by host (daocloud.io, a mirror of the notes) needs DNS, which the
      // offline course machine lacks; only /etc/hosts on the host can name an address.
      FileSystem fs = engine.volumes().host();
      host =
          HostResolver.hostsEntry(fs, name)
              .orElseThrow(
                  () ->
                      Failure.daemon(
                          "Get \"https://"
                              + domain
                              + "/v2/\": "
                              + HostResolver.noSuchHost(fs, name)));
    }
    boolean loopback = host.equals("localhost") || host.startsWith("127.");
    if (!loopback) {
      Optional<Container> byIp = registryAt(host);
      if (byIp.isPresent() && engine.daemonConfig().insecure(domain)) {
        return stores.computeIfAbsent(storageKey(byIp.get()), k -> new Store());
      }
      if (byIp.isPresent()) {
        throw Failure.daemon(
            "Get \"https://" + domain + "/v2/\": http: server gave HTTP response to HTTPS client");
      }
      throw Failure.daemon(
          "Get \"https://"
              + domain
              + "/v2/\": dial tcp "
              + host
              + ":"
              + port
              + ": connect: no route to host");
    }
    for (Container c : engine.containers().all()) {
      if (isRegistry(c)
          && c.published.stream()
              .anyMatch(p -> p.hostPort() == port && p.containerPort() == 5000)) {
        return stores.computeIfAbsent(storageKey(c), k -> new Store());
      }
    }
    throw Failure.plain(
        "Get \""
            + scheme
            + "://"
            + domain
            + "/v2/\": dial tcp "
            + host
            + ":"
            + port
            + ": connect: connection refused");
  }

  private Optional<Container> registryAt(String ip) {
    for (Container c : engine.containers().all()) {
      if (isRegistry(c)
          && c.endpoints.values().stream().anyMatch(ep -> ep.ipAddress().equals(ip))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private boolean isRegistry(Container c) {
    return c.status == ContainerStatus.RUNNING
        && engine.images().tagsOf(c.imageId).stream().anyMatch(t -> t.startsWith("registry:"));
  }

  /** Where the registry keeps its data: the volume or bind at /var/lib/registry, else itself. */
  private static String storageKey(Container c) {
    for (Volumes.Mount m : c.config.mounts()) {
      if (m.destination().equals("/var/lib/registry")) {
        return m.type().equals("bind") ? "bind:" + m.source() : "volume:" + m.name();
      }
    }
    return "container:" + c.id;
  }
}
