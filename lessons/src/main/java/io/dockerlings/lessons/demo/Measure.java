package io.dockerlings.lessons.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A quantity a demo's prediction reads from an engine after its commands ran, by the names of the
 * lesson format's quantities ({@code cpu-percent}, {@code exit-code}, {@code oom-killed}, {@code
 * rebuilt-steps}, {@code output}) plus two a demo needs ({@code cpu-ratio}, {@code diff}).
 */
public sealed interface Measure {
  /** The names a file may use, in the order errors list them. */
  List<String> NAMES =
      List.of(
          "cpu-percent",
          "cpu-ratio",
          "exit-code",
          "oom-killed",
          "diff",
          "rebuilt-steps",
          "output",
          "last-exit");

  /** {@code docker stats}'s CPU % of a container (the engine's: a mean of several readings). */
  record CpuPercent(String container) implements Measure {}

  /** The CPU % of one container divided by another's. */
  record CpuRatio(String container, String to) implements Measure {}

  /** A container's exit code. */
  record ExitCode(String container) implements Measure {}

  /** Whether the OOM killer ended a container. */
  record OomKilled(String container) implements Measure {}

  /** Whether {@code docker diff} of a container lists a line ({@code D /etc/group}). */
  record Diff(String container, String line) implements Measure {}

  /** The steps of the last build in the step's output that did not come from the cache. */
  record RebuiltSteps() implements Measure {}

  /** The standard output of the step's last command, trimmed. */
  record Output() implements Measure {}

  /** The exit status of the step's last command. */
  record LastExit() implements Measure {}

  /** Whether this quantity is a CPU reading, which a real engine must sample over time. */
  default boolean sampled() {
    return this instanceof CpuPercent || this instanceof CpuRatio;
  }

  /**
   * Reads a quantity from its YAML form ({@code {cpu-ratio: [hi, lo]}}, {@code {exit-code: c}},
   * {@code output}); empty with an error added when it is not one.
   */
  static Optional<Measure> parse(JsonNode node, List<String> errors) {
    String name;
    JsonNode arg;
    if (node.isTextual()) {
      name = node.asText();
      arg = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    } else if (node.isObject() && node.size() == 1) {
      name = node.fieldNames().next();
      arg = node.get(name);
    } else {
      errors.add("measure must be a name or a map with one key, one of " + NAMES);
      return Optional.empty();
    }
    Optional<Measure> m =
        switch (name) {
          case "cpu-percent" -> text(arg).map(CpuPercent::new);
          case "exit-code" -> text(arg).map(ExitCode::new);
          case "oom-killed" -> text(arg).map(OomKilled::new);
          case "cpu-ratio" ->
              arg.isArray() && arg.size() == 2
                  ? Optional.of(new CpuRatio(arg.get(0).asText(), arg.get(1).asText()))
                  : Optional.empty();
          case "diff" ->
              arg.path("container").isTextual() && arg.path("lists").isTextual()
                  ? Optional.of(
                      new Diff(arg.path("container").asText(), arg.path("lists").asText()))
                  : Optional.empty();
          case "rebuilt-steps" -> Optional.of(new RebuiltSteps());
          case "output" -> Optional.of(new Output());
          case "last-exit" -> Optional.of(new LastExit());
          default -> Optional.empty();
        };
    if (m.isEmpty()) {
      errors.add(
          "measure "
              + name
              + ": not a known quantity with its argument (cpu-percent: C, cpu-ratio: [A, B],"
              + " exit-code: C, oom-killed: C, diff: {container, lists}, rebuilt-steps, output,"
              + " last-exit)");
    }
    return m;
  }

  private static Optional<String> text(JsonNode arg) {
    return arg.isTextual() && !arg.asText().isBlank()
        ? Optional.of(arg.asText())
        : Optional.empty();
  }

  /**
   * Reads this quantity from an engine after a step's commands ran (not a sampled CPU reading,
   * which {@link DemoRun} takes).
   *
   * @param results the results of the step's commands, in order
   */
  default Value read(DockerEngine engine, List<CommandResult> results) {
    CommandResult last =
        results.isEmpty() ? CommandResult.of(0, "", "") : results.get(results.size() - 1);
    if (this instanceof ExitCode e) {
      return number(inspect(engine, e.container(), "{{.State.ExitCode}}"));
    }
    if (this instanceof OomKilled o) {
      return Value.text(inspect(engine, o.container(), "{{.State.OOMKilled}}"));
    }
    if (this instanceof Diff d) {
      CommandResult r = engine.execute(List.of("docker", "diff", d.container()), "");
      return Value.of(r.exitCode() == 0 && r.stdout().lines().anyMatch(d.line()::equals));
    }
    if (this instanceof RebuiltSteps) {
      return Value.text(String.join(",", rebuilt(results)));
    }
    if (this instanceof LastExit) {
      return Value.of(last.exitCode());
    }
    return Value.text(last.stdout());
  }

  private static String inspect(DockerEngine engine, String container, String format) {
    return engine
        .execute(List.of("docker", "inspect", "-f", format, container), "")
        .stdout()
        .strip();
  }

  private static Value number(String text) {
    try {
      return Value.of(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return Value.text(text.isEmpty() ? "-" : text);
    }
  }

  /**
   * The step numbers the classic builder ran rather than took from the cache, in the last build
   * among {@code results}: a {@code Step N/M} not followed by {@code Using cache}, FROM excepted.
   */
  static List<String> rebuilt(List<CommandResult> results) {
    for (int i = results.size() - 1; i >= 0; i--) {
      String out = results.get(i).stdout();
      if (!out.contains("Step 1/")) {
        continue;
      }
      List<String> steps = new ArrayList<>();
      String step = null;
      boolean cached = false;
      for (String line : out.split("\n")) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("^Step (\\d+)/\\d+ : (\\S+)").matcher(line);
        if (m.find()) {
          if (step != null && !cached) {
            steps.add(step);
          }
          step = m.group(2).equalsIgnoreCase("FROM") ? null : m.group(1);
          cached = false;
        } else if (line.contains("Using cache")) {
          cached = true;
        }
      }
      if (step != null && !cached) {
        steps.add(step);
      }
      return steps;
    }
    return List.of();
  }
}
