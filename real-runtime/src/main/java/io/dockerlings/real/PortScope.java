package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One session's host ports on a shared engine: a host port the learner names ({@code -p 8080:80},
 * {@code localhost:5000/app}) is, on the engine, a free port this session was given for it the
 * first time it named it, the same one for the rest of the session. Two sessions that both publish
 * 8080 therefore both succeed, and one session publishing its own 8080 twice still gets the
 * engine's "port is already allocated", shown with 8080. Answers show the learner's numbers again:
 * the published ports of {@code ps} and {@code inspect} as fields, and {@code host:port} in text
 * (an image name such as {@code localhost:5000/app}, a push's repository, an error's bind address).
 *
 * <p>A range ({@code -p 8080-8081:80-81}) and a random port ({@code -p 80}, {@code -P}) pass as
 * they are: the engine picks a random port itself, which no other session holds.
 */
final class PortScope {
  /** The host names that reach this machine's published ports in a reference or a URL. */
  private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1");

  /** Addresses that show a published port in the engine's own text. */
  private static final List<String> SHOWN_HOSTS =
      List.of("localhost", "127.0.0.1", "0.0.0.0", "[::]", "::");

  private static final Pattern HOST_PORT = Pattern.compile("(localhost|127\\.0\\.0\\.1):([0-9]+)");

  private final Map<Integer, Integer> toEngine = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> toLearner = new ConcurrentHashMap<>();
  private final IntSupplier freePort;
  private final java.util.function.IntPredicate ownNumberFree;

  /**
   * The own numbers that sessions of this process hold: a second session starting at the same
   * moment must not find the first one's number free only because its server is not up yet.
   */
  private final java.util.Set<Integer> heldInProcess;

  /** The numbers of {@link #heldInProcess} this session holds, given back by {@link #release}. */
  private final java.util.Set<Integer> heldHere = ConcurrentHashMap.newKeySet();

  /** A scope that takes each new engine port from {@code freePort}, never the learner's number. */
  PortScope(IntSupplier freePort) {
    this(freePort, port -> false, ConcurrentHashMap.newKeySet());
  }

  /**
   * A scope that keeps the learner's number where {@code ownNumberFree} says nobody holds it and no
   * other scope sharing {@code heldInProcess} holds it, and otherwise takes a port from {@code
   * freePort}.
   */
  PortScope(
      IntSupplier freePort,
      java.util.function.IntPredicate ownNumberFree,
      java.util.Set<Integer> heldInProcess) {
    this.freePort = freePort;
    this.ownNumberFree = ownNumberFree;
    this.heldInProcess = heldInProcess;
  }

  /** As {@link #onThisHost(java.util.Set)}, sharing with no other session. */
  static PortScope onThisHost() {
    return onThisHost(ConcurrentHashMap.newKeySet());
  }

  /**
   * A scope on this machine: a session keeps its own number while nothing here listens on it and no
   * session of this process (sharing {@code heldInProcess}) holds it (a container reaching the
   * host's {@code 172.17.0.1:8080} then finds the learner's server, as on an engine of one's own),
   * and gets a port nothing listens on otherwise.
   */
  static PortScope onThisHost(java.util.Set<Integer> heldInProcess) {
    return new PortScope(PortScope::freeLocalPort, PortScope::freeHere, heldInProcess);
  }

  /** Gives back the own numbers this session held, for later sessions of this process. */
  void release() {
    heldInProcess.removeAll(heldHere);
    heldHere.clear();
  }

  private boolean keepsOwnNumber(int port) {
    if (toLearner.containsKey(port) || !heldInProcess.add(port)) {
      return false;
    }
    if (ownNumberFree.test(port)) {
      heldHere.add(port);
      return true;
    }
    heldInProcess.remove(port);
    return false;
  }

  private static boolean freeHere(int port) {
    if (port < 1 || port > 65535) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static int freeLocalPort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The engine's port for the learner's {@code port}, given on first use and kept for the session.
   */
  synchronized int enginePort(int port) {
    Integer known = toEngine.get(port);
    if (known != null) {
      return known;
    }
    if (keepsOwnNumber(port)) {
      toEngine.put(port, port);
      toLearner.put(port, port);
      return port;
    }
    int given = freePort.getAsInt();
    while (toLearner.containsKey(given) || given == port) {
      given = freePort.getAsInt();
    }
    toEngine.put(port, given);
    toLearner.put(given, port);
    return given;
  }

  /** The learner's number of an engine port this session was given, if it is one. */
  Optional<Integer> learnerPort(int enginePort) {
    return Optional.ofNullable(toLearner.get(enginePort));
  }

  /** {@code localhost:5000} (or {@code 127.0.0.1:5000}) with the engine's port; others stay. */
  String engineHost(String hostPort) {
    Matcher m = HOST_PORT.matcher(hostPort);
    if (!m.matches()) {
      return hostPort;
    }
    Optional<Integer> port = number(m.group(2));
    return port.map(p -> m.group(1) + ":" + enginePort(p)).orElse(hostPort);
  }

  /** Whether a reference's registry part is one of this machine's ports ({@code localhost:N}). */
  static boolean isLocalRegistry(String domain) {
    Matcher m = HOST_PORT.matcher(domain);
    return m.matches() && LOCAL_HOSTS.contains(m.group(1)) && number(m.group(2)).isPresent();
  }

  /** A container create body's published host ports ({@code HostConfig.PortBindings}) mapped. */
  void createBody(ObjectNode doc) {
    if (doc.path("HostConfig").get("PortBindings") instanceof ObjectNode bindings) {
      for (JsonNode list : bindings) {
        if (list instanceof ArrayNode each) {
          for (JsonNode b : each) {
            if (b instanceof ObjectNode binding) {
              number(binding.path("HostPort").asText(""))
                  .ifPresent(p -> binding.put("HostPort", String.valueOf(enginePort(p))));
            }
          }
        }
      }
    }
  }

  /**
   * A JSON answer (a container list or inspect document, already parsed) with the engine's ports of
   * this session shown as the learner's: {@code PublicPort} and {@code HostPort} fields anywhere.
   *
   * @return whether anything changed
   */
  boolean unmap(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode o) {
      JsonNode pub = o.get("PublicPort");
      if (pub != null && pub.isInt()) {
        Optional<Integer> p = learnerPort(pub.asInt());
        if (p.isPresent()) {
          o.put("PublicPort", p.get());
          changed = true;
        }
      }
      JsonNode host = o.get("HostPort");
      if (host != null && host.isTextual()) {
        Optional<Integer> p = number(host.asText()).flatMap(this::learnerPort);
        if (p.isPresent()) {
          o.put("HostPort", String.valueOf(p.get()));
          changed = true;
        }
      }
    }
    if (node != null && node.isContainerNode()) {
      for (JsonNode child : node) {
        changed |= unmap(child);
      }
    }
    return changed;
  }

  /**
   * The texts to replace in an answer, engine's first: {@code localhost:<engine port>} and the
   * like, each with the learner's number.
   */
  List<Rewrite> rewrites() {
    List<Rewrite> out = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : toLearner.entrySet()) {
      for (String host : SHOWN_HOSTS) {
        out.add(
            new Rewrite(
                (host + ":" + e.getKey()).getBytes(StandardCharsets.UTF_8),
                (host + ":" + e.getValue()).getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  /** A port number as docker takes it (1 to 65535), from decimal digits only. */
  static Optional<Integer> number(String text) {
    if (!text.matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(text);
    return n >= 1 && n <= 65535 ? Optional.of(n) : Optional.empty();
  }
}
