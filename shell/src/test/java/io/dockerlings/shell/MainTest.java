package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String input, String... args) {
    return Main.run(
        args,
        new BufferedReader(new StringReader(input)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownOption_isAUsageError() {
    assertEquals(2, main("", "--bogus"));
    assertEquals("dockerlings: unknown option --bogus (see --help)\n", err());
  }

  @Test
  void unknownBackend_isAUsageError() {
    assertEquals(2, main("", "--batch", "--backend", "docker"));
    assertEquals(
        "dockerlings: there is no backend 'docker'; --backend takes sim, real, compare\n", err());
  }

  @Test
  void optionWithoutItsValue_isAUsageError() {
    assertEquals(2, main("", "--lang"));
    assertEquals("dockerlings: --lang needs a value (see --help)\n", err());
  }

  @Test
  void unknownLanguage_isAUsageError() {
    assertEquals(2, main("", "--lang", "fr"));
    assertEquals("dockerlings: no messages in fr; --lang takes en or zh-CN\n", err());
  }

  @Test
  void jsonWithoutBatch_isAUsageError() {
    assertEquals(2, main("", "--json"));
    assertTrue(err().contains("--json goes with --batch"));
  }

  @Test
  void batch_runsTheScript() {
    assertEquals(0, main("docker run --rm busybox echo ok\n", "--batch", "--backend", "sim"));
    assertEquals("ok\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutATerminal_theReplReadsTheStream() {
    assertEquals(0, main("docker run --rm busybox echo ok\n", "--lang", "en"));
    String s = out.toString(StandardCharsets.UTF_8);
    assertTrue(s.startsWith("Welcome to dockerlings (sim backend)."), s);
    assertTrue(s.contains("dockerlings[sim]$ ok\n"), s);
  }

  @Test
  void help_inTheChosenLanguage_andVersion() {
    assertEquals(0, main("", "--lang", "zh-CN", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("用法：dockerlings"));
    out.reset();
    assertEquals(0, main("", "--version"));
    assertEquals(Main.VERSION + "\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void home_isThePropertyThenTheEnvironmentThenTheUsersDirectory() {
    assertEquals(Path.of("/p"), Main.home(Map.of("DOCKERLINGS_HOME", "/e"), "/p"));
    assertEquals(Path.of("/e"), Main.home(Map.of("DOCKERLINGS_HOME", "/e"), null));
    assertEquals(
        Path.of(System.getProperty("user.home"), ".dockerlings"), Main.home(Map.of(), null));
  }

  @Test
  void grade_isTheGradingCommand_andAMissingDirectoryIsAUsageError() {
    assertEquals(2, main("", "grade"));
    assertTrue(err().contains("usage: dockerlings grade"), err());
    assertEquals(2, main("", "grade", "no-such-exercise", "."));
  }
}
