package io.dockerlings.simulator.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reserved base {@code scratch}: an image with no id, no layers and no history that only a
 * build can start from. It never enters the image store, so images built on it have no parent.
 */
final class Scratch {
  static final String NAME = "scratch";

  private Scratch() {}

  /**
   * The empty base a {@code FROM scratch} stage starts with. Its config holds only the default
   * PATH, which the builder gives every Linux stage that starts from nothing.
   */
  static Image image(Instant at) {
    ImageConfig config =
        new ImageConfig(
            Optional.empty(),
            Optional.empty(),
            List.of(ImageConfig.DEFAULT_PATH),
            "",
            "",
            new TreeSet<>(),
            new TreeSet<>(),
            new TreeMap<>(),
            Optional.empty());
    return new Image(
        "", Optional.empty(), at, config, List.of(), List.of(), "", "", Optional.empty());
  }

  /** Whether {@code image} is the scratch base rather than an image of the store. */
  static boolean is(Image image) {
    return image.id().isEmpty();
  }
}
