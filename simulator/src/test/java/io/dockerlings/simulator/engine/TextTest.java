package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void duration_followsTheCliThresholds() {
    assertEquals("Less than a second", Text.duration(Duration.ofMillis(900)));
    assertEquals("1 second", Text.duration(Duration.ofSeconds(1)));
    assertEquals("59 seconds", Text.duration(Duration.ofSeconds(59)));
    assertEquals("About a minute", Text.duration(Duration.ofSeconds(90)));
    assertEquals("2 minutes", Text.duration(Duration.ofMinutes(2)));
    assertEquals("About an hour", Text.duration(Duration.ofMinutes(70)));
    assertEquals("47 hours", Text.duration(Duration.ofHours(47)));
    assertEquals("2 days", Text.duration(Duration.ofHours(48)));
    assertEquals("2 weeks", Text.duration(Duration.ofDays(14)));
    assertEquals("3 years", Text.duration(Duration.ofDays(3 * 366)));
  }

  @Test
  void size_isDecimalWithThreeSignificantDigits() {
    assertEquals("0B", Text.size(0));
    assertEquals("1.98MB", Text.size(1_984_234));
    assertEquals("4.26MB", Text.size(4_261_550));
    assertEquals("140MB", Text.size(140_003_000));
    assertEquals("6B", Text.size(6));
  }

  @Test
  void size_roundsLikeGosPercentG() {
    // 1.125 is exact in binary: Go rounds the half to even; 1.115 is just below its half.
    assertEquals("1.12kB", Text.size(1125));
    assertEquals("1.11kB", Text.size(1115));
    assertEquals("1e+03kB", Text.size(999_600));
    assertEquals("999kB", Text.size(999_499));
    assertEquals("1MB", Text.size(1_000_000));
  }

  @Test
  void ellipsis_keepsTwentyCharactersWithTheLastAnEllipsis() {
    assertEquals("sh -c 'while true; …", Text.ellipsis("sh -c 'while true; do :; done'", 20));
    assertEquals("short", Text.ellipsis("short", 20));
  }
}
