package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.cli.DockerException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

  private static Instant since(String text) {
    return Times.parse(text, "since", NOW);
  }

  @Test
  void parse_goDuration_isRelativeToNow_andANegativeOneIsAhead() {
    assertEquals(NOW.minusSeconds(90), since("1m30s"));
    assertEquals(NOW.plusSeconds(600), since("-10m"));
  }

  @Test
  void parse_rfc3339AndUnixSeconds() {
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), since("2026-01-01T00:00:00Z"));
    assertEquals(Instant.ofEpochSecond(100), since("100"));
    assertEquals(Instant.ofEpochSecond(1, 500_000_000), since("1.5"));
    assertEquals(Instant.EPOCH, since("0"));
  }

  @Test
  void logs_sinceADateAlone_isAccepted() {
    assertEquals(Instant.parse("2099-01-01T00:00:00Z"), since("2099-01-01"));
    assertEquals(Instant.parse("1999-12-31T23:00:00Z"), since("2000-01-01+01:00"));
    assertEquals(Instant.parse("2000-01-01T10:00:00Z"), since("2000-01-01T10"));
  }

  @Test
  void logs_sinceGarbage_isWordedWithoutErrorPrefix() {
    DockerException e = assertThrows(DockerException.class, () -> since("yesterday"));
    assertEquals(
        "invalid value for \"since\": failed to parse value as time or duration: \"yesterday\"",
        e.text());
    assertEquals(1, e.exitCode());
  }

  @Test
  void logs_sinceABadDate_showsGosParseError() {
    assertEquals(
        "invalid value for \"until\": parsing time \"2000-02-30\": day out of range",
        assertThrows(DockerException.class, () -> Times.parse("2000-02-30", "until", NOW)).text());
  }
}
