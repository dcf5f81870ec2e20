package io.dockerlings.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * What one docker command printed and returned.
 *
 * @param exitCode the exit status the docker CLI would return
 * @param stdout everything written to standard output
 * @param stderr everything written to standard error
 * @param session an interactive session left open by the command ({@code run -it}, {@code exec
 *     -it}, {@code attach}), through which the caller feeds the container's terminal
 */
public record CommandResult(
    int exitCode, String stdout, String stderr, Optional<InteractiveSession> session) {

  public CommandResult {
    Objects.requireNonNull(stdout);
    Objects.requireNonNull(stderr);
    Objects.requireNonNull(session);
  }

  /** A result with no interactive session. */
  public static CommandResult of(int exitCode, String stdout, String stderr) {
    return new CommandResult(exitCode, stdout, stderr, Optional.empty());
  }
}
