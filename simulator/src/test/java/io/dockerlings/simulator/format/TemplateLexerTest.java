package io.dockerlings.simulator.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.format.TemplateLexer.Token;
import io.dockerlings.simulator.format.TemplateLexer.Type;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplateLexerTest {
  private static String types(String text) {
    return TemplateLexer.lex(text).stream()
        .map(t -> t.type() + (t.type() == Type.SPACE ? "" : "(" + t.val() + ")"))
        .collect(Collectors.joining(" "));
  }

  @Test
  void lex_chainedFields_areSeparateTokens() {
    assertEquals(
        "LEFT_DELIM({{) FIELD(.State) FIELD(.Nope) RIGHT_DELIM(}}) EOF()",
        types("{{.State.Nope}}"));
  }

  @Test
  void lex_trimMarkers_trimSurroundingText() {
    assertEquals(
        "TEXT(a) LEFT_DELIM({{) FIELD(.X) RIGHT_DELIM(}}) TEXT(b) EOF()",
        types("a \n{{- .X -}}\t b"));
  }

  @Test
  void lex_dashWithoutSpace_isANegativeNumber() {
    assertEquals("LEFT_DELIM({{) NUMBER(-3) RIGHT_DELIM(}}) EOF()", types("{{-3}}"));
  }

  @Test
  void lex_comment_emitsNothingAndMayTrim() {
    assertEquals("TEXT(a) TEXT(b) EOF()", types("a  {{- /* c */ -}}  b"));
    assertEquals("TEXT(a ) TEXT( b) EOF()", types("a {{/* c */}} b"));
  }

  @Test
  void lex_declarationAndStrings() {
    assertEquals(
        "LEFT_DELIM({{) VARIABLE($x) SPACE DECLARE(:=) SPACE STRING(\"a\\\"b\") SPACE PIPE(|)"
            + " SPACE RAW_STRING(`r`) SPACE CHAR_CONSTANT('c') RIGHT_DELIM(}}) EOF()",
        types("{{$x := \"a\\\"b\" | `r` 'c'}}"));
  }

  @Test
  void lex_keywordsAndDot() {
    assertEquals(
        "LEFT_DELIM({{) RANGE(range) SPACE DOT(.) RIGHT_DELIM(}}) LEFT_DELIM({{) END(end)"
            + " RIGHT_DELIM(}}) EOF()",
        types("{{range .}}{{end}}"));
  }

  @Test
  void lex_errors_endTheTokenStream() {
    List<Token> tokens = TemplateLexer.lex("{{.Name}}{{");
    assertEquals(Type.ERROR, tokens.get(tokens.size() - 1).type());
    assertEquals("unclosed action", tokens.get(tokens.size() - 1).val());
    assertEquals("unclosed comment", last("{{/* x }}"));
    assertEquals("unterminated quoted string", last("{{\"abc}}"));
    assertEquals("unclosed left paren", last("{{(.Name}}"));
    assertEquals("bad character U+0023 '#'", last("{{.Na#me}}"));
  }

  private static String last(String text) {
    List<Token> tokens = TemplateLexer.lex(text);
    return tokens.get(tokens.size() - 1).val();
  }

  @Test
  void token_toString_quotesLikeGo() {
    assertEquals("\"}\"", new Token(Type.CHAR, "}", 0).toString());
    assertEquals("<.>", new Token(Type.DOT, ".", 0).toString());
    assertEquals("\"abcdefghij\"...", new Token(Type.TEXT, "abcdefghijklm", 0).toString());
    assertEquals("EOF", new Token(Type.EOF, "", 0).toString());
  }
}
