package io.dockerlings.lessons.goal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a goal from its YAML (or JSON) tree, refusing anything outside the vocabulary. */
public final class GoalParser {
  /** The goal keys, as the format names them. */
  public static final List<String> KINDS =
      List.of(
          "all",
          "any",
          "not",
          "container",
          "image",
          "volume",
          "network",
          "file",
          "diff",
          "registry",
          "used",
          "never",
          "output");

  private GoalParser() {}

  /** Reads a goal at the root of a document. */
  public static Goal parse(JsonNode node) {
    return parse(new Fields(node, ""));
  }

  /** Reads a goal found at {@code f}. */
  public static Goal parse(Fields f) {
    JsonNode n = f.node();
    if (!n.isObject() || n.size() != 1) {
      throw f.error("a goal is a map with exactly one key, one of " + String.join(", ", KINDS));
    }
    Map.Entry<String, JsonNode> e = n.properties().iterator().next();
    String kind = e.getKey();
    Fields body = f.at(kind);
    return switch (kind) {
      case "all" -> new Goal.All(list(body));
      case "any" -> new Goal.Any(list(body));
      case "not" -> new Goal.Not(parse(body));
      case "container" -> ContainerGoal.parse(body);
      case "image" -> ImageGoal.parse(body);
      case "volume" -> VolumeGoal.parse(body);
      case "network" -> NetworkGoal.parse(body);
      case "file" -> FileGoal.parse(body);
      case "diff" -> DiffGoal.parse(body);
      case "registry" -> RegistryGoal.parse(body);
      case "used" -> JournalGoal.parse(body, true);
      case "never" -> JournalGoal.parse(body, false);
      case "output" -> OutputGoal.parse(body);
      default ->
          throw f.at(kind)
              .error("unknown goal '" + kind + "' (known: " + String.join(", ", KINDS) + ")");
    };
  }

  private static List<Goal> list(Fields f) {
    if (!f.node().isArray() || f.node().isEmpty()) {
      throw f.error("expected a non-empty list of goals");
    }
    List<Goal> out = new ArrayList<>();
    for (Fields g : f.items()) {
      out.add(parse(g));
    }
    return out;
  }
}
