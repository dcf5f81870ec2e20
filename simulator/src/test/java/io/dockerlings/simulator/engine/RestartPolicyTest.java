package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {
  @Test
  void parse_onFailureWithCount_keepsCount() {
    assertEquals(new RestartPolicy("on-failure", 3), RestartPolicy.parse("on-failure:3"));
  }

  @Test
  void parse_empty_isNo() {
    assertEquals(RestartPolicy.NO, RestartPolicy.parse(""));
  }

  @Test
  void parse_unknownName_isDaemonError() {
    Failure f = assertThrows(Failure.class, () -> RestartPolicy.parse("bogus"));
    assertEquals(Failure.Side.DAEMON, f.side());
    assertEquals("invalid restart policy 'bogus'", f.getMessage());
  }

  @Test
  void parse_countOnAlways_isDaemonError() {
    Failure f = assertThrows(Failure.class, () -> RestartPolicy.parse("always:3"));
    assertEquals("maximum retry count cannot be used with restart policy 'always'", f.getMessage());
  }

  @Test
  void parse_nonNumericCount_isClientError() {
    Failure f = assertThrows(Failure.class, () -> RestartPolicy.parse("on-failure:x"));
    assertEquals(Failure.Side.CLIENT, f.side());
    assertEquals(
        "docker: maximum retry count must be an integer.\nSee 'docker run --help'.",
        f.forRun("run").text());
  }

  @Test
  void parse_tooManyColons_isFormatError() {
    Failure f = assertThrows(Failure.class, () -> RestartPolicy.parse("on-failure:1:2"));
    assertEquals("invalid restart policy format", f.getMessage());
  }
}
