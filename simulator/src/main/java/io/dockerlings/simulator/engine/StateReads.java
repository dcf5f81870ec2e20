package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileSystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads of the engine's state that lessons make on demand (a file, a container's changes, what a
 * registry holds), without running a command: they neither move simulated time nor leave a trace.
 */
public final class StateReads {
  private static final long MAX_FILE = 1 << 20;
  private final Engine engine;

  StateReads(Engine engine) {
    this.engine = engine;
  }

  /** A file's content in a container of any state, as {@code docker cp} would copy it. */
  public Optional<String> containerFile(String container, String path) {
    Optional<Container> c = engine.containers().lookup(container).container();
    if (c.isEmpty()) {
      return Optional.empty();
    }
    return read(c.get().files.view(), path);
  }

  /** A file in a named volume, by its path inside the volume. */
  public Optional<String> volumeFile(String volume, String path) {
    return engine.volumes().find(volume).flatMap(v -> read(v.data(), path));
  }

  /** A file on the simulated host. */
  public Optional<String> hostFile(String path) {
    return read(engine.volumes().host(), path);
  }

  /** The lines {@code docker diff} prints for a container, or empty if there is none. */
  public Optional<List<String>> diff(String container) {
    return engine
        .containers()
        .lookup(container)
        .container()
        .map(c -> List.copyOf(c.files.diffLines()));
  }

  /**
   * The tags a registry reached as {@code host:port} holds for a repository, or empty when no
   * registry answers there.
   */
  public Optional<List<String>> registryTags(String registry, String repository) {
    try {
      Registries.Store store =
          engine.registries().reach(ImageRef.parse(registry + "/" + repository), "http");
      TreeMap<String, String> tags = store.repositories.get(repository);
      return Optional.of(tags == null ? List.of() : new ArrayList<>(tags.keySet()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Which layer of an image provides a path as a container of it sees it: 1 for the bottom layer,
   * or empty when no layer holds it (or the top-most entry for it is a whiteout).
   */
  public Optional<Integer> layerOf(String image, String path) {
    Optional<Image> i = engine.images().lookup(image);
    if (i.isEmpty()) {
      return Optional.empty();
    }
    String p =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    List<io.dockerlings.simulator.fs.Layer> layers = i.get().layers();
    for (int k = layers.size() - 1; k >= 0; k--) {
      io.dockerlings.simulator.fs.LayerEntry e = layers.get(k).entries().get(p);
      if (e != null) {
        return e.type() == io.dockerlings.simulator.fs.NodeType.WHITEOUT
            ? Optional.empty()
            : Optional.of(k + 1);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> read(FileSystem fs, String path) {
    try {
      if (!fs.exists(path) || fs.stat(path).type() != io.dockerlings.simulator.fs.NodeType.FILE) {
        return Optional.empty();
      }
      return Optional.of(new String(fs.read(path, MAX_FILE), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
