package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void split_plainWords_separatedByAnyRunOfBlanks() {
    assertEquals(
        List.of("docker", "run", "busybox", "echo", "hi"),
        CommandLine.split("  docker run\t\tbusybox   echo\nhi  "));
  }

  @Test
  void split_emptyOrBlankLine_hasNoWords() {
    assertEquals(List.of(), CommandLine.split(""));
    assertEquals(List.of(), CommandLine.split(" \t \n "));
  }

  @Test
  void split_singleQuotes_keepEverythingLiterally() {
    assertEquals(
        List.of("sh", "-c", "echo \"$HOME\" \\n `x`"),
        CommandLine.split("sh -c 'echo \"$HOME\" \\n `x`'"));
  }

  @Test
  void split_doubleQuotes_escapeOnlyDollarBacktickQuoteAndBackslash() {
    assertEquals(List.of("a$b`c\"d\\e\\nf"), CommandLine.split("\"a\\$b\\`c\\\"d\\\\e\\nf\""));
  }

  @Test
  void split_dollar_isNotExpanded() {
    assertEquals(
        List.of("echo", "$HOME", "$(id)", "${X}"), CommandLine.split("echo $HOME \"$(id)\" ${X}"));
  }

  @Test
  void split_adjacentQuotedParts_joinIntoOneWord() {
    assertEquals(List.of("--format={{.Name}} x"), CommandLine.split("--format='{{.Name}}'\" x\""));
    assertEquals(List.of("it's"), CommandLine.split("'it'\\''s'"));
  }

  @Test
  void split_emptyQuotes_giveAnEmptyWord() {
    assertEquals(List.of("-e", "", "x"), CommandLine.split("-e '' x"));
    assertEquals(List.of(""), CommandLine.split("\"\""));
    assertEquals(List.of("a", ""), CommandLine.split("a ''"));
  }

  @Test
  void split_backslashOutsideQuotes_keepsNextCharacter() {
    assertEquals(List.of("a b", "'", "\"", "\\"), CommandLine.split("a\\ b \\' \\\" \\\\"));
  }

  @Test
  void split_backslashNewline_joinsLines() {
    assertEquals(List.of("docker", "ps"), CommandLine.split("docker \\\nps"));
    assertEquals(List.of("abcd"), CommandLine.split("ab\\\ncd"));
    assertEquals(List.of("abcd"), CommandLine.split("\"ab\\\ncd\""));
  }

  @Test
  void split_hashAtWordStart_startsComment() {
    assertEquals(List.of("docker", "ps"), CommandLine.split("docker ps # list them"));
    assertEquals(List.of("a#b", "#c"), CommandLine.split("a#b '#c'"));
    assertEquals(List.of(), CommandLine.split("# only a comment"));
  }

  @Test
  void split_shellOperators_areOrdinaryCharacters() {
    assertEquals(List.of("ps", "|", "wc;", "&&", ">x"), CommandLine.split("ps | wc; && >x"));
  }

  @Test
  void split_unclosedSingleQuote_isRejectedWithItsPosition() {
    CommandLineException e =
        assertThrows(CommandLineException.class, () -> CommandLine.split("echo 'abc"));
    assertEquals(5, e.position());
    assertTrue(e.getMessage().contains("missing closing '"), e.getMessage());
  }

  @Test
  void split_unclosedDoubleQuote_isRejectedWithItsPosition() {
    CommandLineException e =
        assertThrows(CommandLineException.class, () -> CommandLine.split("echo x \"ab\\\""));
    assertEquals(7, e.position());
    assertTrue(e.getMessage().contains("missing closing \""), e.getMessage());
  }

  @Test
  void split_trailingBackslash_isRejected() {
    CommandLineException e =
        assertThrows(CommandLineException.class, () -> CommandLine.split("echo a\\"));
    assertEquals(6, e.position());
    assertThrows(CommandLineException.class, () -> CommandLine.split("\\"));
  }

  @Test
  void split_controlCharacters_areKeptInsideWords() {
    assertEquals(
        List.of("a\u0000b", "\u001b[31m", "c\rd", "\u007f"),
        CommandLine.split("a\u0000b \u001b[31m c\rd \u007f"));
  }

  @Test
  void split_unicode_isKept() {
    assertEquals(List.of("echo", "你好", "😀x"), CommandLine.split("echo 你好 '😀'x"));
  }

  @Test
  void split_megabyteLine_isSplitWithoutTrouble() {
    String big = "x".repeat(1 << 20);
    assertEquals(List.of("echo", big), CommandLine.split("echo " + big));
    List<String> many = CommandLine.split("a ".repeat(1 << 19));
    assertEquals(1 << 19, many.size());
  }

  @Test
  void split_megabyteOfOpenQuote_isRejected() {
    String line = "'" + "y".repeat(1 << 20);
    assertThrows(CommandLineException.class, () -> CommandLine.split(line));
  }

  @Test
  void split_returnsAnUnmodifiableList() {
    List<String> words = CommandLine.split("a b");
    assertThrows(UnsupportedOperationException.class, () -> words.add("c"));
  }

  @Test
  void quote_plainWord_staysAsItIs() {
    assertEquals("dl-x_1/a.b:c=d", CommandLine.quote("dl-x_1/a.b:c=d"));
  }

  @Test
  void quote_wordsWithSpecialCharacters_areSingleQuoted() {
    assertEquals("'a b'", CommandLine.quote("a b"));
    assertEquals("''", CommandLine.quote(""));
    assertEquals("'it'\\''s'", CommandLine.quote("it's"));
    assertEquals("'$HOME'", CommandLine.quote("$HOME"));
  }

  @Test
  void join_thenSplit_givesTheWordsBack() {
    List<String> words =
        List.of("docker", "inspect", "-f", "{{json .Config.Env}}", "", "it's", "a\\b", "#x", "\n");
    assertEquals(words, CommandLine.split(CommandLine.join(words)));
  }
}
