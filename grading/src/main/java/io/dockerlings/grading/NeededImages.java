package io.dockerlings.grading;

import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.state.Commands;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images an exercise needs from a registry outside the exercise: the ones its setup and
 * reference solution pull when replayed on the simulator (which starts with busybox only), except
 * those pulled from a registry the exercise runs itself ({@code localhost:5000/...}). A real engine
 * that cannot pull must already have them.
 */
final class NeededImages {
  private static final Pattern PULLED =
      Pattern.compile(
          "^Status: (?:Downloaded newer image|Image is up to date) for (\\S+)$", Pattern.MULTILINE);

  private NeededImages() {}

  /** The references the exercise pulls, in the order first pulled. */
  static List<String> of(Exercise exercise) {
    DockerSimulator sim =
        DockerSimulator.create(
            exercise.simulatorOptions(new ReplayClock(Instant.parse("2026-01-01T00:00:00Z"))));
    Set<String> refs = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>(exercise.setup());
    lines.addAll(exercise.solution());
    for (String line : lines) {
      Matcher m = PULLED.matcher(Commands.run(sim, line).output());
      while (m.find()) {
        if (!fromOwnRegistry(m.group(1))) {
          refs.add(m.group(1));
        }
      }
    }
    return List.copyOf(refs);
  }

  /** Whether a reference names a registry host ({@code localhost:5000/x}, {@code reg.io/x}). */
  static boolean fromOwnRegistry(String ref) {
    int slash = ref.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String first = ref.substring(0, slash);
    return first.contains(":") || first.contains(".") || first.equals("localhost");
  }

  /** Those of the exercise's images that {@code engine} does not have. */
  static List<String> missing(Exercise exercise, DockerEngine engine) {
    List<String> missing = new ArrayList<>();
    for (String ref : of(exercise)) {
      List<String> argv =
          List.of("docker", "inspect", "--type", "image", "--format", "{{.Id}}", ref);
      if (engine.execute(argv, "").exitCode() != 0) {
        missing.add(ref);
      }
    }
    return missing;
  }
}
