package io.dockerlings.simulator.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine's notion of now: the injected wall clock plus the time that blocking commands skipped.
 *
 * <p>A real {@code docker stop} waits out the grace period; the simulator answers at once and moves
 * its own time forward instead, so later commands see that time as passed. Never runs backwards,
 * even if the wall clock does.
 */
final class SimClock {
  private final Clock wall;
  private Duration skipped = Duration.ZERO;
  private Instant last = Instant.EPOCH;

  SimClock(Clock wall) {
    this.wall = wall;
  }

  /** The simulated time now. */
  Instant now() {
    Instant t = wall.instant().plus(skipped);
    if (t.isBefore(last)) {
      t = last;
    }
    last = t;
    return t;
  }

  /** A way back to the time skipped so far, for a command that fails half-way. */
  Runnable memento() {
    Duration skipped0 = skipped;
    Instant last0 = last;
    return () -> {
      skipped = skipped0;
      last = last0;
    };
  }

  /** Jumps forward, as if the caller had waited this long. */
  void skip(Duration d) {
    if (!d.isNegative()) {
      skipped = skipped.plus(d);
    }
  }
}
