package io.dockerlings.real;

import io.dockerlings.simulator.cli.DockerException;

/**
 * Looks up the sandbox's own containers for one docker verb, through {@link
 * RealContext#ownedContainer}, and words a missing container the way that verb's CLI does: some ask
 * the daemon ({@code Error response from daemon: No such container: X}), some inspect first on the
 * client side ({@code Error: No such container: X}), {@code kill} has its own sentence.
 */
final class RealTargets {
  private final RealContext ctx;

  RealTargets(RealContext ctx) {
    this.ctx = ctx;
  }

  /** The id, or the daemon's {@code No such container} error. */
  String daemon(String ref) {
    return ctx.ownedContainer(ref);
  }

  /** The id, or the client's {@code Error: No such container: X}. */
  String client(String ref) {
    return require(ref, "Error: No such container: " + ref);
  }

  /** The id, or {@code missingText} (exit 1) when no container answers to {@code ref}. */
  String require(String ref, String missingText) {
    try {
      return ctx.ownedContainer(ref);
    } catch (DockerException e) {
      if (e.text().equals("Error response from daemon: No such container: " + ref)) {
        throw new DockerException(missingText, 1);
      }
      throw e;
    }
  }
}
