package io.dockerlings.simulator.cli;

/** Carries out one parsed docker command against the engine. */
@FunctionalInterface
public interface CommandHandler {
  /**
   * Runs the command, writing its output to {@code io}.
   *
   * @return the exit status
   * @throws DockerException when the command fails; the engine's state is then unchanged
   */
  int handle(ParsedCommand command, CommandIo io);
}
