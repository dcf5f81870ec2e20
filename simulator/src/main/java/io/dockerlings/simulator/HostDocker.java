package io.dockerlings.simulator;

import java.util.List;
import java.util.Optional;

/**
 * The docker CLI that a host line calls ({@code printf ... | docker build -}, {@code docker ps |
 * grep x}, {@code $(docker ps -q)}), when it is not the simulator's own: in real mode, the real
 * engine. The simulated host shell still runs the line, its pipes, redirections and files.
 */
@FunctionalInterface
public interface HostDocker {
  /**
   * Runs one docker command of a host line.
   *
   * @param argv the words, {@code argv.get(0)} being {@code docker}
   * @param stdin what the command reads when a pipe or a redirection feeds it; empty when its stdin
   *     is the learner's terminal
   * @param stdout where its stdout goes as bytes when that is not the terminal (a pipe, a file):
   *     for a tar ({@code docker save x | gzip}); empty when it is the terminal
   * @return what it printed and returned
   */
  CommandResult run(
      List<String> argv,
      Optional<byte[]> stdin,
      Optional<java.util.function.Consumer<byte[]>> stdout);
}
