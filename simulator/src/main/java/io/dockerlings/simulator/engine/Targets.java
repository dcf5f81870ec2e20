package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.CommandIo;
import io.dockerlings.simulator.cli.DockerException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Resolves container references for commands, worded as each command words a missing one, and runs
 * commands over several containers the way the CLI does: each success prints the reference as
 * typed, each failure its error, and the status is 1 if anything failed.
 */
final class Targets {
  private final ContainerStore store;

  Targets(ContainerStore store) {
    this.store = store;
  }

  /** The container, or the daemon's {@code No such container} error. */
  Container daemonRequire(String ref) {
    return require(ref, "Error response from daemon: No such container: " + ref);
  }

  /** The container, or the client's {@code Error: No such container} error. */
  Container clientRequire(String ref) {
    return require(ref, "Error: No such container: " + ref);
  }

  /** The container, or the given error text. */
  Container require(String ref, String missingText) {
    ContainerStore.Lookup found = store.lookup(ref);
    if (found.ambiguous()) {
      throw DockerException.daemon("Multiple IDs found with provided prefix: " + ref);
    }
    return found.container().orElseThrow(() -> new DockerException(missingText, 1));
  }

  /**
   * Runs {@code action} for each reference; prints each reference that succeeded.
   *
   * @return 0 when all succeeded, 1 otherwise
   */
  int forEach(List<String> refs, CommandIo io, Consumer<String> action) {
    int status = 0;
    for (String ref : refs) {
      try {
        action.accept(ref);
        io.outln(ref);
      } catch (DockerException e) {
        io.errln(e.text());
        status = 1;
      }
    }
    return status;
  }

  /** {@link #forEach} with each reference resolved by {@link #daemonRequire} first. */
  int forEachContainer(List<String> refs, CommandIo io, Consumer<Container> action) {
    return forEach(refs, io, ref -> action.accept(daemonRequire(ref)));
  }
}
