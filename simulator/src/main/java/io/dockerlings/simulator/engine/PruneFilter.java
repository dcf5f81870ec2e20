package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.DockerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --filter} values of the prune commands: {@code label=K}, {@code label=K=V}, {@code
 * label!=K[=V]} and {@code until=TIME}, with the daemon's refusal of any other key.
 *
 * @param labels labels an object must carry ({@code K} or {@code K=V})
 * @param notLabels labels an object must not carry
 * @param until only objects created before this instant
 * @param given the filters as typed, in order, for the system prune warning
 */
record PruneFilter(
    List<String> labels, List<String> notLabels, Optional<Instant> until, List<String> given) {

  /** Parses the typed filters; {@code extra} names keys the command accepts beside these. */
  static PruneFilter parse(List<String> typed, Instant now, Set<String> extra) {
    List<String> labels = new ArrayList<>();
    List<String> notLabels = new ArrayList<>();
    Optional<Instant> until = Optional.empty();
    for (String f : typed) {
      int eq = f.indexOf('=');
      String key = eq < 0 ? f : f.substring(0, eq);
      String value = eq < 0 ? "" : f.substring(eq + 1);
      if (key.equals("label")) {
        labels.add(value);
      } else if (key.equals("label!")) {
        notLabels.add(value);
      } else if (key.equals("until")) {
        until = Optional.of(Times.parse(value, "until", now));
      } else if (!extra.contains(key)) {
        throw DockerException.daemon("Invalid filter '" + key + "'");
      }
    }
    return new PruneFilter(List.copyOf(labels), List.copyOf(notLabels), until, List.copyOf(typed));
  }

  /** Whether an object with these labels, created then, passes every filter. */
  boolean matches(Map<String, String> objectLabels, Instant created) {
    for (String l : labels) {
      if (!carries(objectLabels, l)) {
        return false;
      }
    }
    for (String l : notLabels) {
      if (carries(objectLabels, l)) {
        return false;
      }
    }
    return until.isEmpty() || created.isBefore(until.get());
  }

  private static boolean carries(Map<String, String> objectLabels, String label) {
    int eq = label.indexOf('=');
    if (eq < 0) {
      return objectLabels.containsKey(label);
    }
    return label.substring(eq + 1).equals(objectLabels.get(label.substring(0, eq)));
  }
}
