package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonMessagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonMessages feed(String... messages) throws Exception {
    JsonMessages m = new JsonMessages();
    for (String s : messages) {
      m.accept(JSON.readTree(s));
    }
    return m;
  }

  @Test
  void push_printsStatusesAndLeavesOutProgressBars() throws Exception {
    JsonMessages m =
        feed(
            "{\"status\":\"The push refers to repository [127.0.0.1:5000/bb]\"}",
            "{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"30e350d01ad9\"}",
            "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":512,\"total\":2000},"
                + "\"progress\":\"[=>   ]\",\"id\":\"30e350d01ad9\"}",
            "{\"status\":\"Pushed\",\"progressDetail\":{},\"id\":\"30e350d01ad9\"}",
            "{\"progressDetail\":{},\"aux\":{\"Tag\":\"v1\",\"Size\":528}}");
    assertEquals(
        "The push refers to repository [127.0.0.1:5000/bb]\n30e350d01ad9: Preparing\n"
            + "30e350d01ad9: Pushed\n",
        m.output());
    assertFalse(m.failed());
    assertEquals(528, m.aux().path("Size").asInt());
  }

  @Test
  void error_keepsTheFirstMessageAndItsCode() throws Exception {
    JsonMessages m =
        feed(
            "{\"stream\":\"Step 2/2 : RUN exit 3\"}",
            "{\"stream\":\"\\n\"}",
            "{\"errorDetail\":{\"code\":3,\"message\":\"returned a non-zero code: 3\"},"
                + "\"error\":\"returned a non-zero code: 3\"}",
            "{\"error\":\"later\"}");
    assertEquals("Step 2/2 : RUN exit 3\n", m.output());
    assertTrue(m.failed());
    assertEquals("returned a non-zero code: 3", m.error());
    assertEquals(3, m.exitCode());
    assertEquals(1, feed("{\"error\":\"no code\"}").exitCode());
  }
}
