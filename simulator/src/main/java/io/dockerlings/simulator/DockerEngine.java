package io.dockerlings.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

  /**
   * A file's content inside a container, or empty when the container or the file does not exist or
   * cannot be read. Reading must not change the engine's state nor move its time. By default it
   * runs {@code docker exec C cat PATH}, which reads only running containers; the simulator reads
   * containers in any state.
   */
  default Optional<String> readFile(String container, String path) {
    CommandResult r = execute(List.of("docker", "exec", container, "cat", path), "");
    return r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
  }

  /** A file inside a named volume (path relative to the volume's root), if this engine can tell. */
  default Optional<String> readVolumeFile(String volume, String path) {
    return Optional.empty();
  }

  /** A file on the (simulated) host, if this engine has one it can read. */
  default Optional<String> readHostFile(String path) {
    return Optional.empty();
  }

  /**
   * The lines {@code docker diff} prints for a container ({@code A /hello.txt}), or empty when
   * there is no such container. By default it runs {@code docker diff}.
   */
  default Optional<List<String>> diff(String container) {
    CommandResult r = execute(List.of("docker", "diff", container), "");
    if (r.exitCode() != 0) {
      return Optional.empty();
    }
    return Optional.of(Arrays.stream(r.stdout().split("\n")).filter(l -> !l.isBlank()).toList());
  }

  /**
   * The tags a registry reached as {@code host:port} holds for a repository (empty list when it
   * holds none), or empty when this engine cannot tell.
   */
  default Optional<List<String>> registryTags(String registry, String repository) {
    return Optional.empty();
  }

  /**
   * Which layer of an image provides a path (1 for the bottom layer), or empty when none does or
   * this engine cannot tell.
   */
  default Optional<Integer> layerOf(String image, String path) {
    return Optional.empty();
  }

  /**
   * The machine this engine runs on, when it is simulated (a real engine's host is not described).
   */
  default Optional<HostSpec> hostSpec() {
    return Optional.empty();
  }

  /** Releases what the engine holds; a real engine removes everything it created. */
  @Override
  default void close() {}
}
