package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Expected texts are what Go's fmt.Println and json.Marshal print for the same float64. */
class GoNumbersTest {
  @Test
  void format_usesExponentFromAMillion() {
    assertEquals("100000", GoNumbers.format(100000.0));
    assertEquals("1e+06", GoNumbers.format(1000000.0));
    assertEquals("1.234567e+06", GoNumbers.format(1234567.0));
  }

  @Test
  void format_smallAndSpecialValues() {
    assertEquals("0.0001", GoNumbers.format(0.0001));
    assertEquals("1e-05", GoNumbers.format(0.00001));
    assertEquals("0.5", GoNumbers.format(0.5));
    assertEquals("-2.5", GoNumbers.format(-2.5));
    assertEquals("0", GoNumbers.format(0.0));
    assertEquals("+Inf", GoNumbers.format(Double.POSITIVE_INFINITY));
  }

  @Test
  void exponent_jsonShortensNegativeExponentOnly() {
    assertEquals("1e-7", GoNumbers.exponent(new BigDecimal("1E-7"), true));
    assertEquals("1e+21", GoNumbers.exponent(new BigDecimal("1E+21"), true));
    assertEquals("1.5e-07", GoNumbers.exponent(new BigDecimal("1.5E-7"), false));
  }
}
