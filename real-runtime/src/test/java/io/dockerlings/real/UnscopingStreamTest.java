package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnscopingStreamTest {
  private final NameScope scope = NameScope.of("s1");

  /** An input that hands out at most {@code chunk} bytes per read, as a socket may. */
  private static InputStream chunked(String text, int chunk) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private String through(String text, int chunk) throws IOException {
    try (InputStream in = new UnscopingStream(chunked(text, chunk), scope.prefixBytes())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void read_takesThePrefixOut_asToLearnerDoes_atEveryChunkSize() throws IOException {
    String text =
        "{\"Names\":[\"/dl-s1.web\"],\"x\":\"mydl-s1.no\",\"y\":\"dl-s11.other\"}\n"
            + "{\"message\":\"No such container: dl-s1.db\"}dl-s1.";
    String expected = scope.toLearner(text);
    assertEquals(
        "{\"Names\":[\"/web\"],\"x\":\"mydl-s1.no\",\"y\":\"dl-s11.other\"}\n"
            + "{\"message\":\"No such container: db\"}",
        expected);
    for (int chunk = 1; chunk <= text.length(); chunk++) {
      assertEquals(expected, through(text, chunk), "chunk " + chunk);
    }
  }

  @Test
  void read_endingInsideAPossiblePrefix_keepsThoseBytes() throws IOException {
    assertEquals("a dl-s", through("a dl-s", 3));
    assertEquals("dl-s2", through("dl-s2", 1));
  }

  @Test
  void read_randomTexts_agreeWithToLearner() throws IOException {
    Random random = new Random(7);
    String[] pieces = {"dl-s1.", "dl-s", "1.", "/", "\"", "a", " ", "dl-s11.", "x-dl-s1."};
    for (int n = 0; n < 500; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      int chunk = 1 + random.nextInt(6);
      assertEquals(scope.toLearner(text.toString()), through(text.toString(), chunk), text + "");
    }
  }

  @Test
  void read_singleBytes_andEmpty() throws IOException {
    try (InputStream in = new UnscopingStream(chunked("dl-s1.x", 4), scope.prefixBytes())) {
      assertEquals('x', in.read());
      assertEquals(-1, in.read());
    }
    assertEquals("", through("", 1));
  }

  @Test
  void read_severalRewrites_atEveryChunkSize_agreeWithTheWholeText() throws IOException {
    NameScope ports = NameScope.of("s1", new PortScope(() -> 40001));
    ports.ports().enginePort(5000);
    String text =
        "{\"status\":\"The push refers to repository [localhost:40001/dl-s1.app]\"}"
            + "{\"error\":\"Bind for 0.0.0.0:40001 failed\"}0.0.0.0:4000";
    String expected =
        "{\"status\":\"The push refers to repository [localhost:5000/app]\"}"
            + "{\"error\":\"Bind for 0.0.0.0:5000 failed\"}0.0.0.0:4000";
    assertEquals(expected, UnscopingStream.rewrite(text, ports.rewrites()));
    for (int chunk = 1; chunk <= text.length(); chunk++) {
      try (InputStream in = new UnscopingStream(chunked(text, chunk), ports.rewrites())) {
        assertEquals(
            expected, new String(in.readAllBytes(), StandardCharsets.UTF_8), "chunk " + chunk);
      }
    }
  }
}
