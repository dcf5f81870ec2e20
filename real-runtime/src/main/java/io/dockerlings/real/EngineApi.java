package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.dockerlings.simulator.cli.DockerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One engine's API: the typed docker-java client for actions, and raw GETs for the documents the
 * CLI prints verbatim ({@code inspect}), so their field order and nulls are the engine's own.
 */
public final class EngineApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DockerClient client;
  private final DockerHttpClient http;

  EngineApi(DockerClient client, DockerHttpClient http) {
    this.client = client;
    this.http = http;
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

  /** A path segment or query value, escaped. */
  static String escape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
