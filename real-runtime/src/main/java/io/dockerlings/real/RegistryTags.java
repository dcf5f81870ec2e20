package io.dockerlings.real;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A registry's tags of one repository, read over the registry's HTTP API ({@code GET
 * /v2/<repository>/tags/list}, as {@code curl} would), so that a registry a learner runs with a
 * published port can be checked by lessons and grading alike.
 */
final class RegistryTags {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RegistryTags() {}

  /**
   * The tags, an empty list when the registry answers that it holds no such repository, or empty
   * when nobody answers at {@code registry} (a {@code host:port}) or a name is not one docker
   * takes.
   */
  static Optional<List<String>> of(String registry, String repository) {
    if (!registry.matches("[A-Za-z0-9.-]+:\\d{1,5}")
        || !repository.matches("[a-z0-9]+([._/-][a-z0-9]+)*")) {
      return Optional.empty();
    }
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest req =
          HttpRequest.newBuilder(
                  URI.create("http://" + registry + "/v2/" + repository + "/tags/list"))
              .timeout(Duration.ofSeconds(5))
              .GET()
              .build();
      HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() == 404) {
        // The registry answers but holds no such repository (NAME_UNKNOWN).
        return Optional.of(List.of());
      }
      if (res.statusCode() != 200) {
        return Optional.empty();
      }
      List<String> tags = new ArrayList<>();
      JSON.readTree(res.body()).path("tags").forEach(t -> tags.add(t.asText()));
      return Optional.of(tags);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
