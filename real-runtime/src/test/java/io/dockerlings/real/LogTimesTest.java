package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.cli.DockerException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void epochSeconds_durationCountsBackFromNow() {
    assertEquals(NOW.getEpochSecond() - 90, LogTimes.epochSeconds("since", "1m30s", NOW));
    // Go's Time.Unix rounds down: 1.5 s before a whole second is two whole seconds back.
    assertEquals(NOW.getEpochSecond() - 2, LogTimes.epochSeconds("since", "1.5s", NOW));
  }

  @Test
  void epochSeconds_zonedTimestampAndUnixSeconds() {
    assertEquals(
        Instant.parse("2026-11-23T10:00:00Z").getEpochSecond(),
        LogTimes.epochSeconds("since", "2026-11-23T11:00:00+01:00", NOW));
    assertEquals(1700000000, LogTimes.epochSeconds("since", "1700000000.5", NOW));
    assertEquals(0, LogTimes.epochSeconds("since", "0", NOW));
  }

  @Test
  void epochSeconds_farFuture_isClampedToTheEnginesRange() {
    assertEquals(Integer.MAX_VALUE, LogTimes.epochSeconds("until", "2099-01-01T00:00:00Z", NOW));
  }

  @Test
  void epochSeconds_garbage_isTheClisError() {
    DockerException e =
        assertThrows(DockerException.class, () -> LogTimes.epochSeconds("until", "bogus", NOW));
    assertEquals(
        "invalid value for \"until\": failed to parse value as time or duration: \"bogus\"",
        e.text());
    assertEquals(1, e.exitCode());
  }
}
