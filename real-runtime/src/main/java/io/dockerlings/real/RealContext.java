package io.dockerlings.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import io.dockerlings.simulator.cli.DockerException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every real-mode command needs: the engine's API, the sandbox that owns what the session
 * made, the host guard, and the ownership checks that keep commands on the sandbox's own objects.
 */
final class RealContext {
  private final EngineApi api;
  private final Sandbox sandbox;
  private final HostGuard guard;
  private final RealImages images;
  private final RealOptions options;
  private RealNotes notes;

  RealContext(EngineApi api, Sandbox sandbox, HostGuard guard, RealOptions options) {
    this.api = api;
    this.sandbox = sandbox;
    this.guard = guard;
    this.images = new RealImages(this);
    this.options = options;
    this.notes = RealNotes.of(options.language());
  }

  /** Real mode's own notes in the session's language. */
  RealNotes notes() {
    return notes;
  }

  /** Says real mode's notes in {@code language} from now on. */
  void language(java.util.Locale language) {
    this.notes = RealNotes.of(language);
  }

  /**
   * The real path of a file the learner named: in the workspace, or anywhere with {@code
   * --allow-host}; refused otherwise, so that real mode never reads or writes the machine's own
   * files as a side effect.
   */
  java.nio.file.Path file(String typed) {
    return options
        .paths()
        .real(typed)
        .or(
            () ->
                options.allowHost()
                    ? Optional.of(java.nio.file.Path.of(typed).toAbsolutePath().normalize())
                    : Optional.empty())
        .orElseThrow(
            () ->
                new DockerException(
                    notes.get("context.outside", options.paths().where(), typed), 1));
  }

  EngineApi api() {
    return api;
  }

  DockerClient client() {
    return api.client();
  }

  Sandbox sandbox() {
    return sandbox;
  }

  HostGuard guard() {
    return guard;
  }

  RealImages images() {
    return images;
  }

  /** The container's inspect document, if it exists at all. */
  Optional<JsonNode> container(String ref) {
    return api.get("/containers/" + EngineApi.escape(ref) + "/json");
  }

  /**
   * The id of a container this sandbox created.
   *
   * @throws DockerException {@code No such container} when it does not exist, or a refusal when it
   *     belongs to someone else on this engine
   */
  String ownedContainer(String ref) {
    JsonNode doc =
        container(ref).orElseThrow(() -> DockerException.daemon("No such container: " + ref));
    if (!sandbox.owns(labels(doc.path("Config").path("Labels")))) {
      throw notOurs("container", ref);
    }
    return doc.path("Id").asText();
  }

  /**
   * The refusal for an object the sandbox did not create.
   *
   * @param kind container, image, network or volume
   */
  DockerException notOurs(String kind, String ref) {
    return new DockerException(notes.get("context.notOurs", notes.get("kind." + kind), ref), 1);
  }

  static Map<String, String> labels(JsonNode node) {
    Map<String, String> m = new HashMap<>();
    node.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }
}
