package io.dockerlings.grading;

import io.dockerlings.simulator.DockerEngine;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opens sandboxes on a real Docker engine for {@code grade --backend real}. The launcher supplies
 * it, so that grading knows engines only through the engine contract.
 */
@FunctionalInterface
public interface RealEngines {
  /**
   * A fresh, empty sandbox on the engine: everything created through it carries the label value
   * {@code session}, every container it creates gets the {@code limits} where it asks for nothing
   * tighter (and shows only what it asked for), and {@link DockerEngine#close()} removes all of it.
   *
   * @throws Unavailable when no engine answers
   */
  Opened open(String session, GradingLimits limits) throws Unavailable;

  /**
   * An open sandbox.
   *
   * @param engine the sandbox's engine
   * @param stoppedByMemoryCeiling the names of its containers that the sandbox's memory ceiling,
   *     not a limit the learner set, OOM-killed (asked before the engine is closed)
   */
  record Opened(DockerEngine engine, Supplier<List<String>> stoppedByMemoryCeiling) {
    /** A sandbox whose ceilings never stop anything (an engine without them). */
    public static Opened of(DockerEngine engine) {
      return new Opened(engine, List::of);
    }
  }

  /** No engine answered; the message says why and what to do. */
  final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(message);
    }
  }

  /** No real engine at all: every open fails with {@code why}. */
  static RealEngines none(String why) {
    return (session, limits) -> {
      throw new Unavailable(why);
    };
  }
}
