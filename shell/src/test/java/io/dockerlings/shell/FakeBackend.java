package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.EngineSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A backend for tests: answers from a table of command lines and records what it was asked. */
class FakeBackend implements Backend {
  final List<List<String>> executed = new ArrayList<>();
  final Map<String, CommandResult> answers = new LinkedHashMap<>();
  final List<String> containers = List.of("web", "db");
  final List<String> images = List.of("busybox:latest", "nginx:latest");

  FakeBackend answer(String line, CommandResult result) {
    answers.put(line, result);
    return this;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    executed.add(List.copyOf(argv));
    CommandResult r = answers.get(String.join(" ", argv));
    return r != null ? r : CommandResult.of(0, "ran " + String.join(" ", argv) + "\n", "");
  }

  @Override
  public CommandResult host(String line) {
    String word = line.split("\\s+")[0];
    return word.equals("ls")
        ? CommandResult.of(0, "bin\netc\n", "")
        : CommandResult.of(127, "", "sh: " + word + ": not found\n");
  }

  @Override
  public List<String> commandNames() {
    return List.of("network", "ps", "rm", "run", "container");
  }

  @Override
  public List<String> flagNames(String commandWords) {
    return switch (commandWords) {
      case "ps" -> List.of("--all", "-a");
      case "network create" -> List.of("--driver", "-d");
      default -> List.of();
    };
  }

  @Override
  public EngineSnapshot snapshot() {
    return EngineSnapshot.empty();
  }

  @Override
  public List<String> containerNames() {
    return containers;
  }

  @Override
  public List<String> imageNames() {
    return images;
  }

  @Override
  public void reset() {
    executed.clear();
  }
}
