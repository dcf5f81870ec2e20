package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GoParseTest {
  private static String failure(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void parseBool_acceptsOnlyGoSpellings() {
    assertTrue(GoParse.parseBool("T"));
    assertTrue(GoParse.parseBool("True"));
    assertFalse(GoParse.parseBool("0"));
    assertEquals(
        "strconv.ParseBool: parsing \"yes\": invalid syntax",
        failure(() -> GoParse.parseBool("yes")));
    failure(() -> GoParse.parseBool("tRUE"));
  }

  @Test
  void parseInt_baseZero_prefixesUnderscoresAndRange() {
    assertEquals(16, GoParse.parseInt("0x10", 64));
    assertEquals(8, GoParse.parseInt("010", 64));
    assertEquals(5, GoParse.parseInt("0b101", 64));
    assertEquals(-1000, GoParse.parseInt("-1_000", 64));
    assertEquals(0, GoParse.parseInt("0", 64));
    assertEquals(
        "strconv.ParseInt: parsing \"1__0\": invalid syntax",
        failure(() -> GoParse.parseInt("1__0", 64)));
    assertEquals(
        "strconv.ParseInt: parsing \"09\": invalid syntax",
        failure(() -> GoParse.parseInt("09", 64)));
    assertEquals(
        "strconv.ParseInt: parsing \"\": invalid syntax", failure(() -> GoParse.parseInt("", 64)));
    assertEquals(
        "strconv.ParseInt: parsing \"9223372036854775808\": value out of range",
        failure(() -> GoParse.parseInt("9223372036854775808", 64)));
    assertEquals(Long.MIN_VALUE, GoParse.parseInt("-9223372036854775808", 64));
  }

  @Test
  void parseUint_rejectsSigns_andChecksBits() {
    assertEquals(65535, GoParse.parseUint("65535", 16));
    assertEquals(
        "strconv.ParseUint: parsing \"65536\": value out of range",
        failure(() -> GoParse.parseUint("65536", 16)));
    assertEquals(
        "strconv.ParseUint: parsing \"+1\": invalid syntax",
        failure(() -> GoParse.parseUint("+1", 16)));
  }

  @Test
  void parseInt10_takesNoPrefixes() {
    assertEquals(-1, GoParse.parseInt10("-1"));
    assertEquals(
        "strconv.ParseInt: parsing \"0x10\": invalid syntax",
        failure(() -> GoParse.parseInt10("0x10")));
  }

  @Test
  void parseDuration_likeTimePackage() {
    assertEquals(90_000_000_000L, GoParse.parseDuration("1m30s"));
    assertEquals(1_500_000_000L, GoParse.parseDuration("1.5s"));
    assertEquals(-2_000_000L, GoParse.parseDuration("-2ms"));
    assertEquals(0, GoParse.parseDuration("0"));
    assertEquals(500_000_000L, GoParse.parseDuration(".5s"));
    assertEquals("time: invalid duration \"x\"", failure(() -> GoParse.parseDuration("x")));
    assertEquals("time: invalid duration \"\"", failure(() -> GoParse.parseDuration("")));
    assertEquals("time: missing unit in duration \"5\"", failure(() -> GoParse.parseDuration("5")));
    assertEquals(
        "time: unknown unit \"y\" in duration \"5y\"", failure(() -> GoParse.parseDuration("5y")));
  }

  @Test
  void parseRational_decimalsAndFractions() {
    assertEquals(new BigDecimal("1.5"), GoParse.parseRational("3/2"));
    assertEquals(new BigDecimal("0.25"), GoParse.parseRational(".25"));
    assertEquals(0, new BigDecimal("1000").compareTo(GoParse.parseRational("1e3")));
    failure(() -> GoParse.parseRational("1/0"));
    failure(() -> GoParse.parseRational("x"));
  }

  @Test
  void quote_escapesLikeStrconvQuote() {
    assertEquals("\"a\\\"b\\\\c\\n\\x01\"", GoParse.quote("a\"b\\c\n\u0001"));
    assertEquals("\"中…\"", GoParse.quote("中…"));
  }
}
