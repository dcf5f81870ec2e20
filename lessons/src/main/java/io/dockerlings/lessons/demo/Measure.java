package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.measure.Quantity;
import io.dockerlings.lessons.measure.Value;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import java.util.List;
import java.util.Set;

/**
 * Reads a demo's quantity (the format's {@link Quantity}) through docker commands, so the model and
 * a real engine are read alike: a lesson reads the simulator's state, a demo only what {@code
 * docker inspect}, {@code diff} and the step's own output show. CPU quantities are sampled over
 * several readings by {@link DemoRun}.
 */
final class Measure {
  /** The quantities a demo can read on any engine, in the order errors list them. */
  static final List<String> READABLE =
      List.of(
          "cpu-percent",
          "cpu-ratio",
          "exit-code",
          "oom-killed",
          "state",
          "diff",
          "rebuilt-steps",
          "output",
          "last-exit");

  private static final Set<String> SAMPLED = Set.of("cpu-percent", "cpu-ratio");

  private Measure() {}

  /** Whether the quantity is a CPU reading, which a real engine must sample over time. */
  static boolean sampled(Quantity q) {
    return SAMPLED.contains(q.kind());
  }

  /**
   * Reads a quantity that is not sampled from an engine after a step's commands ran.
   *
   * @param results the results of the step's commands, in order
   */
  static Value read(Quantity q, DockerEngine engine, List<CommandResult> results) {
    CommandResult last =
        results.isEmpty() ? CommandResult.of(0, "", "") : results.get(results.size() - 1);
    String name = q.args().getOrDefault("name", "");
    return switch (q.kind()) {
      case "exit-code" -> Value.of(inspect(engine, name, "{{.State.ExitCode}}"));
      case "oom-killed" -> Value.of(inspect(engine, name, "{{.State.OOMKilled}}"));
      case "state" -> Value.of(inspect(engine, name, "{{.State.Status}}"));
      case "diff" -> {
        CommandResult r = engine.execute(List.of("docker", "diff", q.args().get("container")), "");
        yield Value.of(
            Boolean.toString(
                r.exitCode() == 0 && r.stdout().lines().anyMatch(q.args().get("lists")::equals)));
      }
      case "rebuilt-steps" -> rebuilt(results);
      case "last-exit" -> Value.of(last.exitCode());
      default -> Value.of(last.stdout() + last.stderr());
    };
  }

  private static String inspect(DockerEngine engine, String container, String format) {
    CommandResult r = engine.execute(List.of("docker", "inspect", "-f", format, container), "");
    return r.exitCode() == 0 && !r.stdout().isBlank() ? r.stdout().strip() : "-";
  }

  /** The steps the last build among {@code results} ran rather than took from the cache. */
  static Value rebuilt(List<CommandResult> results) {
    for (int i = results.size() - 1; i >= 0; i--) {
      String out = results.get(i).stdout();
      if (out.contains("Step 1/")) {
        return Quantity.rebuiltSteps(out);
      }
    }
    return Value.of("-");
  }
}
