package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.sh.ContainerFacts.HttpReply;
import io.dockerlings.simulator.sh.ShellProcess;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP between containers and published ports: a request goes to the container that owns the
 * address (or, for a gateway address, the one publishing that host port) and is answered by the
 * server listening there: busybox {@code httpd} serves files, nginx its welcome page, a registry
 * its API.
 */
final class Http {
  private final Engine engine;

  Http(Engine engine) {
    this.engine = engine;
  }

  HttpReply get(Container from, String host, int port, String path) {
    Optional<String> ip = engine.resolve(from, host);
    if (ip.isEmpty()) {
      return new HttpReply("", 0, "", "bad address '" + host + "'");
    }
    // Sharing another container's network namespace, a process reaches what that one does.
    from = engine.netOwner(from);
    String addr = ip.get();
    Optional<Container> target = Optional.empty();
    int targetPort = port;
    if (addr.startsWith("127.")) {
      target = Optional.of(from);
    } else {
      for (Container c : engine.containers().all()) {
        if (c.endpoints.values().stream().anyMatch(ep -> ep.ipAddress().equals(addr))) {
          target = Optional.of(c);
        }
        boolean gateway =
            from.endpoints.values().stream().anyMatch(ep -> ep.gateway().equals(addr));
        Optional<Ports.Published> pub =
            c.published.stream().filter(p -> p.hostPort() == port).findFirst();
        if (gateway && pub.isPresent()) {
          target = Optional.of(c);
          targetPort = pub.get().containerPort();
        }
      }
      if (target.isPresent()
          && !engine.reachable(from, addr)
          && target.get().published.stream().noneMatch(p -> p.hostPort() == port)) {
        return new HttpReply(
            addr, 0, "", "can't connect to remote host (" + addr + "): Connection timed out");
      }
    }
    if (target.isEmpty() || !(target.get().workload instanceof ContainerProcesses table)) {
      return refused(addr);
    }
    int listenPort = targetPort;
    Optional<ShellProcess.Listener> server =
        table.listeners().stream().filter(l -> l.port() == listenPort).findFirst();
    if (server.isEmpty()) {
      return refused(addr);
    }
    return answer(target.get(), server.get(), path, addr);
  }

  /**
   * A request from the host: loopback and the host's own addresses reach published ports, container
   * addresses on the bridges are reached directly.
   */
  HttpReply fromHost(String host, int port, String path) {
    String addr = host.equals("localhost") ? "127.0.0.1" : host;
    if (!addr.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
      return new HttpReply("", 0, "", "bad address '" + host + "'");
    }
    for (Container c : engine.containers().all()) {
      boolean direct = c.endpoints.values().stream().anyMatch(ep -> ep.ipAddress().equals(addr));
      Optional<Ports.Published> pub =
          c.published.stream()
              .filter(p -> p.hostPort() == port && !p.hostIp().contains(":"))
              .findFirst();
      int target = direct ? port : pub.map(Ports.Published::containerPort).orElse(-1);
      if ((direct || pub.isPresent() && !addr.startsWith("172."))
          && c.workload instanceof ContainerProcesses table) {
        Optional<ShellProcess.Listener> server =
            table.listeners().stream().filter(l -> l.port() == target).findFirst();
        if (server.isPresent()) {
          return answer(c, server.get(), path, addr);
        }
      }
    }
    return refused(addr);
  }

  private static HttpReply refused(String addr) {
    return new HttpReply(
        addr, 0, "", "can't connect to remote host (" + addr + "): Connection refused");
  }

  private HttpReply answer(Container c, ShellProcess.Listener server, String path, String addr) {
    engine.containers().touch(c);
    String p = path.isEmpty() ? "/" : path;
    switch (server.program()) {
      case "registry" -> {
        return registry(c, p, addr);
      }
      case "httpd" -> {
        String file = io.dockerlings.simulator.sh.Paths.resolve(server.home(), p.substring(1));
        try {
          if (c.files.view().stat(file).isDirectory()) {
            file = file + "/index.html";
          }
          return new HttpReply(
              addr, 200, new String(c.files.view().read(file), StandardCharsets.UTF_8), "");
        } catch (RuntimeException e) {
          return new HttpReply(addr, 404, "", "");
        }
      }
      default -> {
        String file = "/usr/share/nginx/html" + (p.equals("/") ? "/index.html" : p);
        try {
          return new HttpReply(
              addr, 200, new String(c.files.view().read(file), StandardCharsets.UTF_8), "");
        } catch (RuntimeException e) {
          return p.equals("/")
              ? new HttpReply(addr, 200, NGINX_WELCOME, "")
              : new HttpReply(addr, 404, "", "");
        }
      }
    }
  }

  private HttpReply registry(Container c, String path, String addr) {
    Registries.Store store = engine.registries().storeOf(c);
    if (path.equals("/v2/") || path.equals("/v2")) {
      return new HttpReply(addr, 200, "{}\n", "");
    }
    if (path.equals("/v2/_catalog")) {
      StringBuilder b = new StringBuilder("{\"repositories\":[");
      int i = 0;
      for (String repo : store.repositories.keySet()) {
        b.append(i++ > 0 ? "," : "").append('"').append(repo).append('"');
      }
      return new HttpReply(addr, 200, b.append("]}\n").toString(), "");
    }
    if (path.startsWith("/v2/") && path.endsWith("/tags/list")) {
      String repo = path.substring(4, path.length() - "/tags/list".length());
      Map<String, String> tags = store.repositories.getOrDefault(repo, new TreeMap<>());
      if (tags.isEmpty()) {
        return new HttpReply(addr, 404, "", "");
      }
      StringBuilder b = new StringBuilder("{\"name\":\"" + repo + "\",\"tags\":[");
      int i = 0;
      for (String t : tags.keySet()) {
        b.append(i++ > 0 ? "," : "").append('"').append(t).append('"');
      }
      return new HttpReply(addr, 200, b.append("]}\n").toString(), "");
    }
    return new HttpReply(addr, 404, "", "");
  }

  /** The page a fresh nginx container serves at /. */
  private static final String NGINX_WELCOME =
      "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n"
          + "<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\n"
          + "working. Further configuration is required.</p>\n</body>\n</html>\n";
}
