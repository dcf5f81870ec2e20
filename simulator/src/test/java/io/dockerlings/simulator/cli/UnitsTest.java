package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnitsTest {
  private static String human(Duration d) {
    return Units.humanDuration(d);
  }

  @Test
  void humanDuration_secondsAndMinutes() {
    assertEquals("Less than a second", human(Duration.ofMillis(999)));
    assertEquals("Less than a second", human(Duration.ofSeconds(-5)));
    assertEquals("1 second", human(Duration.ofMillis(1999)));
    assertEquals("59 seconds", human(Duration.ofSeconds(59)));
    assertEquals("About a minute", human(Duration.ofSeconds(60)));
    assertEquals("About a minute", human(Duration.ofSeconds(119)));
    assertEquals("2 minutes", human(Duration.ofSeconds(120)));
    assertEquals("59 minutes", human(Duration.ofSeconds(3599)));
  }

  @Test
  void humanDuration_hoursRoundHalfUp_thenDaysWeeksMonthsYears() {
    assertEquals("About an hour", human(Duration.ofMinutes(60)));
    assertEquals("About an hour", human(Duration.ofMinutes(89)));
    assertEquals("2 hours", human(Duration.ofMinutes(90)));
    assertEquals("47 hours", human(Duration.ofMinutes(47 * 60 + 29)));
    assertEquals("2 days", human(Duration.ofMinutes(47 * 60 + 30)));
    assertEquals("13 days", human(Duration.ofDays(14).minusHours(1)));
    assertEquals("2 weeks", human(Duration.ofDays(14)));
    assertEquals("8 weeks", human(Duration.ofDays(59)));
    assertEquals("2 months", human(Duration.ofDays(60)));
    assertEquals("24 months", human(Duration.ofDays(729)));
    assertEquals("2 years", human(Duration.ofDays(730)));
  }

  @Test
  void statusPhrases() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals("5 seconds ago", Units.ago(t, t.plusSeconds(5)));
    assertEquals("Up About a minute", Units.up(t, t.plusSeconds(75)));
    assertEquals("Exited (137) 3 minutes ago", Units.exited(137, t, t.plusSeconds(200)));
  }

  @Test
  void humanSize_threeSignificantDigits_decimalUnits() {
    assertEquals("0B", Units.humanSize(0));
    assertEquals("999B", Units.humanSize(999));
    assertEquals("1kB", Units.humanSize(1000));
    assertEquals("1.24kB", Units.humanSize(1240));
    assertEquals("4.26MB", Units.humanSize(4_261_000));
    assertEquals("1.98MB", Units.humanSize(1_977_344));
    // Go's %.3g switches to exponent form when rounding reaches the fourth digit.
    assertEquals("1e+03kB", Units.humanSize(999_999));
    assertEquals("1.024kB", Units.humanSize(1024, 4));
  }

  @Test
  void bytesSize_fourSignificantDigits_binaryUnits() {
    assertEquals("64MiB", Units.bytesSize(64L << 20));
    assertEquals("23.54GiB", Units.bytesSize(25_276_502_016L));
    assertEquals("7.672GiB", Units.bytesSize(8_237_580_288L));
    assertEquals("512B", Units.bytesSize(512));
  }

  @Test
  void ramInBytes_binaryMultiples() {
    assertEquals(64L << 20, Units.ramInBytes("64m"));
    assertEquals(1L << 30, Units.ramInBytes("1g"));
    assertEquals(512L << 10, Units.ramInBytes("512k"));
    assertEquals(100, Units.ramInBytes("100b"));
    assertEquals(100, Units.ramInBytes("100"));
    assertEquals(3L << 29, Units.ramInBytes("1.5GiB"));
    assertEquals(64L << 20, Units.ramInBytes("64 MB"));
  }

  @Test
  void ramInBytes_errorsWordedAsTheCli() {
    assertEquals(
        "invalid size: '64x'",
        assertThrows(IllegalArgumentException.class, () -> Units.ramInBytes("64x")).getMessage());
    assertEquals(
        "invalid size: ''",
        assertThrows(IllegalArgumentException.class, () -> Units.ramInBytes("")).getMessage());
    assertEquals(
        "strconv.ParseFloat: parsing \"1.2.3\": invalid syntax",
        assertThrows(IllegalArgumentException.class, () -> Units.ramInBytes("1.2.3m"))
            .getMessage());
  }
}
