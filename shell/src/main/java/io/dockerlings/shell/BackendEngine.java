package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.EngineSnapshot;
import java.util.List;

/**
 * A backend seen through the engine contract, so the lessons module's pictures and demos can read
 * it. Closing it leaves the backend as it is: the backend's owner decides when to clean up.
 */
record BackendEngine(Backend backend) implements DockerEngine {
  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    return backend.execute(argv, stdin);
  }

  @Override
  public List<String> commandNames() {
    return backend.commandNames();
  }

  @Override
  public List<String> flagNames(String commandWords) {
    return backend.flagNames(commandWords);
  }

  @Override
  public List<String> containerNames() {
    return backend.containerNames();
  }

  @Override
  public List<String> imageNames() {
    return backend.imageNames();
  }

  @Override
  public EngineSnapshot snapshot() {
    return backend.snapshot();
  }
}
