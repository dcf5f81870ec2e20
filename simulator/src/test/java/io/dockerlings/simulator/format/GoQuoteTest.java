package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoQuoteTest {
  @Test
  void quote_escapesLikeStrconv() {
    assertEquals("\"a\\\"b\\\\c\\n\\t\\x01é\"", GoQuote.quote("a\"b\\c\n\t\u0001é"));
    assertEquals("\"\\u00e9\"", GoQuote.quote("é", '"', true));
  }

  @Test
  void unquote_handlesGoEscapes() {
    assertEquals("esc\t\"q\"éA", GoQuote.unquote("\"esc\\t\\\"q\\\"\\u00e9\\x41\""));
    assertEquals("raw\\n", GoQuote.unquote("`raw\\n`"));
    assertEquals("é", GoQuote.unquote("\"\\xc3\\xa9\""));
  }

  @Test
  void unicodeName_matchesPercentHashU() {
    assertEquals("U+0023 '#'", GoQuote.unicodeName('#'));
  }

  @Test
  void utf8Length_countsBytes() {
    assertEquals(6, GoQuote.utf8Length("héllo"));
  }
}
