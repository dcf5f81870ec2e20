package io.dockerlings.simulator.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoldenFileTest {

  @Test
  void parse_blocks_keepStdoutStderrAndExitCode() {
    GoldenFile file =
        GoldenFile.parse(
            "a.golden",
            """
            # a comment
            $ docker run --name dl-x busybox echo hello
            hello
            ? 0

            $ docker rm nosuch
            2> Error: No such container: nosuch
            ? 1
            """);
    assertEquals(2, file.blocks().size());
    GoldenFile.Block first = file.blocks().get(0);
    assertEquals(2, first.line());
    assertEquals(
        List.of("docker", "run", "--name", "dl-x", "busybox", "echo", "hello"), first.argv());
    assertEquals(List.of("hello"), first.stdout());
    assertEquals(List.of(), first.stderr());
    assertEquals(0, first.exitCode());
    GoldenFile.Block second = file.blocks().get(1);
    assertEquals(6, second.line());
    assertEquals(List.of("Error: No such container: nosuch"), second.stderr());
    assertEquals(1, second.exitCode());
    assertEquals(Optional.empty(), file.pendingReason());
    assertFalse(file.normalizeNames());
  }

  @Test
  void parse_insideBlock_blankLinesCommentsAndDollarsAreOutput() {
    GoldenFile file =
        GoldenFile.parse(
            "a.golden", "$ docker logs x\n\n# not a comment\n$ not a command\n2>\n2> \n? 3\n");
    GoldenFile.Block block = file.blocks().get(0);
    assertEquals(List.of("", "# not a comment", "$ not a command"), block.stdout());
    assertEquals(List.of("", ""), block.stderr());
    assertEquals(3, block.exitCode());
  }

  @Test
  void parse_commandWords_followShellQuoting() {
    GoldenFile file =
        GoldenFile.parse("a.golden", "$ docker inspect -f '{{json .Config.Env}}' \"a b\"\n? 0\n");
    assertEquals(
        List.of("docker", "inspect", "-f", "{{json .Config.Env}}", "a b"),
        file.blocks().get(0).argv());
    assertEquals(
        "docker inspect -f '{{json .Config.Env}}' \"a b\"", file.blocks().get(0).commandLine());
  }

  @Test
  void parse_directives_areRead() {
    GoldenFile file =
        GoldenFile.parse(
            "a.golden",
            "#! pending restart policies are not simulated yet\n#! normalize names\n"
                + "#! keep sizes\n#! replace ^\\d+$ => <N>\n$ docker ps\n? 0\n");
    assertEquals(Optional.of("restart policies are not simulated yet"), file.pendingReason());
    assertTrue(file.normalizeNames());
    assertTrue(file.keepSizes());
    assertEquals(1, file.rules().size());
    assertEquals("<N>", file.rules().get(0).apply("123"));
  }

  @Test
  void parse_pendingWithoutReason_isRejected() {
    GoldenFormatException e =
        assertThrows(
            GoldenFormatException.class, () -> GoldenFile.parse("p.golden", "#! pending\n"));
    assertEquals("p.golden:1: #! pending needs a reason", e.getMessage());
  }

  @Test
  void parse_unknownDirective_isRejectedWithLine() {
    GoldenFormatException e =
        assertThrows(
            GoldenFormatException.class,
            () -> GoldenFile.parse("p.golden", "# c\n#! normalise everything\n"));
    assertTrue(e.getMessage().startsWith("p.golden:2: unknown directive"), e.getMessage());
  }

  @Test
  void parse_badReplaceDirectives_areRejected() {
    assertThrows(
        GoldenFormatException.class, () -> GoldenFile.parse("p.golden", "#! replace abc\n"));
    GoldenFormatException e =
        assertThrows(
            GoldenFormatException.class,
            () -> GoldenFile.parse("p.golden", "#! replace ([a- => x\n"));
    assertTrue(e.getMessage().contains("bad regex"), e.getMessage());
  }

  @Test
  void parse_blockWithoutExitCode_isRejected() {
    GoldenFormatException e =
        assertThrows(
            GoldenFormatException.class,
            () -> GoldenFile.parse("p.golden", "$ docker ps\n? 0\n$ docker ps -a\nhello\n"));
    assertEquals("p.golden:3: block has no '? N' exit code line", e.getMessage());
  }

  @Test
  void parse_textOutsideBlock_isRejected() {
    GoldenFormatException e =
        assertThrows(
            GoldenFormatException.class,
            () -> GoldenFile.parse("p.golden", "$ docker ps\n? 0\nstray output\n"));
    assertTrue(e.getMessage().startsWith("p.golden:3: expected '$ '"), e.getMessage());
  }

  @Test
  void parse_nonDockerCommand_isRejected() {
    assertThrows(GoldenFormatException.class, () -> GoldenFile.parse("p.golden", "$ ls /\n? 0\n"));
    assertThrows(GoldenFormatException.class, () -> GoldenFile.parse("p.golden", "$ \n? 0\n"));
  }

  @Test
  void parse_unbalancedQuote_isRejectedWithLine() {
    GoldenFormatException e =
        assertThrows(
            GoldenFormatException.class,
            () -> GoldenFile.parse("p.golden", "\n$ docker run busybox echo 'oops\n? 0\n"));
    assertTrue(e.getMessage().startsWith("p.golden:2: unexpected end of line"), e.getMessage());
  }

  @Test
  void parse_negativeExitCodeAndCrLf_areAccepted() {
    GoldenFile file = GoldenFile.parse("a.golden", "$ docker ps\r\nx\r\n? -1\r\n");
    assertEquals(-1, file.blocks().get(0).exitCode());
    assertEquals(List.of("x"), file.blocks().get(0).stdout());
  }

  @Test
  void parse_exitLineWithTrailingText_isOutput() {
    GoldenFile file = GoldenFile.parse("a.golden", "$ docker ps\n? 0 more\n? 0\n");
    assertEquals(List.of("? 0 more"), file.blocks().get(0).stdout());
  }

  @Test
  void parse_unordered_appliesToTheNextBlockOnly() {
    GoldenFile file =
        GoldenFile.parse(
            "a.golden", "#! unordered\n$ docker diff x\nC /b\nC /a\n? 0\n$ docker diff x\n? 0\n");
    assertTrue(file.blocks().get(0).unordered());
    assertFalse(file.blocks().get(1).unordered());
  }

  @Test
  void parse_unorderedAtTheEnd_isRejected() {
    assertThrows(
        GoldenFormatException.class,
        () -> GoldenFile.parse("a.golden", "$ docker ps\n? 0\n#! unordered\n"));
  }
}
