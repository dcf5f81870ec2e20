package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.Layer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One image: content-addressed id, its layers (base first), runtime config and history.
 *
 * @param id {@code sha256:} and 64 hex digits
 * @param parent the image it was built on locally (commit), if any
 * @param created when it was made
 * @param config runtime defaults
 * @param layers filesystem layers, base first
 * @param history one entry per step, oldest first; empty-layer steps included
 * @param author author of a committed image
 * @param comment message of a committed image
 * @param repoDigest the registry digest ({@code sha256:...}) it was pulled by, if pulled
 */
record Image(
    String id,
    Optional<String> parent,
    Instant created,
    ImageConfig config,
    List<Layer> layers,
    List<History> history,
    String author,
    String comment,
    Optional<String> repoDigest) {

  /** One history step, as {@code docker history} lists it. */
  record History(
      Instant created, String createdBy, long size, boolean emptyLayer, String comment) {}

  Image {
    layers = List.copyOf(layers);
    history = List.copyOf(history);
  }

  /** Sum of layer sizes, as the SIZE column shows it. */
  long size() {
    long total = 0;
    for (Layer l : layers) {
      total += l.size();
    }
    return total;
  }

  /**
   * The layers' chain ids, base first, as the daemon's layer store keys them: the base layer's is
   * its diff id, each other's the digest of the one below's chain id, a space and its own diff id.
   * Two images share a layer only when they share its whole chain.
   */
  List<String> chainIds() {
    List<String> chain = new java.util.ArrayList<>(layers.size());
    String below = null;
    for (Layer l : layers) {
      below = below == null ? l.diffId() : "sha256:" + Images.sha256Hex(below + " " + l.diffId());
      chain.add(below);
    }
    return chain;
  }

  String shortId() {
    return Ids.shortId(id);
  }
}
