package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One session's names on a shared engine: a container, network or volume the learner calls {@code
 * web} is {@code dl-<session>.web} on the engine, so that two learners (or two graded submissions)
 * who both type {@code --name web} do not collide. It rewrites the Engine API requests a session
 * sends (paths, queries, create and connect bodies) into engine names and the JSON answers back
 * into the learner's names, so every command of real mode works in the learner's names unchanged.
 *
 * <p>Ids are never touched: a reference of hex digits is an id unless this session made a name of
 * that spelling. The built-in networks ({@code bridge}, {@code host}, {@code none}) keep their
 * names. A container named on a user network also gets its learner name as a network alias (and
 * {@code --link web} becomes {@code --link <engine name>:web}), so {@code ping web} resolves as it
 * would on an engine of its own; the alias is taken out of the container's inspect document again.
 */
final class NameScope {
  /** The kinds of object whose names are scoped. */
  enum Kind {
    CONTAINER,
    NETWORK,
    VOLUME
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> BUILT_IN_NETWORKS = Set.of("bridge", "host", "none", "default");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
  private static final Pattern VERSION = Pattern.compile("^(/v[0-9]+\\.[0-9]+)(/.*)$");

  private final String prefix;
  private final byte[] prefixBytes;
  private final Map<Kind, Set<String>> hexNames = new ConcurrentHashMap<>();
  private final PortScope ports;
  private final ImageScope images;

  private NameScope(String prefix, PortScope ports) {
    this.prefix = prefix;
    this.prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
    this.ports = ports;
    this.images = ImageScope.of(prefix, ports);
  }

  /**
   * The scope of session {@code session} (letters, digits, {@code _ . -}), its host ports free
   * ports of this machine.
   */
  static NameScope of(String session) {
    return of(session, PortScope.onThisHost());
  }

  /** The scope of session {@code session} with these host ports. */
  static NameScope of(String session, PortScope ports) {
    if (!session.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw new IllegalArgumentException("a session id is letters, digits, _ . -: " + session);
    }
    return new NameScope("dl-" + session + ".", ports);
  }

  /** The session's host ports. */
  PortScope ports() {
    return ports;
  }

  /** The session's image tags. */
  ImageScope images() {
    return images;
  }

  /**
   * What an answer's text needs replaced on its way to the learner: the name prefix (and the image
   * prefix, when it differs) taken out, the engine's host ports shown as the learner's.
   */
  List<Rewrite> rewrites() {
    List<Rewrite> out = new ArrayList<>();
    out.add(new Rewrite(prefixBytes, new byte[0]));
    if (!images.prefix().equals(prefix)) {
      out.add(new Rewrite(images.prefix().getBytes(StandardCharsets.UTF_8), new byte[0]));
    }
    out.addAll(ports.rewrites());
    return out;
  }

  /** The session's id (what its sandbox label says). */
  String session() {
    return prefix.substring("dl-".length(), prefix.length() - 1);
  }

  /** What every engine name of this session starts with. */
  String prefix() {
    return prefix;
  }

  byte[] prefixBytes() {
    return prefixBytes;
  }

  /** The engine's name for a name the learner gives a new object. */
  String engineName(Kind kind, String name) {
    if (name.isEmpty() || (kind == Kind.NETWORK && BUILT_IN_NETWORKS.contains(name))) {
      return name;
    }
    if (HEX.matcher(name).matches()) {
      hexNames.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet()).add(name);
    }
    return prefix + name;
  }

  /**
   * The engine's reference for a reference the learner typed: a name gets the prefix, an id (hex
   * digits this session never used as a name) and a built-in network stay as they are.
   */
  String engineRef(Kind kind, String ref) {
    if (ref.isEmpty() || (kind == Kind.NETWORK && BUILT_IN_NETWORKS.contains(ref))) {
      return ref;
    }
    if (HEX.matcher(ref).matches() && !hexNames.getOrDefault(kind, Set.of()).contains(ref)) {
      return ref;
    }
    return prefix + ref;
  }

