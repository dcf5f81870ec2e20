package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.Layer;
import java.util.List;
import java.util.Optional;

/** What the container side of the engine needs from the image side: find, pull, layers. */
interface ImageSource {
  /** An image ready to create containers from. */
  record Resolved(String id, String name, RunOptions.ImageDefaults defaults, List<Layer> layers) {}

  /** The local image a reference names, if present. */
  Optional<Resolved> find(String reference);

  /**
   * Pulls an image that is not present, writing the pull's progress lines to {@code progress}.
   *
   * @throws Failure when the reference is invalid or the registry does not have it, worded as the
   *     daemon words it (the caller adds the command's prefix)
   */
  Resolved pull(String reference, StringBuilder progress);

  /** Whether a reference is well formed; the failure carries the engine's wording. */
  void validate(String reference);
}
