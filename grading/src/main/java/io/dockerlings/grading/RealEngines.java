package io.dockerlings.grading;

import io.dockerlings.simulator.DockerEngine;

/**
 * Opens sandboxes on a real Docker engine for {@code grade --backend real}. The launcher supplies
 * it, so that grading knows engines only through the engine contract.
 */
@FunctionalInterface
public interface RealEngines {
  /**
   * A fresh, empty sandbox on the engine: everything created through it carries the label value
   * {@code session}, and {@link DockerEngine#close()} removes all of it.
   *
   * @throws Unavailable when no engine answers
   */
  DockerEngine open(String session) throws Unavailable;

  /** No engine answered; the message says why and what to do. */
  final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(message);
    }
  }

  /** No real engine at all: every open fails with {@code why}. */
  static RealEngines none(String why) {
    return session -> {
      throw new Unavailable(why);
    };
  }
}
