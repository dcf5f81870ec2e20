package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's HTTP transport as one session sees it: every request goes out in engine names and
 * every JSON answer comes back in the learner's names ({@link NameScope}). Raw streams (a
 * container's output, tars) pass unchanged. Everything real mode sends goes through here, the typed
 * client's calls and the raw ones alike; the sandbox's own bookkeeping does not.
 */
final class ScopedHttpClient implements DockerHttpClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerHttpClient engine;
  private final NameScope scope;
  private final Ceilings ceilings;
  private final ImageRequests images;

  ScopedHttpClient(DockerHttpClient engine, NameScope scope) {
    this(engine, scope, new Ceilings(SandboxLimits.none(), () -> 0));
  }

  /**
   * @param ceilings the sandbox's resource ceilings, put into creates, updates and builds and taken
   *     out of inspect and stats answers
   */
  ScopedHttpClient(DockerHttpClient engine, NameScope scope, Ceilings ceilings) {
    this.engine = engine;
    this.scope = scope;
    this.ceilings = ceilings;
    this.images =
        new ImageRequests(
            scope.images(), ref -> get("/images/" + EngineApi.escape(ref) + "/json").isPresent());
  }

  /** The session's scope (names, image tags, host ports). */
  NameScope scope() {
    return scope;
  }

  @Override
  public Response execute(Request request) {
    String method = request.method();
    String path = images.path(method, scope.path(method, request.path()));
    if (method.equals("POST") && isBuild(path)) {
      path = cacheOfOwnChains(path);
    }
    String bare = path.replaceFirst("^/v[0-9]+\\.[0-9]+", "").replaceFirst("\\?.*$", "");
    boolean create = method.equals("POST") && bare.equals("/containers/create");
    if (method.equals("POST") && bare.equals("/build")) {
      path = ceilings.buildQuery(path);
    }
    Request.Builder mapped = Request.builder().method(method).path(path).headers(request.headers());
    Ceilings.Asked asked = null;
    if (method.equals("POST") && namesInBody(bare)) {
      byte[] given = bytes(request);
      if (given != null) {
        byte[] body = mapBody(bare, request.path(), given);
        if (create && ceilings.active()) {
          Ceilings.Applied applied = ceilings.create(new String(body, StandardCharsets.UTF_8));
          body = applied.body().getBytes(StandardCharsets.UTF_8);
          asked = applied.asked();
        }
        mapped.bodyBytes(body);
      }
    } else if (method.equals("POST")
        && ceilings.active()
        && bare.matches("/containers/[^/]+/update")) {
      byte[] given = bytes(request);
      if (given != null) {
        String id = containerId(bare.split("/")[2]);
        mapped.bodyBytes(
            ceilings
                .update(id, new String(given, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
      }
    } else if (request.bodyBytes() != null) {
      mapped.bodyBytes(request.bodyBytes());
    } else if (request.body() != null) {
      mapped.body(request.body());
    }
    if (request.hijackedInput() != null) {
      mapped.hijackedInput(request.hijackedInput());
    }
    Response answer = engine.execute(mapped.build());
    if (asked != null && answer.getStatusCode() == 201) {
      answer = remember(answer, asked);
    }
    if (create && queryValue(request.path(), "name").isEmpty() && answer.getStatusCode() == 201) {
      answer = scopeGeneratedName(answer);
    }
    Whole whole = Whole.NONE;
    if (method.equals("GET") && answer.getStatusCode() < 300) {
      if (bare.matches("/containers/[^/]+/json")) {
        whole = Whole.CONTAINER;
      } else if (bare.equals("/containers/json")) {
        whole = Whole.CONTAINERS;
      } else if (bare.equals("/images/json")) {
        whole = Whole.IMAGES;
      }
    }
    if (ceilings.active()
        && method.equals("GET")
        && bare.matches("/containers/[^/]+/stats")
        && queryValue(path, "stream").equals("false")
        && answer.getStatusCode() < 300) {
      answer = learnerStats(answer, containerId(bare.split("/")[2]));
    }
    return new Unscoped(answer, scope, images, whole, whole == Whole.CONTAINER ? ceilings : null);
  }

  /** Remembers what the learner asked of the container just created, by the id the engine gave. */
  private Response remember(Response created, Ceilings.Asked asked) {
    byte[] body = readAll(created);
    try {
      ceilings.created(JSON.readTree(body).path("Id").asText(""), asked);
    } catch (IOException notJson) {
      // nothing created to remember
    }
    return new Buffered(created, body);
  }

  /** A stats answer with the sandbox's ceilings taken out. */
  private Response learnerStats(Response stats, String id) {
    byte[] body = readAll(stats);
    return new Buffered(
        stats,
        ceilings
            .stats(id, new String(body, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The engine's id of the container at this (engine) path segment, or the segment itself. */
  private String containerId(String segment) {
    if (segment.matches("[0-9a-f]{64}")) {
      return segment;
    }
    return get("/containers/" + segment + "/json")
        .map(doc -> doc.path("Id").asText(segment))
        .orElse(segment);
  }

  private static byte[] readAll(Response answer) {
    try (answer;
        InputStream in = answer.getBody()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A container created without a name gets one from the engine ({@code suspicious_vaughan}); it is
   * renamed at once into the session's names ({@code dl-<session>.suspicious_vaughan}), so the
   * learner reaches it by the name {@code ps} shows, as any other.
   */
  private Response scopeGeneratedName(Response created) {
    byte[] body = readAll(created);
    try {
      String id = JSON.readTree(body).path("Id").asText("");
      if (id.matches("[0-9a-f]{12,64}")) {
        get("/containers/" + id + "/json")
            .map(doc -> doc.path("Name").asText("").replaceFirst("^/", ""))
            .filter(n -> !n.isEmpty() && scope.learnerName(n).isEmpty())
            .ifPresent(
                generated -> {
                  Request rename =
                      Request.builder()
                          .method(Request.Method.POST)
                          .path(
                              "/containers/"
                                  + id
                                  + "/rename?name="
                                  + EngineApi.escape(
                                      scope.engineName(NameScope.Kind.CONTAINER, generated)))
                          .build();
                  try (Response r = engine.execute(rename)) {
                    r.getBody().close();
                  } catch (IOException e) {
                    // left with the engine's name: still the session's, by label
                  }
                });
      }
    } catch (IOException notJson) {
      // nothing to rename
    }
    return new Buffered(created, body);
  }

  private static boolean isBuild(String path) {
    return path.replaceFirst("^/v[0-9]+\\.[0-9]+", "").replaceFirst("\\?.*$", "").equals("/build");
  }

  /**
   * A build that may take steps from the cache only along chains of images this session may see:
   * its own (labelled with it, tagged or not) and the engine's shared ones, never another session's
   * (whose steps are not its own to reuse: a learner's build would say "Using cache" for a step
   * only another learner ran). The engine's {@code cachefrom} does exactly that. A learner's own
   * {@code --cache-from}, or {@code --no-cache}, is left as given.
   */
  private String cacheOfOwnChains(String path) {
    if (path.contains("cachefrom=")
        || path.contains("nocache=1")
        || path.contains("nocache=true")) {
      return path;
    }
    List<String> sources = new java.util.ArrayList<>();
    get("/images/json")
        .ifPresent(
            list ->
                list.forEach(
                    image -> {
                      boolean own =
                          image
                              .path("Labels")
                              .path(Sandbox.SANDBOX)
                              .asText("")
                              .equals(scope.session());
                      boolean shared = false;
                      for (JsonNode t : image.path("RepoTags")) {
                        shared |=
                            !t.asText().startsWith("<none>")
                                && !scope.images().othersTag(t.asText());
                      }
                      if (own || shared) {
                        sources.add(image.path("Id").asText());
                      }
                    }));
    if (sources.isEmpty()) {
      return path;
    }
    String json =
        JSON.createArrayNode()
            .addAll(sources.stream().map(JSON.getNodeFactory()::textNode).toList())
            .toString();
    return path + (path.contains("?") ? "&" : "?") + "cachefrom=" + EngineApi.escape(json);
  }

  private static boolean namesInBody(String bare) {
    return bare.equals("/containers/create")
        || bare.equals("/networks/create")
        || bare.equals("/volumes/create")
        || bare.matches("/networks/[^/]+/(connect|disconnect)");
  }

  /** A small JSON body's bytes, however the request holds them. */
  private static byte[] bytes(Request request) {
    if (request.bodyBytes() != null) {
      return request.bodyBytes();
    }
    if (request.body() == null) {
      return null;
    }
    try (InputStream in = request.body()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bodies that carry names: container create, network and volume create, (dis)connect. */
  private byte[] mapBody(String bare, String original, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    String mapped = text;
    if (bare.equals("/containers/create")) {
      mapped = scope.createBody(text, queryValue(original, "name"));
      try {
        if (JSON.readTree(mapped) instanceof com.fasterxml.jackson.databind.node.ObjectNode doc) {
          scope.ports().createBody(doc);
          images.createBody(doc);
          mapped = doc.toString();
        }
      } catch (IOException notJson) {
        // the engine refuses it as it would
      }
    } else if (bare.equals("/networks/create")) {
      mapped = scope.namedCreateBody(NameScope.Kind.NETWORK, text);
    } else if (bare.equals("/volumes/create")) {
      mapped = scope.namedCreateBody(NameScope.Kind.VOLUME, text);
    } else if (bare.matches("/networks/[^/]+/(connect|disconnect)")) {
      String network = bare.split("/")[2];
      boolean connect = bare.endsWith("/connect");
      mapped =
          scope.connectBody(
              text,
              connect ? containerName(text) : Optional.empty(),
              connect && isOwnNetwork(network));
    } else {
      return body;
    }
    return mapped.getBytes(StandardCharsets.UTF_8);
  }

  /** The learner's name of the container a connect body names (an id or a learner's name). */
  private Optional<String> containerName(String body) {
    try {
      String ref = JSON.readTree(body).path("Container").asText("");
      if (ref.isEmpty()) {
        return Optional.empty();
      }
      return get("/containers/"
              + EngineApi.escape(scope.engineRef(NameScope.Kind.CONTAINER, ref))
              + "/json")
          .flatMap(doc -> scope.learnerName(doc.path("Name").asText("")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether the network at this (engine) path segment is one of this session's. */
  private boolean isOwnNetwork(String segment) {
    return get("/networks/" + segment)
        .flatMap(doc -> scope.learnerName(doc.path("Name").asText("")))
        .isPresent();
  }

  private Optional<JsonNode> get(String path) {
    Request request = Request.builder().method(Request.Method.GET).path(path).build();
    try (Response r = engine.execute(request);
        InputStream in = r.getBody()) {
      byte[] bytes = in.readAllBytes();
      return r.getStatusCode() == 200 ? Optional.of(JSON.readTree(bytes)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String queryValue(String path, String key) {
    int q = path.indexOf('?');
    if (q < 0) {
      return "";
    }
    for (String part : path.substring(q + 1).split("&")) {
      if (part.startsWith(key + "=")) {
        return java.net.URLDecoder.decode(part.substring(key.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** Closes nothing: the engine's transport is shared with the sandbox and other sessions. */
  @Override
  public void close() {
    // the underlying transport belongs to the locator
  }

  /** An engine's answer passed on with its status and headers; subclasses choose the body. */
  private abstract static class Delegating implements Response {
    final Response answer;

    Delegating(Response answer) {
      this.answer = answer;
    }

    @Override
    public int getStatusCode() {
      return answer.getStatusCode();
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return answer.getHeaders();
    }

    @Override
    public void close() {
      answer.close();
    }
  }

  /** An answer whose body was read already. */
  private static final class Buffered extends Delegating {
    private final byte[] body;

    Buffered(Response answer, byte[] body) {
      super(answer);
      this.body = body;
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
      // closed when it was read
    }
  }

  /** The answers read whole before they are passed on, to change fields and not only text. */
  private enum Whole {
    NONE,
    CONTAINER,
    CONTAINERS,
    IMAGES
  }

  /** An answer whose JSON body reads in the learner's names and host ports. */
  private static final class Unscoped extends Delegating {
    private final NameScope scope;
    private final ImageRequests images;
    private final Whole whole;
    private final Ceilings inspect;
    private InputStream body;

    /**
     * @param inspect the ceilings to take out of a container's inspect document; null when the
     *     answer is not one
     */
    Unscoped(
        Response answer, NameScope scope, ImageRequests images, Whole whole, Ceilings inspect) {
      super(answer);
      this.scope = scope;
      this.images = images;
      this.whole = whole;
      this.inspect = inspect;
    }

    @Override
    public synchronized InputStream getBody() {
      if (body == null) {
        String type = Optional.ofNullable(answer.getHeader("Content-Type")).orElse("");
        InputStream raw = answer.getBody();
        if (!type.contains("json")) {
          body = raw;
        } else if (whole != Whole.NONE) {
          try (raw) {
            String text = learnerDocument(new String(raw.readAllBytes(), StandardCharsets.UTF_8));
            if (inspect != null) {
              text = inspect.inspect(text);
            }
            body = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        } else {
          body = new UnscopingStream(raw, scope.rewrites());
        }
      }
      return body;
    }

    /** A whole document in the learner's names and ports, without what is not the session's. */
    private String learnerDocument(String text) {
      String doc = text;
      if (whole == Whole.IMAGES) {
        doc = images.imageList(doc);
      } else {
        try {
          JsonNode node = JSON.readTree(doc);
          if (scope.ports().unmap(node)) {
            doc = node.toString();
          }
        } catch (IOException notJson) {
          // passed on as it came
        }
      }
      doc = UnscopingStream.rewrite(doc, scope.rewrites());
      return whole == Whole.CONTAINER ? scope.inspectDocument(doc) : doc;
    }
  }
}
