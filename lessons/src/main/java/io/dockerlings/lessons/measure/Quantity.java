package io.dockerlings.lessons.measure;

import io.dockerlings.lessons.goal.Fields;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.EngineSnapshot.ContainerState;
import io.dockerlings.simulator.EngineSnapshot.ImageState;
import io.dockerlings.simulator.EngineSnapshot.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A quantity a predict step measures after its commands ran: read from the state, from the engine
 * (a {@code docker stats} or {@code inspect} reading) or from the journal (what the last build
 * rebuilt). Empty when the object it names does not exist.
 *
 * @param kind the quantity's key in the format ({@code cpu-percent})
 * @param args its arguments: a container or image name, or a map's fields
 */
public record Quantity(String kind, Map<String, String> args) {
  /** The quantity keys, as the format names them. */
  public static final List<String> KINDS =
      List.of(
          "exit-code",
          "state",
          "oom-killed",
          "cpu-percent",
          "memory-limit",
          "memory-swap",
          "pid-of",
          "ip",
          "image-layers",
          "image-size",
          "layer-size",
          "layer-of",
          "rebuilt-steps",
          "file",
          "output",
          "count",
          "cpu-ratio",
          "diff",
          "last-exit");

  public Quantity {
    args = Map.copyOf(args);
  }

  /** Reads {@code measure: {kind: arg}} with a scalar or a map argument. */
  public static Quantity parse(Fields f) {
    if (f.node().isTextual() && Set.of("output", "rebuilt-steps", "last-exit").contains(f.text())) {
      return new Quantity(f.text(), Map.of());
    }
    if (!f.node().isObject() || f.node().size() != 1) {
      throw f.error("a measure is a map with one key, one of " + String.join(", ", KINDS));
    }
    String kind = f.node().fieldNames().next();
    if (!KINDS.contains(kind)) {
      throw f.at(kind)
          .error("unknown quantity '" + kind + "' (known: " + String.join(", ", KINDS) + ")");
    }
    Fields a = f.at(kind);
    Map<String, String> args;
    switch (kind) {
      case "layer-size" -> {
        a.only(Set.of("image", "layer"), kind);
        args = Map.of("image", a.text("image"), "layer", a.text("layer"));
        if (!args.get("layer").matches("top|[1-9]\\d*")) {
          throw a.at("layer").error("layer is a number from 1 (the bottom) or top");
        }
      }
      case "layer-of" -> {
        a.only(Set.of("image", "path"), kind);
        args = Map.of("image", a.text("image"), "path", a.text("path"));
      }
      case "file" -> {
        a.only(Set.of("container", "path"), kind);
        args = Map.of("container", a.text("container"), "path", a.text("path"));
      }
      case "rebuilt-steps" -> {
        if (a.node().isObject()) {
          a.only(Set.of("image"), kind);
          args = a.has("image") ? Map.of("image", a.text("image")) : Map.of();
        } else {
          args = Map.of();
        }
      }
      case "count" -> {
        a.only(Set.of("containers", "images", "volumes", "networks"), kind);
        if (a.node().size() != 1) {
          throw a.error("count one kind: containers, images, volumes or networks");
        }
        String what = a.node().fieldNames().next();
        args = Map.of("what", what, "filter", a.text(what));
      }
      case "cpu-ratio" -> {
        List<String> pair = a.texts();
        if (pair.size() != 2) {
          throw a.error("cpu-ratio names two containers: [A, B] reads A's CPU % over B's");
        }
        args = Map.of("name", pair.get(0), "to", pair.get(1));
      }
      case "diff" -> {
        a.only(Set.of("container", "lists"), kind);
        args = Map.of("container", a.text("container"), "lists", a.text("lists"));
      }
      case "output", "last-exit" -> args = Map.of();
      default -> args = Map.of("name", a.text());
    }
    return new Quantity(kind, args);
  }

  /** Measures this quantity in {@code state}, using {@code engine} for readings it needs. */
  public Optional<Value> read(State state, DockerEngine engine) {
    String name = args.getOrDefault("name", "");
    return switch (kind) {
      case "exit-code" -> state.container(name).map(c -> Value.of(c.exitCode()));
      case "state" -> state.container(name).map(c -> Value.of(c.status()));
      case "oom-killed" ->
          state.container(name).map(c -> Value.of(Boolean.toString(c.oomKilled())));
      case "memory-limit" -> state.container(name).map(c -> Value.of(c.limits().memory()));
      case "memory-swap" -> state.container(name).map(c -> Value.of(c.limits().memorySwap()));
      case "ip" -> state.container(name).flatMap(Quantity::firstAddress).map(Value::of);
      case "cpu-percent" ->
          inspect(
              engine, List.of("docker", "stats", "--no-stream", "--format", "{{.CPUPerc}}", name));
      case "pid-of" -> inspect(engine, List.of("docker", "inspect", "-f", "{{.State.Pid}}", name));
      case "image-layers" -> state.image(name).map(i -> Value.of(i.layers()));
      case "image-size" -> state.image(name).map(i -> Value.of(i.size()));
      case "layer-size" ->
          state.image(args.get("image")).flatMap(this::layer).map(s -> Value.of(s.size()));
      case "layer-of" -> state.image(args.get("image")).flatMap(i -> layerOf(i, engine));
      case "rebuilt-steps" -> rebuilt(state.journal());
      case "file" -> state.containerFile(args.get("container"), args.get("path")).map(Value::of);
      case "output" -> state.journal().last().map(e -> Value.of(e.output()));
      case "count" -> Optional.of(Value.of(count(state)));
      case "cpu-ratio" -> ratio(engine, name, args.get("to"));
      case "diff" -> Optional.of(Value.of(Boolean.toString(lists(engine))));
      case "last-exit" -> state.journal().last().map(e -> Value.of(e.exitCode()));
      default -> Optional.empty();
    };
  }

