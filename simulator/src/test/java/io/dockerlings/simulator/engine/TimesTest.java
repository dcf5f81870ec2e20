package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.cli.DockerException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

  @Test
  void parse_goDuration_isRelativeToNow() {
    assertEquals(NOW.minusSeconds(90), Times.parse("1m30s", NOW));
  }

  @Test
  void parse_rfc3339AndUnixSeconds() {
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), Times.parse("2026-01-01T00:00:00Z", NOW));
    assertEquals(Instant.ofEpochSecond(100), Times.parse("100", NOW));
  }

  @Test
  void parse_garbage_isClientError() {
    assertThrows(DockerException.class, () -> Times.parse("yesterday", NOW));
  }
}
