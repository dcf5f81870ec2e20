package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.sh.ContainerFacts.HttpReply;
import io.dockerlings.simulator.sh.ShellProcess;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
      case "python", "python2", "python2.7", "python3" -> {
        return flask(c, server.home(), p, addr);
      }
      case "httpd" -> {
        String file = io.dockerlings.simulator.sh.Paths.resolve(server.home(), p.substring(1));
        try {
          if (c.files.view().stat(file).isDirectory()) {
            file = file + "/index.html";
          }
          byte[] data = c.files.view().read(file);
          Instant modified = c.files.view().stat(file).mtime();
          return reply(
              addr,
              200,
              new String(data, StandardCharsets.UTF_8),
              "Date: " + date(),
              "Connection: close",
              "Content-type: text/html",
              "Accept-Ranges: bytes",
              "Last-Modified: " + HTTP_DATE.format(modified),
              "ETag: " + etag(modified, data.length),
              "Content-Length: " + data.length);
        } catch (RuntimeException e) {
          // busybox httpd's own page for a missing file.
          return reply(
              addr,
              404,
              BUSYBOX_404,
              "Date: " + date(),
              "Connection: close",
              "Content-type: text/html");
        }
      }
      default -> {
        String file = "/usr/share/nginx/html" + (p.endsWith("/") ? p + "index.html" : p);
        try {
          byte[] data = c.files.view().read(file);
          Instant modified = c.files.view().stat(file).mtime();
          return reply(
              addr,
              200,
              new String(data, StandardCharsets.UTF_8),
              "Server: " + NGINX_VERSION,
              "Date: " + date(),
              "Content-Type: text/html",
              "Content-Length: " + data.length,
              "Last-Modified: " + HTTP_DATE.format(modified),
              "Connection: keep-alive",
              "ETag: " + etag(modified, data.length),
              "Accept-Ranges: bytes");
        } catch (RuntimeException e) {
          String body = NGINX_404;
          return reply(
              addr,
              404,
              body,
              "Server: " + NGINX_VERSION,
              "Date: " + date(),
              "Content-Type: text/html",
              "Content-Length: " + body.length(),
              "Connection: keep-alive");
        }
      }
    }
  }

  /** Flask's development server (Werkzeug on Python 2.7) answering from the app's routes. */
  private HttpReply flask(Container c, String script, String path, String addr) {
    io.dockerlings.simulator.sh.FlaskApp app =
        new io.dockerlings.simulator.sh.FlaskApp(
            new String(c.files.view().read(script), StandardCharsets.UTF_8));
    Map<String, String> env = new TreeMap<>();
    for (String e : c.config.env()) {
      int eq = e.indexOf('=');
      if (eq > 0) {
        env.put(e.substring(0, eq), e.substring(eq + 1));
      }
    }
    Optional<String> body =
        app.respond(
            path,
            io.dockerlings.simulator.sh.FlaskApp.context(
                env::get, c.config.hostname(), key -> redisIncr(c, key)));
    String text =
        body.orElse(
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n"
                + "<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not"
                + " found on the server. If you entered the URL manually please check your"
                + " spelling and try again.</p>\n");
    int status = body.isPresent() ? 200 : 404;
    java.util.List<String> lines =
        java.util.List.of(
            body.isPresent() ? "HTTP/1.0 200 OK" : "HTTP/1.0 404 NOT FOUND",
            "Content-Type: text/html; charset=utf-8",
            "Content-Length: " + text.getBytes(StandardCharsets.UTF_8).length,
            "Server: Werkzeug/1.0.1 Python/2.7.18",
            "Date: " + date());
    return new HttpReply(addr, status, text, "", lines);
  }

  /** {@code redis.incr(key)} against the redis-server reached by the name redis, if any. */
  private Optional<Long> redisIncr(Container from, String key) {
    Optional<String> ip = engine.resolve(from, "redis");
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    for (Container c : engine.containers().all()) {
      boolean there = c.endpoints.values().stream().anyMatch(ep -> ep.ipAddress().equals(ip.get()));
      if (there
          && c.isRunning()
          && c.config.cmd().map(cmd -> cmd.contains("redis-server")).orElse(false)) {
        return Optional.of(counters.merge(c.id + "/" + key, 1L, Long::sum));
      }
    }
    return Optional.empty();
  }

  /** The counters of the redis servers the apps increment, by container and key. */
  private final Map<String, Long> counters = new TreeMap<>();

  /** A reply with its status line (HTTP/1.1) and header lines. */
  private static HttpReply reply(String addr, int status, String body, String... headers) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    lines.add("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found"));
    lines.addAll(java.util.List.of(headers));
    return new HttpReply(addr, status, body, "", java.util.List.copyOf(lines));
  }

  /** The registry's JSON replies and its API headers. */
  private HttpReply json(String addr, int status, String body, boolean lengthFirst) {
    String length = "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
    String type = "Content-Type: application/json; charset=utf-8";
    String api = "Docker-Distribution-Api-Version: registry/2.0";
    // The registry's handler for /v2/ sets the length before the others; the rest after.
    return lengthFirst
        ? reply(addr, status, body, length, type, api, "Date: " + date())
        : reply(addr, status, body, type, api, "Date: " + date(), length);
  }

  private String date() {
    return HTTP_DATE.format(engine.lifecycle().now());
  }

  private static String etag(Instant modified, long size) {
    return "\"" + Long.toHexString(modified.getEpochSecond()) + "-" + Long.toHexString(size) + "\"";
  }

  private static final java.time.format.DateTimeFormatter HTTP_DATE =
      java.time.format.DateTimeFormatter.ofPattern(
              "EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);

  private HttpReply registry(Container c, String path, String addr) {
    Registries.Store store = engine.registries().storeOf(c);
    if (path.equals("/v2/") || path.equals("/v2")) {
      return json(addr, 200, "{}", true);
    }
    if (path.equals("/v2/_catalog")) {
      StringBuilder b = new StringBuilder("{\"repositories\":[");
      int i = 0;
      for (String repo : store.repositories.keySet()) {
        b.append(i++ > 0 ? "," : "").append('"').append(repo).append('"');
      }
      return json(addr, 200, b.append("]}\n").toString(), false);
    }
    if (path.startsWith("/v2/") && path.endsWith("/tags/list")) {
      String repo = path.substring(4, path.length() - "/tags/list".length());
      Map<String, String> tags = store.repositories.getOrDefault(repo, new TreeMap<>());
      if (tags.isEmpty()) {
        return json(
            addr,
            404,
            "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to"
                + " registry\",\"detail\":{\"name\":\""
                + repo
                + "\"}}]}\n",
            false);
      }
      StringBuilder b = new StringBuilder("{\"name\":\"" + repo + "\",\"tags\":[");
      int i = 0;
      for (String t : tags.keySet()) {
        b.append(i++ > 0 ? "," : "").append('"').append(t).append('"');
      }
      return json(addr, 200, b.append("]}\n").toString(), false);
    }
    // Go's plain not-found for a route the registry does not have.
    return reply(
        addr,
        404,
        "404 page not found\n",
        "Content-Type: text/plain; charset=utf-8",
        "X-Content-Type-Options: nosniff",
        "Date: " + date(),
        "Content-Length: 19");
  }

  private static final String NGINX_VERSION = "nginx/1.25.3";

  /** busybox httpd's page for a file it does not have. */
  private static final String BUSYBOX_404 =
      "<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n"
          + "<BODY><H1>404 Not Found</H1>\n"
          + "The requested URL was not found\n"
          + "</BODY></HTML>\n";

  /** nginx's built-in page for a missing file. */
  private static final String NGINX_404 =
      "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
          + "<center><h1>404 Not Found</h1></center>\r\n<hr><center>"
          + NGINX_VERSION
          + "</center>\r\n</body>\r\n</html>\r\n";
}
