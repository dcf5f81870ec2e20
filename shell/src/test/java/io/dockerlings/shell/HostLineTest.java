package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostLineTest {
  @Test
  void split_quotesAndBackslashes_likeAPosixShell() throws Exception {
    assertEquals(
        List.of("docker", "run", "busybox", "sh", "-c", "echo \"hi\" $HOME", "a b"),
        HostLine.split("docker run busybox sh -c 'echo \"hi\" $HOME' a\\ b", s -> ""));
    assertEquals(List.of("x\"y"), HostLine.split("\"x\\\"y\"", s -> ""));
  }

  @Test
  void substitution_runsTheInnerCommand_andSplitsItsOutput() throws Exception {
    assertEquals(
        List.of("docker", "rm", "-f", "a1", "b2"),
        HostLine.split(
            "docker rm -f $(docker ps -aq)", s -> s.equals("docker ps -aq") ? "a1\nb2\n" : "?"));
    assertEquals(List.of("x a1 b2"), HostLine.split("\"x `inner`\"", s -> "a1 b2\n"));
  }

  @Test
  void malformedLines_areRejectedWithAReason() {
    assertEquals(
        "unterminated quoted string",
        assertThrows(HostLine.ParseException.class, () -> HostLine.split("echo 'x", s -> ""))
            .getMessage());
    assertEquals(
        "unterminated $( substitution",
        assertThrows(HostLine.ParseException.class, () -> HostLine.split("a $(b", s -> ""))
            .getMessage());
    assertThrows(HostLine.ParseException.class, () -> HostLine.split("a \u0007", s -> ""));
  }

  @Test
  void emptySubstitution_addsNoWord_butQuotedOneIsAnEmptyWord() throws Exception {
    assertEquals(List.of("docker", "rm"), HostLine.split("docker rm $(docker ps -q)", s -> "\n"));
    assertEquals(List.of("echo", ""), HostLine.split("echo \"$(x)\"", s -> ""));
  }

  @Test
  void substitution_joinsTheTextAroundIt() throws Exception {
    assertEquals(List.of("pre-a", "b-post"), HostLine.split("pre-$(x)-post", s -> "a b"));
  }

  @Test
  void nestedParentheses_belongToTheSubstitution() throws Exception {
    assertEquals(List.of("<x (y)>"), HostLine.split("\"$(x (y))\"", s -> "<" + s + ">"));
  }

  @Test
  void trailingBackslash_andOpenBackquote_areErrors() {
    assertEquals(
        "a backslash ends the line",
        assertThrows(HostLine.ParseException.class, () -> HostLine.split("a \\", s -> ""))
            .getMessage());
    assertEquals(
        "unterminated ` substitution",
        assertThrows(HostLine.ParseException.class, () -> HostLine.split("a `b", s -> ""))
            .getMessage());
  }

  @Test
  void shellOperators_countOnlyOutsideQuotesAndEscapes() {
    assertTrue(HostLine.hasShellOperators("docker info | grep Root"));
    assertTrue(HostLine.hasShellOperators("docker export c > c.tar"));
    assertTrue(HostLine.hasShellOperators("docker stop a; docker rm a"));
    assertTrue(HostLine.hasShellOperators("docker run -d busybox sleep 9 && docker ps"));
    assertFalse(HostLine.hasShellOperators("docker ps --format '{{.Names}}|{{.Status}}'"));
    assertFalse(HostLine.hasShellOperators("docker run busybox sh -c \"echo a > /b\""));
    assertFalse(HostLine.hasShellOperators("docker run busybox echo a\\|b"));
    assertFalse(HostLine.hasShellOperators("docker rm -f $(docker ps -aq)"));
  }

  @Test
  void split_withVariables_expandsThemOutsideSingleQuotes() throws Exception {
    java.util.function.Function<String, String> vars =
        n ->
            switch (n) {
              case "CID" -> "abc";
              case "TWO" -> "a b";
              case "?" -> "1";
              default -> "";
            };
    assertEquals(
        List.of("docker", "stop", "abc", "abc", "x-abc", "1"),
        HostLine.split("docker stop $CID ${CID} \"x-$CID\" $?", s -> "", vars));
    assertEquals(
        List.of("a", "b", "a b", "$TWO"), HostLine.split("$TWO \"$TWO\" '$TWO'", s -> "", vars));
    // An unset variable, unquoted, is no word at all; quoted, an empty one.
    assertEquals(List.of("rm", ""), HostLine.split("rm $NONE \"$NONE\"", s -> "", vars));
    assertEquals(List.of("$1", "$", "\\$CID"), HostLine.split("$1 $ '\\$CID'", s -> "", vars));
  }

  @Test
  void split_withoutVariables_leavesThemAsTyped() throws Exception {
    assertEquals(List.of("stop", "$CID"), HostLine.split("stop $CID", s -> ""));
  }
}
