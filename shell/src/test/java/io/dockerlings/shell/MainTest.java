package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String input, String... args) {
    return Main.run(
        args,
        new BufferedReader(new StringReader(input)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void unknownOption_isAUsageError() {
    assertEquals(2, main("", "--bogus"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --bogus"));
  }

  @Test
  void otherBackends_areRefusedClearly() {
    assertEquals(2, main("", "--batch", "--backend", "real"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("backend 'real' is not available"));
  }

  @Test
  void batch_runsTheScript() {
    assertEquals(0, main("docker run --rm busybox echo ok\n", "--batch"));
    assertEquals("ok\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void help_andVersion() {
    assertEquals(0, main("", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: dockerlings"));
    out.reset();
    assertEquals(0, main("", "--version"));
    assertEquals(Main.VERSION + "\n", out.toString(StandardCharsets.UTF_8));
  }
}
