package io.dockerlings.lessons.model;

import io.dockerlings.lessons.goal.Fields;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a lesson or a step needs from the engine it runs on: images beyond what every engine has, or
 * the simulator itself (with the reason a real engine cannot run it). A step whose needs an engine
 * does not meet is skipped there with that reason, never silently.
 *
 * @param images image references the commands run or pull ({@code nginx}, {@code alpine:3.18})
 * @param simulatorOnly why only the simulator can run it (a daemon restart, the simulated host's
 *     files...), or empty when a real engine can
 */
public record Needs(List<String> images, Optional<Text> simulatorOnly) {
  public Needs {
    images = List.copyOf(images);
  }

  /** Needs nothing beyond an engine with busybox. */
  public static Needs none() {
    return new Needs(List.of(), Optional.empty());
  }

  /** Whether nothing is needed. */
  public boolean isEmpty() {
    return images.isEmpty() && simulatorOnly.isEmpty();
  }

  /** These needs together with {@code more}'s. */
  public Needs and(Needs more) {
    List<String> all =
        java.util.stream.Stream.concat(images.stream(), more.images.stream()).distinct().toList();
    return new Needs(all, simulatorOnly.isPresent() ? simulatorOnly : more.simulatorOnly);
  }

  /** Reads {@code needs: {images: [...], simulator: {en, zh}}}; absent means none. */
  static Needs parse(Fields f) {
    if (f.node().isMissingNode() || f.node().isNull()) {
      return none();
    }
    if (!f.node().isObject()) {
      throw f.error("needs is a map: {images: [nginx], simulator: {en: why, zh: why}}");
    }
    f.only(Set.of("images", "simulator"), "needs");
    List<String> images = f.has("images") ? f.at("images").texts() : List.of();
    for (int i = 0; i < images.size(); i++) {
      if (!images.get(i).matches("[a-z0-9][a-z0-9._/:-]*")) {
        throw f.at("images").at(i).error("'" + images.get(i) + "' is not an image reference");
      }
    }
    Optional<Text> sim =
        f.has("simulator")
            ? Optional.of(Texts.of(f.at("simulator"), "needs.simulator (why only the simulator)"))
            : Optional.empty();
    if (images.isEmpty() && sim.isEmpty()) {
      throw f.error("needs names images or why only the simulator can run it (simulator)");
    }
    return new Needs(images, sim);
  }
}
