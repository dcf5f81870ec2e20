package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Turns a typed docker line into a backend call, running {@code $(docker ...)} first. */
final class LineRunner {
  private LineRunner() {}

  /**
   * Runs a line that starts with {@code docker}; a line that cannot be split reports why to {@code
   * errors} and runs nothing.
   */
  static Optional<CommandResult> run(
      String line, Backend backend, String stdin, Consumer<String> errors) {
    List<String> words;
    try {
      words =
          HostLine.split(
              line,
              inner -> {
                try {
                  List<String> sub = HostLine.split(inner, x -> "");
                  if (sub.isEmpty() || !sub.get(0).equals("docker")) {
                    errors.accept(
                        "dockerlings: only docker commands can be substituted: " + inner + "\n");
                    return "";
                  }
                  CommandResult r = backend.execute(sub, "");
                  errors.accept(r.stderr());
                  return r.stdout();
                } catch (HostLine.ParseException e) {
                  errors.accept("dockerlings: " + e.getMessage() + "\n");
                  return "";
                }
              });
    } catch (HostLine.ParseException e) {
      errors.accept("dockerlings: " + e.getMessage() + "\n");
      return Optional.empty();
    }
    return Optional.of(backend.execute(words, stdin));
  }
}
