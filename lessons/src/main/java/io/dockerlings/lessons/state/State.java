package io.dockerlings.lessons.state;

import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.EngineSnapshot.ContainerState;
import io.dockerlings.simulator.EngineSnapshot.ImageState;
import io.dockerlings.simulator.HostSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a goal looks at: the engine's snapshot taken once, on-demand reads of files, container
 * changes and registries (each made at most once per state), and the session's journal.
 *
 * <p>Reading never runs a learner-visible command on the simulator and never moves its time. A
 * state is used for one check and then dropped; it is not thread-safe.
 */
public final class State {
  private final DockerEngine engine;
  private final EngineSnapshot snapshot;
  private final Journal journal;
  private final Map<String, Object> reads = new HashMap<>();

  private State(DockerEngine engine, EngineSnapshot snapshot, Journal journal) {
    this.engine = engine;
    this.snapshot = snapshot;
    this.journal = journal;
  }

  /** The state of {@code engine} now, with the commands of {@code journal}. */
  public static State of(DockerEngine engine, Journal journal) {
    Objects.requireNonNull(engine, "engine");
    return new State(engine, engine.snapshot(), Objects.requireNonNull(journal, "journal"));
  }

  /** The snapshot every goal of this state reads. */
  public EngineSnapshot snapshot() {
    return snapshot;
  }

  /** The learner's commands so far. */
  public Journal journal() {
    return journal;
  }

  /** The container with that name or id. */
  public Optional<ContainerState> container(String nameOrId) {
    return snapshot.container(nameOrId);
  }

  /** The image with that reference ({@code busybox} meaning {@code busybox:latest}). */
  public Optional<ImageState> image(String reference) {
    return snapshot.image(reference);
  }

  /** A file in a container, read once per state. */
  public Optional<String> containerFile(String container, String path) {
    return cached("c:" + container + ":" + path, () -> engine.readFile(container, path));
  }

  /** A file in a named volume, read once per state. */
  public Optional<String> volumeFile(String volume, String path) {
    return cached("v:" + volume + ":" + path, () -> engine.readVolumeFile(volume, path));
  }

  /** A file on the host, read once per state. */
  public Optional<String> hostFile(String path) {
    return cached("h:" + path, () -> engine.readHostFile(path));
  }

  /** {@code docker diff} of a container, read once per state. */
  public Optional<List<String>> diff(String container) {
    return cached("d:" + container, () -> engine.diff(container));
  }

  /** The tags a registry holds for a repository, if the engine can tell. */
  public Optional<List<String>> registryTags(String registry, String repository) {
    return cached(
        "r:" + registry + "/" + repository, () -> engine.registryTags(registry, repository));
  }

  /** The simulated host, when the engine is a simulator. */
  public Optional<HostSpec> host() {
    return engine.hostSpec();
  }

  /** Whether the engine answering is the simulator (the model) rather than a real engine. */
  public boolean isModel() {
    return engine instanceof DockerSimulator;
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> cached(String key, java.util.function.Supplier<Optional<T>> read) {
    Object hit = reads.get(key);
    if (hit == null) {
      Optional<T> value = read.get();
      reads.put(key, value);
      return value;
    }
    return (Optional<T>) hit;
  }
}
