package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GoQuoteTest {
  @Test
  void quote_escapesQuotesBackslashesAndControls() {
    assertEquals("\"sh -c 'echo \\\"hi\\\"'\"", GoQuote.quote("sh -c 'echo \"hi\"'"));
    assertEquals("\"a\\\\b\\n\\x01\"", GoQuote.quote("a\\b\n\u0001"));
  }
}
