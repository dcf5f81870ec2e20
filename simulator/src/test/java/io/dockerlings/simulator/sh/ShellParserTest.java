package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShellParserTest {
  private static String error(String script) {
    return assertThrows(ShellSyntaxException.class, () -> ShellParser.parse(script)).getMessage();
  }

  @Test
  void parse_incompleteIf_expectsThen() {
    assertEquals("syntax error: unexpected end of file (expecting \"then\")", error("if"));
  }

  @Test
  void parse_emptyCompoundBody_isUnexpectedKeyword() {
    // busybox: sh -c 'if true; then fi' -> sh: syntax error: unexpected "fi"
    assertEquals("syntax error: unexpected \"fi\"", error("if true; then fi"));
    assertEquals("syntax error: unexpected \"done\"", error("for i in 1; do done"));
    assertEquals("syntax error: unexpected \"do\"", error("while do echo; done"));
    assertEquals("syntax error: unexpected \"}\"", error("{ }"));
  }

  @Test
  void parse_unterminatedQuote_isReported() {
    assertEquals("syntax error: unterminated quoted string", error("echo 'x"));
  }

  @Test
  void parse_strayKeyword_isUnexpected() {
    assertEquals("syntax error: unexpected \"done\"", error("done"));
    assertEquals("syntax error: unexpected \")\"", error("echo )"));
  }

  @Test
  void parse_andOrWithoutRightSide_isEndOfFile() {
    assertEquals("syntax error: unexpected end of file", error("a &&"));
  }

  @Test
  void parse_loopsAndPipelines_buildTheTree() {
    assertInstanceOf(Ast.Loop.class, ShellParser.parse("while true; do echo hi; sleep 1; done"));
    assertInstanceOf(Ast.Pipeline.class, ShellParser.parse("echo a | tr a b"));
    assertInstanceOf(Ast.Seq.class, ShellParser.parse("a; b\nc"));
    assertInstanceOf(Ast.Background.class, ShellParser.parse("sleep 5 &"));
  }

  @Test
  void parse_assignmentPrefix_isNotAWord() {
    Ast.Simple s = (Ast.Simple) ShellParser.parse("X=1 env");
    assertEquals(1, s.assigns().size());
    assertEquals(1, s.words().size());
  }

  @Test
  void parse_hereDocumentWithoutDelimiterWord_isUnexpectedNewline() {
    assertEquals("syntax error: unexpected newline", error("cat <<\nx"));
  }

  @Test
  void parse_hereDocumentBody_isCutOutSoTheLineGoesOn() {
    // The second command on the operator's line and the one after the body both parse.
    assertInstanceOf(Ast.Seq.class, ShellParser.parse("cat <<A; echo b\nbody\nA\necho c"));
  }

  @Test
  void parseTyped_hereDocumentWithoutItsEnd_asksForMoreInput() {
    ShellSyntaxException e =
        assertThrows(ShellSyntaxException.class, () -> ShellParser.parseTyped("cat <<EOF\nx"));
    assertTrue(e.getMessage().contains("end of file"), e.getMessage());
    assertInstanceOf(Ast.Simple.class, ShellParser.parse("cat <<EOF\nx"));
  }

  @Test
  void syntaxError_carriesTheLineAshReports_countingCutBodies() {
    ShellSyntaxException e =
        assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("cat <<E\nx\nE\nfi\n"));
    assertEquals(4, e.line());
    ShellSyntaxException newline =
        assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("cat <<\nx"));
    assertEquals(2, newline.line());
  }

  @Test
  void forWordList_withAnOperator_isASyntaxError_notALoop() {
    // Found by the long fuzz run: the parser looped until the heap ran out. busybox sh on
    // docker 20.10.24: sh: syntax error: unexpected ")", exit 2.
    assertEquals("syntax error: unexpected \")\"", error("for i in ))))} "));
    assertEquals("syntax error: unexpected \")\"", error("for i in)) esac "));
  }

  @Test
  void parse_caseWithoutItsWord_expectsAWord() {
    // busybox 1.35: sh -c 'case' -> sh: syntax error: unexpected end of file (expecting word)
    assertEquals("syntax error: unexpected end of file (expecting word)", error("case"));
    assertEquals("syntax error: unexpected end of file (expecting word)", error("! case"));
    assertEquals("syntax error: unexpected \";\" (expecting word)", error("case ;"));
    assertEquals("syntax error: unexpected newline (expecting word)", error("case\n"));
    assertEquals("syntax error: unexpected end of file (expecting \"in\")", error("case x"));
  }
}
