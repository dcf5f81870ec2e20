package io.dockerlings.real;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.dockerlings.simulator.cli.DockerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One engine's API: the typed docker-java client for actions, and raw GETs for the documents the
 * CLI prints verbatim ({@code inspect}), so their field order and nulls are the engine's own.
 */
public final class EngineApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerClient client;
  private final DockerHttpClient http;
  private final java.net.URI host;

  /** The host port numbers sessions of this process keep as their own ({@link PortScope}). */
  private final java.util.Set<Integer> heldHostPorts =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  EngineApi(DockerClient client, DockerHttpClient http) {
    this(client, http, null);
  }

  EngineApi(DockerClient client, DockerHttpClient http, java.net.URI host) {
    this.client = client;
    this.http = http;
    this.host = host;
  }

  /** The host port numbers the sessions opened on this API keep as their own, shared by them. */
  java.util.Set<Integer> heldHostPorts() {
    return heldHostPorts;
  }

  /**
   * The same engine seen through a session's name scope: requests in engine names, JSON answers in
   * the learner's (see {@link NameScope}). It shares this API's connections; closing it is not
   * needed and closes nothing.
   */
  EngineApi scoped(NameScope scope) {
    return scoped(scope, new Ceilings(SandboxLimits.none(), () -> 0));
  }

  /** The same, with the sandbox's resource ceilings put into and taken out of what passes. */
  EngineApi scoped(NameScope scope, Ceilings ceilings) {
    DockerHttpClient scopedHttp = new ScopedHttpClient(http, scope, ceilings);
    DockerClient scopedClient =
        org.testcontainers.shaded.com.github.dockerjava.core.DockerClientImpl.getInstance(
            org.testcontainers.shaded.com.github.dockerjava.core.DefaultDockerClientConfig
                .createDefaultConfigBuilder()
                .build(),
            scopedHttp);
    return new EngineApi(scopedClient, scopedHttp, host);
  }

  /** The session's scope when this API is one session's view ({@link #scoped}). */
  Optional<NameScope> scope() {
    return http instanceof ScopedHttpClient s ? Optional.of(s.scope()) : Optional.empty();
  }

  /** Where the engine listens ({@code unix:///var/run/docker.sock}), if known. */
  Optional<java.net.URI> host() {
    return Optional.ofNullable(host);
  }

  DockerClient client() {
    return client;
  }

  /**
   * The JSON document at {@code path} ({@code /containers/NAME/json}), or empty when the engine
   * answers 404.
   */
  Optional<JsonNode> get(String path) {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path(path)
            .build();
    try (DockerHttpClient.Response response = http.execute(request);
        InputStream body = response.getBody()) {
      byte[] bytes = body.readAllBytes();
      if (response.getStatusCode() == 404) {
        return Optional.empty();
      }
      JsonNode node = JSON.readTree(bytes);
      if (response.getStatusCode() >= 400) {
        throw DockerException.daemon(
            node.path("message").asText("status " + response.getStatusCode()));
      }
      return Optional.of(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a request and hands each JSON message of the answer to {@code onMessage} as it arrives
   * (build, pull, push and load answer with a stream of them).
   *
   * @throws DockerException {@code Error response from daemon: MESSAGE} when the engine refuses the
   *     request itself (status 400 or more) before streaming
   */
  void stream(
      String method,
      String path,
      Map<String, String> headers,
      InputStream body,
      Consumer<JsonNode> onMessage) {
    DockerHttpClient.Request.Builder builder =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.valueOf(method))
            .path(path)
            .headers(headers);
    if (body != null) {
      builder.body(body);
    }
    try (DockerHttpClient.Response response = http.execute(builder.build());
        InputStream in = response.getBody()) {
      if (response.getStatusCode() >= 400) {
        throw refusal(in);
      }
      // One JSON value after another (a stream of messages), or a single document.
      try (JsonParser parser = JSON.getFactory().createParser(in)) {
        while (parser.nextToken() != null) {
          onMessage.accept(parser.readValueAsTree());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the body of a GET (a tar from {@code /images/get}) into {@code target}.
   *
   * @throws DockerException {@code Error response from daemon: MESSAGE} when the engine refuses
   */
  void download(String path, OutputStream target) {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path(path)
            .build();
    try (DockerHttpClient.Response response = http.execute(request);
        InputStream in = response.getBody()) {
      if (response.getStatusCode() >= 400) {
        throw refusal(in);
      }
      in.transferTo(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * POSTs {@code body} (JSON) to {@code path} and returns the answer's JSON, for the few calls
   * whose options docker-java's typed commands cannot express ({@code commit --change}).
   *
   * @throws DockerException {@code Error response from daemon: MESSAGE} when the engine refuses
   */
  JsonNode post(String path, String body) {
    DockerHttpClient.Request request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.POST)
            .path(path)
            .putHeader("Content-Type", "application/json")
            .body(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
            .build();
    try (DockerHttpClient.Response response = http.execute(request);
        InputStream answer = response.getBody()) {
      byte[] bytes = answer.readAllBytes();
      JsonNode node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
      if (response.getStatusCode() >= 400) {
        throw DockerException.daemon(
            node.path("message").asText("status " + response.getStatusCode()));
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The engine's refusal: its JSON {@code message}, or the raw text when it sent no JSON. */
  private static DockerException refusal(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    String message = new String(bytes, StandardCharsets.UTF_8).strip();
    try {
      message = JSON.readTree(bytes).path("message").asText(message);
    } catch (IOException notJson) {
      // the raw text is the best message there is
    }
    return DockerException.daemon(message);
  }

  /** A request whose whole answer is one JSON document (or none); errors as in {@link #stream}. */
  JsonNode call(String method, String path) {
    List<JsonNode> all = new ArrayList<>();
    stream(method, path, Map.of(), null, all::add);
    return all.isEmpty() ? JSON.nullNode() : all.get(0);
  }

  /** A path segment or query value, escaped. */
  static String escape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
