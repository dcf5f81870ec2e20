package io.dockerlings.grading;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The wall clock of a replay: set to the recorded start of each command, so that the replayed
 * engine sees time pass as the learner's did. Never runs backwards, whatever a file claims.
 */
final class ReplayClock extends Clock {
  private Instant now;

  ReplayClock(Instant start) {
    this.now = start;
  }

  /** Moves to {@code at}, or stays when {@code at} is earlier than now. */
  void advanceTo(Instant at) {
    if (at.isAfter(now)) {
      now = at;
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
