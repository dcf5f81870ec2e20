package io.dockerlings.simulator.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Go's strconv quoting and unquoting of string literals, and rune names as fmt's {@code %#U}. */
public final class GoQuote {
  private GoQuote() {}

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Go's {@code %#U} of a code point: {@code U+0021 '!'}. */
  static String unicodeName(int cp) {
    String hex = String.format(Locale.ROOT, "U+%04X", cp);
    return Character.isISOControl(cp) ? hex : hex + " '" + new String(Character.toChars(cp)) + "'";
  }

  /** strconv.Quote: a double-quoted Go string literal. */
  public static String quote(String s) {
    return quote(s, '"', false);
  }

  static String quote(String s, char q, boolean asciiOnly) {
    StringBuilder out = new StringBuilder(s.length() + 2).append(q);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == q || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp == 7) {
        out.append("\\a");
      } else if (cp == 8) {
        out.append("\\b");
      } else if (cp == 12) {
        out.append("\\f");
      } else if (cp == 11) {
        out.append("\\v");
      } else if (cp < 0x20 || cp == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02x", cp));
      } else if (Character.isSurrogate((char) cp)) {
        out.append("\\ufffd");
      } else if (cp >= 0x80 && (asciiOnly || !isPrintable(cp))) {
        out.append(
            cp > 0xffff
                ? String.format(Locale.ROOT, "\\U%08x", cp)
                : String.format(Locale.ROOT, "\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.append(q).toString();
  }

  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    return !Character.isISOControl(cp)
        && type != Character.UNASSIGNED
        && type != Character.FORMAT
        && type != Character.PRIVATE_USE
        && type != Character.SURROGATE
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && (type != Character.SPACE_SEPARATOR || cp == ' ');
  }

  /** strconv.Unquote of a lexed string token ("..." with escapes, or `raw`). */
  static String unquote(String token) {
    String body = token.substring(1, token.length() - 1);
    if (token.charAt(0) == '`') {
      return body.replace("\r", "");
    }
    StringBuilder out = new StringBuilder(body.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        flush(out, bytes);
        out.append(c);
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case 'x' -> {
          bytes.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        }
        case 'u' -> {
          out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
          i += 8;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
            i += 2;
            continue;
          }
          out.append(e);
        }
      }
      flush(out, bytes);
    }
    flush(out, bytes);
    return out.toString();
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream bytes) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}