  /** The learner's name of an engine name, if it is one of this session's. */
  Optional<String> learnerName(String engineName) {
    String bare = engineName.startsWith("/") ? engineName.substring(1) : engineName;
    return bare.startsWith(prefix) && bare.length() > prefix.length()
        ? Optional.of(bare.substring(prefix.length()))
        : Optional.empty();
  }

  /**
   * {@code text} with this session's prefix taken out wherever it starts a name (at the start or
   * after a character that cannot be part of a name), so {@code "/dl-s.web"} reads {@code "/web"}
   * and another session's {@code dl-x-dl-s.web} is left alone.
   */
  String toLearner(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int at = text.indexOf(prefix);
    while (at >= 0) {
      if (at == 0 || !isNameChar(text.charAt(at - 1))) {
        out.append(text, from, at);
        from = at + prefix.length();
      }
      at = text.indexOf(prefix, at + prefix.length());
    }
    return out.append(text, from, text.length()).toString();
  }

  static boolean isNameChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }

  /**
   * The request path (with its query) in engine names: the object a path names ({@code
   * /containers/web/stop}), a new container's {@code name}, a rename's new name, {@code commit}'s
   * container, a build's network and the names inside list and prune {@code filters}.
   */
  String path(String method, String full) {
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    String query = q < 0 ? "" : full.substring(q + 1);
    String version = "";
    Matcher v = VERSION.matcher(path);
    if (v.matches()) {
      version = v.group(1);
      path = v.group(2);
    }
    String[] segs = path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
    Optional<Kind> kind = kindOf(segs.length > 0 ? segs[0] : "");
    boolean names =
        kind.isPresent()
            && (segs.length >= 3
                || (segs.length == 2
                    && (kind.get() == Kind.CONTAINER
                        ? method.equals("DELETE")
                        : !method.equals("POST"))));
    if (names) {
      String ref = decode(segs[1]);
      String mapped = engineRef(kind.get(), ref);
      segs[1] = mapped.equals(ref) ? segs[1] : EngineApi.escape(mapped);
    }
    String mappedPath = (path.startsWith("/") ? "/" : "") + String.join("/", segs);
    String mappedQuery = query.isEmpty() ? "" : "?" + query(kind, segs, query);
    return version + mappedPath + mappedQuery;
  }

  private static Optional<Kind> kindOf(String collection) {
    return switch (collection) {
      case "containers" -> Optional.of(Kind.CONTAINER);
      case "networks" -> Optional.of(Kind.NETWORK);
      case "volumes" -> Optional.of(Kind.VOLUME);
      default -> Optional.empty();
    };
  }

  private String query(Optional<Kind> kind, String[] segs, String query) {
    List<String> parts = new ArrayList<>();
    String last = segs[segs.length - 1];
    for (String part : query.split("&", -1)) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : decode(part.substring(eq + 1));
      String mapped = value;
      if (key.equals("filters") && !value.isEmpty()) {
        mapped = filters(kind.orElse(null), value);
      } else if (key.equals("name")
          && kind.equals(Optional.of(Kind.CONTAINER))
          && (last.equals("create") || last.equals("rename"))) {
        mapped = engineName(Kind.CONTAINER, value);
      } else if (key.equals("container") && segs[0].equals("commit")) {
        mapped = engineRef(Kind.CONTAINER, value);
      } else if (key.equals("networkmode") && segs[0].equals("build")) {
        mapped = networkMode(value);
      }
      parts.add(eq < 0 || mapped.equals(value) ? part : key + "=" + EngineApi.escape(mapped));
    }
    return String.join("&", parts);
  }

  /** A list's or prune's {@code filters} document with the names in it in engine names. */
  String filters(Kind kind, String json) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (IOException e) {
      return json;
    }
    if (!(doc instanceof ObjectNode filters)) {
      return json;
    }
    if (kind == null) {
      return json;
    }
    mapFilter(filters, "name", this::nameFilter);
    if (kind == Kind.CONTAINER) {
      mapFilter(filters, "network", n -> engineRef(Kind.NETWORK, n));
      mapFilter(filters, "volume", n -> n.startsWith("/") ? n : engineRef(Kind.VOLUME, n));
    }
    return filters.toString();
  }

  /**
   * A {@code name} filter: the engine matches it as a regular expression against the name (a
   * container's with and without its {@code /}), so it is matched after the prefix: {@code ^web}
   * becomes {@code ^/?dl-s\\.web}, {@code web} becomes {@code ^/?dl-s\\..*(?:web)}.
   */
  String nameFilter(String value) {
    String quoted = "^/?" + prefix.replace(".", "\\.");
    if (value.startsWith("^")) {
      String rest = value.substring(1);
      return quoted + (rest.startsWith("/") ? rest.substring(1) : rest);
    }
    return quoted + ".*(?:" + value + ")";
  }

  private static void mapFilter(
      ObjectNode filters, String key, java.util.function.UnaryOperator<String> map) {
    JsonNode values = filters.get(key);
    if (values instanceof ArrayNode list) {
      ArrayNode mapped = JsonNodeFactory.instance.arrayNode();
      list.forEach(n -> mapped.add(map.apply(n.asText())));
      filters.set(key, mapped);
    } else if (values instanceof ObjectNode set) {
      ObjectNode mapped = JsonNodeFactory.instance.objectNode();
      set.properties().forEach(e -> mapped.set(map.apply(e.getKey()), e.getValue()));
      filters.set(key, mapped);
    }
  }

  /** A network mode in engine names: {@code container:web}, a user network, or a built-in. */
  String networkMode(String mode) {
    if (mode.startsWith("container:")) {
      return "container:" + engineRef(Kind.CONTAINER, mode.substring("container:".length()));
    }
    return engineRef(Kind.NETWORK, mode);
  }

  /**
   * A container create body in engine names: the network mode and endpoints, links, {@code
   * --volumes-from}, named volumes in binds and mounts, and {@code container:} namespaces; a named
   * container on a user network gets its learner name as an alias there.
   *
   * @param name the name the learner gave the container, empty for none
   */
  String createBody(String json, String name) {
    ObjectNode doc = object(json);
    if (doc == null) {
      return json;
    }
    JsonNode hostNode = doc.get("HostConfig");
    String userNetwork = "";
    if (hostNode instanceof ObjectNode host) {
      mapText(host, "NetworkMode", this::networkMode);
      mapText(host, "PidMode", this::namespaceMode);
      mapText(host, "IpcMode", this::namespaceMode);
      mapArray(host, "Links", this::link);
      mapArray(host, "VolumesFrom", this::volumesFrom);
      mapArray(host, "Binds", this::bind);
      if (host.get("Mounts") instanceof ArrayNode mounts) {
        for (JsonNode m : mounts) {
          if (m instanceof ObjectNode mount
              && mount.path("Type").asText().equals("volume")
              && !mount.path("Source").asText().isEmpty()) {
            mount.put("Source", engineName(Kind.VOLUME, mount.path("Source").asText()));
          }
        }
      }
      String mode = host.path("NetworkMode").asText("");
      if (mode.startsWith(prefix)) {
        userNetwork = mode;
      }
    }
    ObjectNode endpoints = null;
    if (doc.get("NetworkingConfig") instanceof ObjectNode net
        && net.get("EndpointsConfig") instanceof ObjectNode given) {
      endpoints = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : given.properties()) {
        endpoints.set(engineRef(Kind.NETWORK, e.getKey()), e.getValue());
      }
      net.set("EndpointsConfig", endpoints);
    }
    if (!name.isEmpty() && !userNetwork.isEmpty()) {
      if (endpoints == null) {
        endpoints = doc.putObject("NetworkingConfig").putObject("EndpointsConfig");
      }
      JsonNode endpoint = endpoints.get(userNetwork);
      ObjectNode ep = endpoint instanceof ObjectNode o ? o : endpoints.putObject(userNetwork);
      addAlias(ep, name);
    }
    return doc.toString();
  }

  /** A network or volume create body with its {@code Name} in engine names. */
  String namedCreateBody(Kind kind, String json) {
    ObjectNode doc = object(json);
    if (doc == null || !doc.path("Name").isTextual()) {
      return json;
    }
    doc.put("Name", engineName(kind, doc.path("Name").asText()));
    return doc.toString();
  }

  /**
   * A network connect or disconnect body with its container and links in engine names; on a user
   * network of this session the container's learner name (when it has one) becomes an alias.
   *
   * @param containerName the learner's name of the container, if known
   * @param userNetwork whether the network is one of this session's
   */
  String connectBody(String json, Optional<String> containerName, boolean userNetwork) {
    ObjectNode doc = object(json);
    if (doc == null) {
      return json;
    }
    mapText(doc, "Container", c -> engineRef(Kind.CONTAINER, c));
    if (doc.get("EndpointConfig") instanceof ObjectNode ep) {
      mapArray(ep, "Links", this::link);
      if (userNetwork) {
        containerName.ifPresent(n -> addAlias(ep, n));
      }
    }
    return doc.toString();
  }

  /**
   * A container's inspect document (already in learner names) without the aliases this scope added:
   * on each network, the first alias equal to the container's name.
   */
  String inspectDocument(String json) {
    ObjectNode doc = object(json);
    if (doc == null) {
      return json;
    }
    String name = doc.path("Name").asText("").replaceFirst("^/", "");
    if (name.isEmpty()
        || !(doc.path("NetworkSettings").path("Networks") instanceof ObjectNode networks)) {
      return json;
    }
    boolean changed = false;
    for (JsonNode net : networks) {
      if (net.get("Aliases") instanceof ArrayNode aliases) {
        for (int i = 0; i < aliases.size(); i++) {
          if (aliases.get(i).asText().equals(name)) {
            aliases.remove(i);
            changed = true;
            break;
          }
        }
      }
    }
    return changed ? doc.toString() : json;
  }

  private static void addAlias(ObjectNode endpoint, String alias) {
    ArrayNode aliases =
        endpoint.get("Aliases") instanceof ArrayNode a ? a : endpoint.putArray("Aliases");
    for (JsonNode a : aliases) {
      if (a.asText().equals(alias)) {
        return;
      }
    }
    aliases.insert(0, alias);
  }

  private String namespaceMode(String mode) {
    return mode.startsWith("container:")
        ? "container:" + engineRef(Kind.CONTAINER, mode.substring("container:".length()))
        : mode;
  }

  /** {@code web:alias} (or {@code web}, whose alias is then {@code web}) in engine names. */
  private String link(String link) {
    int colon = link.indexOf(':');
    String target = colon < 0 ? link : link.substring(0, colon);
    String alias = colon < 0 ? target : link.substring(colon + 1);
    return engineRef(Kind.CONTAINER, target.replaceFirst("^/", "")) + ":" + alias;
  }

  private String volumesFrom(String from) {
    int colon = from.indexOf(':');
    return colon < 0
        ? engineRef(Kind.CONTAINER, from)
        : engineRef(Kind.CONTAINER, from.substring(0, colon)) + from.substring(colon);
  }

  /** {@code name:/path[:mode]} with a named volume in engine names; a host path stays. */
  private String bind(String bind) {
    int colon = bind.indexOf(':');
    if (colon <= 0 || bind.startsWith("/") || bind.startsWith(".") || bind.startsWith("~")) {
      return bind;
    }
    return engineName(Kind.VOLUME, bind.substring(0, colon)) + bind.substring(colon);
  }

  private static void mapText(
      ObjectNode node, String field, java.util.function.UnaryOperator<String> map) {
    JsonNode v = node.get(field);
    if (v != null && v.isTextual() && !v.asText().isEmpty()) {
      node.put(field, map.apply(v.asText()));
    }
  }

  private static void mapArray(
      ObjectNode node, String field, java.util.function.UnaryOperator<String> map) {
    if (node.get(field) instanceof ArrayNode list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).isTextual()) {
          list.set(i, JsonNodeFactory.instance.textNode(map.apply(list.get(i).asText())));
        }
      }
    }
  }

  private static ObjectNode object(String json) {
    try {
      return JSON.readTree(json) instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
