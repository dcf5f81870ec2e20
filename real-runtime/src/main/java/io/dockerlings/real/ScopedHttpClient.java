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
  }

  @Override
  public Response execute(Request request) {
    String method = request.method();
    String path = scope.path(method, request.path());
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
    boolean inspect =
        method.equals("GET")
            && bare.matches("/containers/[^/]+/json")
            && answer.getStatusCode() < 300;
    if (ceilings.active()
        && method.equals("GET")
        && bare.matches("/containers/[^/]+/stats")
        && queryValue(path, "stream").equals("false")
        && answer.getStatusCode() < 300) {
      answer = learnerStats(answer, containerId(bare.split("/")[2]));
    }
    return new Unscoped(answer, scope, inspect ? ceilings : null);
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

  /** An answer whose body was read already. */
  private static final class Buffered implements Response {
    private final Response answer;
    private final byte[] body;

    Buffered(Response answer, byte[] body) {
      this.answer = answer;
      this.body = body;
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
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
      // closed when it was read
    }
  }

  /** An answer whose JSON body reads in the learner's names. */
  private static final class Unscoped implements Response {
    private final Response answer;
    private final NameScope scope;
    private final Ceilings inspect;
    private InputStream body;

    /**
     * @param inspect the ceilings to take out of a container's inspect document; null when the
     *     answer is not one
     */
    Unscoped(Response answer, NameScope scope, Ceilings inspect) {
      this.answer = answer;
      this.scope = scope;
      this.inspect = inspect;
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
    public synchronized InputStream getBody() {
      if (body == null) {
        String type = Optional.ofNullable(answer.getHeader("Content-Type")).orElse("");
        InputStream raw = answer.getBody();
        if (!type.contains("json")) {
          body = raw;
        } else if (inspect != null) {
          try (raw) {
            String text = scope.toLearner(new String(raw.readAllBytes(), StandardCharsets.UTF_8));
            body =
                new ByteArrayInputStream(
                    inspect.inspect(scope.inspectDocument(text)).getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        } else {
          body = new UnscopingStream(raw, scope.prefixBytes());
        }
      }
      return body;
    }

    @Override
    public void close() {
      answer.close();
    }
  }
}
