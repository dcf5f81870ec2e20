package io.dockerlings.simulator.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits template text into Go text/template tokens, with the default {@code {{ }}} delimiters,
 * trim markers and comments; a lexical error becomes a final {@code ERROR} token, reported only
 * when the parser reaches it (as Go's concurrent lexer does).
 */
final class TemplateLexer {
  enum Type {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    FIELD,
    VARIABLE,
    IDENTIFIER,
    STRING,
    RAW_STRING,
    CHAR_CONSTANT,
    NUMBER,
    BOOL,
    DECLARE,
    ASSIGN,
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    CHAR,
    EOF,
    ERROR,
    // keywords
    DOT,
    NIL,
    IF,
    ELSE,
    END,
    RANGE,
    WITH,
    BREAK,
    CONTINUE,
    DEFINE,
    TEMPLATE,
    BLOCK;

    boolean isKeyword() {
      return ordinal() >= DOT.ordinal();
    }
  }

  record Token(Type type, String val, int pos) {
    /** Go's rendering of a token in "unexpected X in Y" messages. */
    @Override
    public String toString() {
      if (type == Type.EOF) {
        return "EOF";
      }
      if (type == Type.ERROR) {
        return val;
      }
      if (type.isKeyword()) {
        return "<" + val + ">";
      }
      if (val.codePointCount(0, val.length()) > 10) {
        return GoQuote.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
      }
      return GoQuote.quote(val);
    }
  }

  private final String in;
  private final List<Token> out = new ArrayList<>();
  private int pos;
  private int start;
  private int parenDepth;

  private TemplateLexer(String in) {
    this.in = in;
  }

  static List<Token> lex(String text) {
    TemplateLexer l = new TemplateLexer(text);
    l.run();
    return l.out;
  }

  private void run() {
    boolean trimNextText = false;
    while (true) {
      int delim = in.indexOf("{{", pos);
      int textEnd = delim < 0 ? in.length() : delim;
      if (trimNextText) {
        while (pos < textEnd && isSpace(in.charAt(pos))) {
          pos++;
        }
      }
      start = pos;
      boolean trimLeft = delim >= 0 && hasLeftTrim(delim + 2);
      int end = textEnd;
      if (trimLeft) {
        while (end > pos && isSpace(in.charAt(end - 1))) {
          end--;
        }
      }
      if (end > pos) {
        out.add(new Token(Type.TEXT, in.substring(pos, end), pos));
      }
      if (delim < 0) {
        out.add(new Token(Type.EOF, "", in.length()));
        return;
      }
      pos = delim + 2 + (trimLeft ? 2 : 0);
      if (in.startsWith("/*", pos)) {
        int close = in.indexOf("*/", pos + 2);
        if (close < 0) {
          error("unclosed comment");
          return;
        }
        pos = close + 2;
        int after = rightDelimAt(pos);
        if (after < 0) {
          error("comment ends before closing delimiter");
          return;
        }
        trimNextText = after > pos + 2;
        pos = after;
        continue;
      }
      out.add(new Token(Type.LEFT_DELIM, "{{", delim));
      int afterAction = insideAction();
      if (afterAction < 0) {
        return;
      }
      trimNextText = afterAction > 0;
    }
  }

  private boolean hasLeftTrim(int at) {
    return at + 1 < in.length() && in.charAt(at) == '-' && isSpace(in.charAt(at + 1));
  }

  /** If a right delimiter (maybe trim-marked) starts at {@code at}, the index after it; else -1. */
  private int rightDelimAt(int at) {
    if (at + 4 <= in.length()
        && isSpace(in.charAt(at))
        && in.charAt(at + 1) == '-'
        && in.startsWith("}}", at + 2)) {
      return at + 4;
    }
    return in.startsWith("}}", at) ? at + 2 : -1;
  }

  /** Lexes one action; returns 1 if it ended with a trim marker, 0 if not, -1 on error. */
  private int insideAction() {
    while (true) {
      int after = rightDelimAt(pos);
      if (after >= 0) {
        if (parenDepth > 0) {
          error("unclosed left paren");
          return -1;
        }
        boolean trimmed = after - pos == 4;
        out.add(new Token(Type.RIGHT_DELIM, "}}", trimmed ? pos + 2 : pos));
        pos = after;
        return trimmed ? 1 : 0;
      }
      if (pos >= in.length()) {
        error("unclosed action");
        return -1;
      }
      start = pos;
      char c = in.charAt(pos);
      if (isSpace(c)) {
        while (pos < in.length() && isSpace(in.charAt(pos))) {
          pos++;
        }
        // The last space before "-}}" belongs to the trim marker.
        if (in.startsWith("-}}", pos)) {
          pos--;
        }
        if (pos > start) {
          emit(Type.SPACE);
        }
        continue;
      }
      pos++;
      switch (c) {
        case '=' -> emit(Type.ASSIGN);
        case ':' -> {
          if (pos >= in.length() || in.charAt(pos) != '=') {
            error("expected :=");
            return -1;
          }
          pos++;
          emit(Type.DECLARE);
        }
        case '|' -> emit(Type.PIPE);
        case '"' -> {
          if (!quoted('"', "unterminated quoted string", true)) {
            return -1;
          }
          emit(Type.STRING);
        }
        case '`' -> {
          if (!quoted('`', "unterminated raw quoted string", false)) {
            return -1;
          }
          emit(Type.RAW_STRING);
        }
        case '\'' -> {
          if (!quoted('\'', "unterminated character constant", true)) {
            return -1;
          }
          emit(Type.CHAR_CONSTANT);
        }
        case '$' -> {
          if (!fieldOrVariable(Type.VARIABLE)) {
            return -1;
          }
        }
        case '(' -> {
          parenDepth++;
          emit(Type.LEFT_PAREN);
        }
        case ')' -> {
          parenDepth--;
          emit(Type.RIGHT_PAREN);
        }
        default -> {
          if (c == '.' && !(pos < in.length() && isDigit(in.charAt(pos)))) {
            if (!fieldOrVariable(Type.FIELD)) {
              return -1;
            }
          } else if (c == '.' || c == '+' || c == '-' || isDigit(c)) {
            if (!number()) {
              return -1;
            }
          } else if (isAlnum(c)) {
            if (!identifier()) {
              return -1;
            }
          } else if (c < 0x7f && c >= 0x20) {
            emit(Type.CHAR);
          } else {
            error(
                "unrecognized character in action: " + GoQuote.unicodeName(in.codePointAt(start)));
            return -1;
          }
        }
      }
    }
  }

  private boolean quoted(char quote, String message, boolean escapes) {
    while (true) {
      if (pos >= in.length() || (escapes && in.charAt(pos) == '\n')) {
        error(message);
        return false;
      }
      char c = in.charAt(pos++);
      if (escapes && c == '\\') {
        if (pos >= in.length() || in.charAt(pos) == '\n') {
          error(message);
          return false;
        }
        pos++;
      } else if (c == quote) {
        return true;
      }
    }
  }

  private boolean fieldOrVariable(Type type) {
    if (atTerminator()) {
      emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
      return true;
    }
    while (pos < in.length() && isAlnum(in.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      error("bad character " + GoQuote.unicodeName(in.codePointAt(pos)));
      return false;
    }
    emit(type);
    return true;
  }

  private boolean identifier() {
    while (pos < in.length() && isAlnum(in.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      error("bad character " + GoQuote.unicodeName(in.codePointAt(pos)));
      return false;
    }
    String word = in.substring(start, pos);
    Type type =
        switch (word) {
          case "true", "false" -> Type.BOOL;
          case "nil" -> Type.NIL;
          case "if" -> Type.IF;
          case "else" -> Type.ELSE;
          case "end" -> Type.END;
          case "range" -> Type.RANGE;
          case "with" -> Type.WITH;
          case "break" -> Type.BREAK;
          case "continue" -> Type.CONTINUE;
          case "define" -> Type.DEFINE;
          case "template" -> Type.TEMPLATE;
          case "block" -> Type.BLOCK;
          default -> Type.IDENTIFIER;
        };
    emit(type);
    return true;
  }

  private boolean number() {
    pos = start;
    if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
      pos++;
    }
    String digits = "0123456789_";
    if (in.startsWith("0x", pos) || in.startsWith("0X", pos)) {
      pos += 2;
      digits = "0123456789abcdefABCDEF_";
    }
    skip(digits);
    if (pos < in.length() && in.charAt(pos) == '.') {
      pos++;
      skip(digits);
    }
    if (pos < in.length() && "eEpP".indexOf(in.charAt(pos)) >= 0 && digits.length() < 12) {
      pos++;
      if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
        pos++;
      }
      skip("0123456789_");
    }
    if (pos < in.length() && isAlnum(in.charAt(pos))) {
      pos++;
      error("bad number syntax: " + GoQuote.quote(in.substring(start, pos)));
      return false;
    }
    emit(Type.NUMBER);
    return true;
  }

  private void skip(String chars) {
    while (pos < in.length() && chars.indexOf(in.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean atTerminator() {
    if (pos >= in.length()) {
      return true;
    }
    char c = in.charAt(pos);
    return isSpace(c) || ".,|:()".indexOf(c) >= 0 || in.startsWith("}}", pos);
  }

  private void emit(Type type) {
    out.add(new Token(type, in.substring(start, pos), start));
    start = pos;
  }

  private void error(String message) {
    out.add(new Token(Type.ERROR, message, start));
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlnum(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
