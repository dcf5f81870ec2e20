package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamConsoleTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private StreamConsole console(String input, boolean echo) {
    return new StreamConsole(
        new BufferedReader(new StringReader(input)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        echo);
  }

  @Test
  void readLine_givesLines_thenEndOfInput_andEchoesPrompts() {
    StreamConsole c = console("docker ps\n", true);
    assertEquals(new Console.Line("docker ps"), c.readLine("$ "));
    assertInstanceOf(Console.EndOfInput.class, c.readLine("$ "));
    assertEquals("$ $ ", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void detachKeysOnALine_detach() {
    assertInstanceOf(Console.Detach.class, console("\u0010\u0011\n", false).readContainerLine(""));
  }

  @Test
  void history_keepsReplLinesOnly() {
    StreamConsole c = console("docker ps\n\nls\necho in container\n", false);
    c.readLine("");
    c.readLine("");
    c.readLine("");
    c.readContainerLine("");
    assertEquals(List.of("docker ps", "ls"), c.history());
  }

  @Test
  void errorText_goesToTheErrorStream_uncoloured() {
    StreamConsole c = console("", false);
    c.out("o\n");
    c.err("e\n");
    assertEquals("o\n", out.toString(StandardCharsets.UTF_8));
    assertEquals("e\n", err.toString(StandardCharsets.UTF_8));
  }
}
