package io.dockerlings.simulator;

import java.util.List;

/**
 * The engine contract: a Docker engine that carries out docker CLI command lines and describes its
 * state. The simulator is one; a real engine behind the same contract is another, so that the same
 * command can run on both and their answers and states be compared.
 *
 * <p>Implementations never throw for bad input: every failure is a {@link CommandResult} with the
 * docker CLI's wording and exit code.
 */
public interface DockerEngine extends AutoCloseable {
  /**
   * Runs one docker command.
   *
   * @param argv the words of the command line, {@code argv.get(0)} being {@code "docker"}
   * @param stdin what is piped into the command; empty when nothing is
   */
  CommandResult execute(List<String> argv, String stdin);

  /** The top-level command words ({@code run}, {@code ps}, {@code image}...), for completion. */
  List<String> commandNames();

  /** The flags of a command given by its words after docker, for completion. */
  List<String> flagNames(String commandWords);

  /** The names of the containers this engine shows, for completion. */
  List<String> containerNames();

  /** The {@code repository:tag} names of the images this engine shows, for completion. */
  List<String> imageNames();

  /** The state that lessons and compare mode look at, as of now. */
  EngineSnapshot snapshot();

  /** Releases what the engine holds; a real engine removes everything it created. */
  @Override
  default void close() {}
}
