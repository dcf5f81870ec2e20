package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimClockTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void skip_movesTimeForward() {
    SimClock c = new SimClock(Clock.fixed(T0, ZoneOffset.UTC));
    c.skip(Duration.ofSeconds(10));
    assertEquals(T0.plusSeconds(10), c.now());
  }

  @Test
  void now_neverRunsBackwards() {
    Instant[] wall = {T0.plusSeconds(5)};
    Clock moving =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return wall[0];
          }
        };
    SimClock c = new SimClock(moving);
    assertEquals(T0.plusSeconds(5), c.now());
    wall[0] = T0;
    assertEquals(T0.plusSeconds(5), c.now());
  }
}