  /** A's CPU % over B's, from one {@code docker stats} reading of each. */
  private static Optional<Value> ratio(DockerEngine engine, String a, String b) {
    Optional<Value> over = cpu(engine, a);
    Optional<Value> under = cpu(engine, b);
    if (over.isEmpty() || under.isEmpty() || under.get().number().orElse(0.0) <= 0) {
      return Optional.empty();
    }
    return Optional.of(Value.of(over.get().number().orElse(0.0) / under.get().number().get()));
  }

  private static Optional<Value> cpu(DockerEngine engine, String name) {
    return inspect(
        engine, List.of("docker", "stats", "--no-stream", "--format", "{{.CPUPerc}}", name));
  }

  /** Whether {@code docker diff} of the container lists the line. */
  private boolean lists(DockerEngine engine) {
    CommandResult r = engine.execute(List.of("docker", "diff", args.get("container")), "");
    return r.exitCode() == 0 && r.stdout().lines().anyMatch(args.get("lists")::equals);
  }

  private static Optional<String> firstAddress(ContainerState c) {
    return c.networks().values().stream().filter(a -> !a.isEmpty()).findFirst();
  }

  private static Optional<Value> inspect(DockerEngine engine, List<String> argv) {
    CommandResult r = engine.execute(argv, "");
    return r.exitCode() == 0 && !r.stdout().isBlank()
        ? Optional.of(Value.of(r.stdout()))
        : Optional.empty();
  }

  private Optional<Step> layer(ImageState i) {
    List<Step> layers = i.layerSteps();
    String which = args.get("layer");
    int n = which.equals("top") ? layers.size() : Integer.parseInt(which);
    return n >= 1 && n <= layers.size() ? Optional.of(layers.get(n - 1)) : Optional.empty();
  }

  /** The instruction that made the layer providing the path, as {@code docker history} shows. */
  private Optional<Value> layerOf(ImageState image, DockerEngine engine) {
    List<Step> layers = image.layerSteps();
    return engine
        .layerOf(image.reference(), args.get("path"))
        .filter(n -> n <= layers.size())
        .map(n -> Value.of(layers.get(n - 1).createdBy()));
  }

  /** The step numbers of the last build that did not come from the cache, as "2,3". */
  private static Optional<Value> rebuilt(Journal journal) {
    for (int k = journal.size() - 1; k >= 0; k--) {
      Journal.Entry e = journal.entries().get(k);
      if (!e.line().matches("docker (image )?build\\b.*") || e.exitCode() != 0) {
        continue;
      }
      return Optional.of(rebuiltSteps(e.output()));
    }
    return Optional.empty();
  }

  /**
   * The steps a classic build ran rather than took from the cache, read from its output: each
   * {@code Step N/M} not followed by {@code Using cache}, FROM excepted; {@code none} when every
   * step was cached.
   */
  public static Value rebuiltSteps(String buildOutput) {
    List<String> steps = new ArrayList<>();
    String current = null;
    boolean cached = false;
    for (String line : buildOutput.split("\n")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("^Step (\\d+)/\\d+ : (.*)").matcher(line);
      if (m.find()) {
        if (current != null && !cached) {
          steps.add(current);
        }
        current =
            m.group(2).toUpperCase(java.util.Locale.ROOT).startsWith("FROM") ? null : m.group(1);
        cached = false;
      } else if (line.contains("Using cache")) {
        cached = true;
      }
    }
    if (current != null && !cached) {
      steps.add(current);
    }
    return new Value(Optional.empty(), steps.isEmpty() ? "none" : String.join(",", steps));
  }

  private long count(State state) {
    String filter = args.get("filter");
    return switch (args.get("what")) {
      case "containers" ->
          state.snapshot().containers().stream()
              .filter(c -> filter.equals("all") || c.status().equals(filter))
              .count();
      case "images" -> state.snapshot().images().size();
      case "volumes" -> state.snapshot().volumes().size();
      default -> state.snapshot().networks().size();
    };
  }

  /** How this quantity reads in a message: {@code cpu-percent of low}. */
  public String describe() {
    return args.isEmpty() ? kind : kind + " " + String.join(" ", args.values());
  }
}
