package io.dockerlings.lessons.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dockerlings.lessons.picture.Pictures;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates a demo file in the lesson format: every text in English and zh-CN, known step
 * kinds, commands that parse, pictures and quantities that exist. A file with errors gives all of
 * them, each naming the step and field, and no demo.
 */
public final class DemoLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP =
      Set.of("id", "title", "teaches", "host", "setup", "steps", "module", "order", "requires");
  private static final Set<String> STEP =
      Set.of(
          "id",
          "kind",
          "say",
          "question",
          "solution",
          "run",
          "picture",
          "measure",
          "tolerance",
          "unit",
          "explain",
          "pause",
          "form");

  private DemoLoader() {}

  /** A demo, or the errors that stop it loading. */
  public record Loaded(Optional<Demo> demo, List<String> errors) {}

  /** Reads a demo from its YAML text; {@code source} names it in errors. */
  public static Loaded load(String yaml, String source) {
    List<String> errors = new ArrayList<>();
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      return new Loaded(
          Optional.empty(), List.of(source + where + ": not YAML: " + e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      return new Loaded(Optional.empty(), List.of(source + ": a demo file is a YAML map"));
    }
    root.fieldNames()
        .forEachRemaining(
            f -> {
              if (!TOP.contains(f)) {
                errors.add(source + ": unknown field " + f);
              }
            });
    String id = root.path("id").asText("");
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      errors.add(source + ": id must be lowercase letters, digits and '-', got '" + id + "'");
    }
    Text title = text(root.path("title"), source + ": title", errors);
    Text teaches = text(root.path("teaches"), source + ": teaches", errors);
    String host = root.path("host").asText("default");
    if (!host.equals("default") && !host.equals("course-server")) {
      errors.add(source + ": host is default or course-server, got " + host);
    }
    List<DemoCommand> setup = commands(root.path("setup"), source + ": setup", errors);
    List<DemoStep> steps = new ArrayList<>();
    JsonNode stepsNode = root.path("steps");
    if (!stepsNode.isArray() || stepsNode.isEmpty()) {
      errors.add(source + ": steps must list at least one step");
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < stepsNode.size(); i++) {
        step(stepsNode.get(i), source + ": steps[" + (i + 1) + "]", ids, errors)
            .ifPresent(steps::add);
      }
    }
    if (!errors.isEmpty()) {
      return new Loaded(Optional.empty(), errors);
    }
    return new Loaded(Optional.of(new Demo(id, title, teaches, host, setup, steps)), List.of());
  }

  private static Optional<DemoStep> step(
      JsonNode s, String where, Set<String> ids, List<String> errors) {
    int before = errors.size();
    if (!s.isObject()) {
      errors.add(where + ": a step is a map");
      return Optional.empty();
    }
    String id = s.path("id").asText("");
    String at = where + (id.isEmpty() ? "" : " (" + id + ")");
    if (id.isEmpty()) {
      errors.add(at + ": id is missing");
    } else if (!ids.add(id)) {
      errors.add(at + ": id " + id + " is used twice");
    }
    s.fieldNames()
        .forEachRemaining(
            f -> {
              if (!STEP.contains(f)) {
                errors.add(at + ": unknown field " + f);
              }
            });
    String kind = s.path("kind").asText("");
    Text say = text(s.path("say"), at + ": say", errors);
    Optional<Text> question = Optional.empty();
    Optional<Measure> measure = Optional.empty();
    List<DemoCommand> commands = List.of();
    switch (kind) {
      case "do" -> {
        commands = commands(s.path("solution"), at + ": solution", errors);
        if (commands.isEmpty() && !s.has("picture")) {
          errors.add(at + ": a do step needs solution commands or a picture");
        }
      }
      case "predict" -> {
        question = Optional.of(text(s.path("question"), at + ": question", errors));
        commands = commands(s.path("run"), at + ": run", errors);
        if (!s.has("measure")) {
          errors.add(at + ": a predict step needs a measure");
        } else {
          List<String> e = new ArrayList<>();
          measure = Measure.parse(s.get("measure"), e);
          e.forEach(x -> errors.add(at + ": " + x));
        }
      }
      default -> errors.add(at + ": kind must be do or predict, got '" + kind + "'");
    }
    Tolerance tolerance = Tolerance.EXACT;
    if (s.has("tolerance")) {
      Optional<Tolerance> t = Tolerance.parse(s.get("tolerance").asText());
      if (t.isEmpty()) {
        errors.add(at + ": tolerance is a number or a percentage, got " + s.get("tolerance"));
      } else {
        tolerance = t.get();
      }
    }
    Optional<List<String>> picture = Optional.empty();
    if (s.has("picture")) {
      List<String> args = List.of(s.get("picture").asText("").strip().split("\\s+"));
      boolean named = args.size() >= 2;
      if (!Pictures.KINDS.contains(args.get(0))
          || ((args.get(0).equals("layers") || args.get(0).equals("mounts")) && !named)) {
        errors.add(
            at
                + ": picture is one of "
                + Pictures.KINDS
                + " (layers and mounts with a name), got '"
                + String.join(" ", args)
                + "'");
      }
      picture = Optional.of(args);
    }
    Text unit = s.has("unit") ? text(s.get("unit"), at + ": unit", errors) : Text.same("");
    Optional<Text> explain =
        s.has("explain")
            ? Optional.of(text(s.get("explain"), at + ": explain", errors))
            : Optional.empty();
    boolean pause = s.path("pause").asBoolean(true);
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new DemoStep(
            id, kind, say, question, commands, picture, measure, tolerance, unit, explain, pause));
  }

  private static Text text(JsonNode node, String where, List<String> errors) {
    if (!node.isObject()) {
      errors.add(where + ": missing; give {en: ..., zh: ...}");
      return Text.same("");
    }
    String en = node.path("en").asText("");
    String zh = node.path("zh").asText("");
    if (en.isBlank()) {
      errors.add(where + ": the English text (en) is missing");
    }
    if (zh.isBlank()) {
      errors.add(where + ": the Chinese text (zh) is missing");
    }
    // A folded YAML line break becomes a space, which Chinese does not put between characters.
    String joined =
        zh.strip()
            .replaceAll(
                "(?<=[\\u3000-\\u9fff\\uff00-\\uffef]) (?=[\\u3000-\\u9fff\\uff00-\\uffef])", "");
    return new Text(en.strip(), joined);
  }

  private static List<DemoCommand> commands(JsonNode node, String where, List<String> errors) {
    List<DemoCommand> out = new ArrayList<>();
    if (node.isMissingNode()) {
      return out;
    }
    if (!node.isArray()) {
      errors.add(where + ": a list of commands");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      DemoCommand.Result r = DemoCommand.parse(node.get(i).asText(""));
      if (r.command().isPresent()) {
        out.add(r.command().get());
      } else {
        errors.add(where + "[" + (i + 1) + "]: " + r.error());
      }
    }
    return out;
  }
}
