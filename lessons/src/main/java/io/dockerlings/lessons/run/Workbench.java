package io.dockerlings.lessons.run;

import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.HostSpec;
import java.util.List;

/**
 * Where a lesson's commands run: the engine the learner uses (the REPL's backend, or a simulator in
 * tests and in the self-test). A lesson runs its setup and replays through it, silently.
 */
public interface Workbench {
  /** The engine whose state goals read now. */
  DockerEngine engine();

  /** Runs a line silently (setup, replay) and returns what it did. */
  Journal.Entry run(String line, List<String> input);

  /** Starts over with a fresh engine on {@code host} (busybox only, nothing running). */
  void reset(HostSpec host);

  /** Whether a real engine answers (real or compare mode), so its measurement can be shown. */
  default boolean hasRealEngine() {
    return false;
  }

  /**
   * Whether the engine has the image {@code ref} or can get it. The simulator pulls the course's
   * images from its catalog (the self-test proves each lesson's images are there); a real engine
   * that cannot pull has only what it holds.
   */
  default boolean hasImage(String ref) {
    return true;
  }
}
