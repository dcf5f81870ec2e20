package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GoTimeLayoutTest {
  private static String error(String layout, String value) {
    return assertThrows(
            GoTimeLayout.ParseError.class,
            () -> new GoTimeLayout(layout).parse(value, ZoneOffset.UTC))
        .getMessage();
  }

  @Test
  void parse_fractionAndZone_areRead() {
    assertEquals(
        Instant.parse("2000-01-01T09:00:00.250Z"),
        new GoTimeLayout("2006-01-02T15:04:05.999999999Z07:00")
            .parse("2000-01-01T10:00:00.25+01:00", ZoneOffset.UTC));
  }

  @Test
  void parse_yearThatIsNoNumber_reportsTheTextAfterIt() {
    assertEquals(
        "parsing time \"20x0-01-01\" as \"2006-01-02\": cannot parse \"-01-01\" as \"2006\"",
        error("2006-01-02", "20x0-01-01"));
  }

  @Test
  void parse_leftoverText_isExtraText() {
    assertEquals(
        "parsing time \"2000-01-01 10\": extra text: \" 10\"",
        error("2006-01-02", "2000-01-01 10"));
  }

  @Test
  void parse_outOfRangeFields_nameTheField() {
    assertEquals(
        "parsing time \"2000-13-01\": month out of range", error("2006-01-02", "2000-13-01"));
    assertEquals(
        "parsing time \"2000-01-01T24\": hour out of range",
        error("2006-01-02T15", "2000-01-01T24"));
  }
}
