package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import java.util.List;

/** Where docker commands go: the simulator now; a real engine or both side by side later. */
interface Backend {
  /** A short name for the prompt: {@code sim}. */
  String name();

  /** Runs one docker command line, {@code argv.get(0)} being {@code docker}. */
  CommandResult execute(List<String> argv, String stdin);

  /** Runs a line on the machine the engine runs on (simulated for the simulator). */
  CommandResult host(String line);

  /** Completion data: command words after {@code docker}. */
  List<String> commandNames();

  /** Completion data: the flags of a command. */
  List<String> flagNames(String commandWords);

  /** Completion data: container names. */
  List<String> containerNames();

  /** Completion data: image names. */
  List<String> imageNames();

  /** Starts over with a fresh engine. */
  void reset();
}
