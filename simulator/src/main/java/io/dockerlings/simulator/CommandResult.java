package io.dockerlings.simulator;

import java.util.List;
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
    int exitCode,
    String stdout,
    String stderr,
    Optional<InteractiveSession> session,
    List<Chunk> chunks) {

  /** One write to stdout or stderr ({@code err}), in the order the command made them. */
  public record Chunk(boolean err, String text) {}

  /**
   * @param chunks the writes in their order; empty when unknown (then stdout counts as first)
   */
  public CommandResult {
    Objects.requireNonNull(stdout);
    Objects.requireNonNull(stderr);
    Objects.requireNonNull(session);
    chunks = List.copyOf(chunks);
  }

  /** A result whose order of writes is not known: stdout, then stderr. */
  public CommandResult(
      int exitCode, String stdout, String stderr, Optional<InteractiveSession> session) {
    this(exitCode, stdout, stderr, session, List.of());
  }

  /**
   * The output as the CLI wrote it: the two streams interleaved in their order (the pull progress
   * on stderr before the id on stdout), or stdout then stderr when the order is not known.
   */
  public List<Chunk> inOrder() {
    if (!chunks.isEmpty()) {
      return chunks;
    }
    List<Chunk> both = new java.util.ArrayList<>();
    if (!stdout.isEmpty()) {
      both.add(new Chunk(false, stdout));
    }
    if (!stderr.isEmpty()) {
      both.add(new Chunk(true, stderr));
    }
    return both;
  }

  /** A result with no interactive session. */
  public static CommandResult of(int exitCode, String stdout, String stderr) {
    return new CommandResult(exitCode, stdout, stderr, Optional.empty());
  }
}
