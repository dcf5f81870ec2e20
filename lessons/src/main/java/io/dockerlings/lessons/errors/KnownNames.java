package io.dockerlings.lessons.errors;

import io.dockerlings.simulator.DockerEngine;
import java.util.List;

/** The names "did you mean" chooses from: the CLI's command table and the engine's objects. */
public interface KnownNames {
  /** The top-level command words ({@code run}, {@code ps}, {@code network}...). */
  List<String> commandNames();

  /** The flags of a command given by its words after docker ({@code run}, {@code network ls}). */
  List<String> flagNames(String commandWords);

  /** The names of the engine's containers. */
  List<String> containerNames();

  /** The {@code repository:tag} names of the engine's images. */
  List<String> imageNames();

  /** The names an engine knows, read at each call so that they follow the engine's state. */
  static KnownNames of(DockerEngine engine) {
    return new KnownNames() {
      @Override
      public List<String> commandNames() {
        return engine.commandNames();
      }

      @Override
      public List<String> flagNames(String commandWords) {
        return engine.flagNames(commandWords);
      }

      @Override
      public List<String> containerNames() {
        return engine.containerNames();
      }

      @Override
      public List<String> imageNames() {
        return engine.imageNames();
      }
    };
  }
}
