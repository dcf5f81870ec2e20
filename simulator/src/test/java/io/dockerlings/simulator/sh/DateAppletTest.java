package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DateAppletTest {
  private static final ZonedDateTime T = ZonedDateTime.of(2026, 12, 5, 4, 7, 9, 0, ZoneOffset.UTC);

  @Test
  void format_commonConversions_areAsLibcWritesThem() {
    assertEquals("2026-12-05 04:07:09", DateApplet.format("%Y-%m-%d %H:%M:%S", T));
    assertEquals("Sat Dec  5 339 UTC", DateApplet.format("%a %b %e %j %Z", T));
    assertEquals("%literal\n", DateApplet.format("%%literal%n", T));
    assertEquals("12/05/26 04:07", DateApplet.format("%D %R", T));
  }

  @Test
  void format_unknownConversion_isPrintedAsWritten() {
    assertEquals("%Q", DateApplet.format("%Q", T));
  }
}
