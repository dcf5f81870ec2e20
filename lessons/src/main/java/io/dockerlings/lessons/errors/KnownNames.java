package io.dockerlings.lessons.errors;

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
}
