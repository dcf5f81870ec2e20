package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.format.GoValue.Kind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * fmt.Sprintf over template values for the verbs docker users write (v s d q t x X o O b c U e E f
 * F g G T), with flags, width and precision, and Go's {@code %!verb(type=value)}, {@code
 * %!v(MISSING)} and {@code %!(EXTRA ...)} diagnostics.
 */
final class GoPrintf {
  private GoPrintf() {}

  /** One parsed verb: flags, width and precision (-1 when absent). */
  private record Spec(
      char verb,
      boolean minus,
      boolean plus,
      boolean sharp,
      boolean space,
      boolean zero,
      int width,
      int prec) {}

  /** fmt.Sprintf for the verbs docker users write. */
  static String sprintf(String format, List<GoValue> args, GoShapes shapes) {
    StringBuilder out = new StringBuilder();
    int arg = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      boolean minus = false;
      boolean plus = false;
      boolean sharp = false;
      boolean space = false;
      boolean zero = false;
      for (; i < format.length(); i++) {
        char f = format.charAt(i);
        if (f == '-') {
          minus = true;
        } else if (f == '+') {
          plus = true;
        } else if (f == '#') {
          sharp = true;
        } else if (f == ' ') {
          space = true;
        } else if (f == '0') {
          zero = true;
        } else {
          break;
        }
      }
      int width = -1;
      int start = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      if (i > start) {
        width = Integer.parseInt(format.substring(start, i));
      }
      int prec = -1;
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        start = i;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          i++;
        }
        prec = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (arg >= args.size()) {
        out.append("%!").appendCodePoint(verb).append("(MISSING)");
        continue;
      }
      if (verb == 'T') {
        GoValue v = args.get(arg++);
        pad(
            out,
            v.isMissing() || v.kind() == Kind.NIL ? "<nil>" : GoFormat.typeName(v),
            new Spec('T', minus, plus, sharp, space, false, width, prec));
        continue;
      }
      Spec spec = new Spec((char) verb, minus, plus, sharp, space, zero && !minus, width, prec);
      formatArg(out, args.get(arg++), spec, shapes, true);
    }
    if (arg < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = arg; k < args.size(); k++) {
        if (k > arg) {
          out.append(", ");
        }
        GoValue v = args.get(k);
        if (v.kind() == Kind.NIL || v.isMissing()) {
          out.append("<nil>");
        } else {
          out.append(GoFormat.typeName(v)).append('=');
          GoFormat.value(out, v, shapes, true);
        }
      }
      out.append(')');
    }
    return out.toString();
  }

  private static void formatArg(
      StringBuilder out, GoValue v, Spec s, GoShapes shapes, boolean top) {
    char verb = s.verb();
    switch (v.kind()) {
      case MISSING, NIL -> {
        if (verb == 'v') {
          pad(out, "<nil>", s);
        } else {
          out.append("%!").append(verb).append("(<nil>)");
        }
      }
      case NIL_SLICE -> out.append("[]");
      case NIL_MAP -> out.append("map[]");
      case SLICE -> {
        if (verb == 's'
            || verb == 'x'
            || verb == 'X'
            || verb == 'q'
            || verb == 'v'
            || verb == 'd'
            || verb == 't'
            || verb == 'f'
            || verb == 'g'
            || verb == 'e'
            || verb == 'c') {
          out.append('[');
          for (int i = 0; i < v.node().size(); i++) {
            if (i > 0) {
              out.append(' ');
            }
            formatArg(out, shapes.element(v.node().get(i)), s, shapes, false);
          }
          out.append(']');
        } else {
          badVerb(out, v, verb, shapes);
        }
      }
      case MAP -> {
        out.append("map[");
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : GoFormat.sortedEntries(v.node())) {
          if (!first) {
            out.append(' ');
          }
          first = false;
          formatArg(out, GoValue.string(e.getKey()), s, shapes, false);
          out.append(':');
          formatArg(out, shapes.child(v, e.getKey(), e.getValue()), s, shapes, false);
        }
        out.append(']');
      }
      case STRUCT -> {
        out.append(top && v.pointer() ? "&{" : "{");
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : v.node().properties()) {
          if (!first) {
            out.append(' ');
          }
          first = false;
          formatArg(out, shapes.child(v, e.getKey(), e.getValue()), s, shapes, false);
        }
        out.append('}');
      }
      case STRING, NUMBER_TEXT -> formatString(out, v, s, shapes);
      case BOOL -> {
        if (verb == 't' || verb == 'v') {
          pad(out, Boolean.toString(v.node().booleanValue()), s);
        } else {
          badVerb(out, v, verb, shapes);
        }
      }
      case INT -> formatInt(out, v, s, shapes);
      case FLOAT -> formatFloat(out, v, s, shapes);
    }
  }

  private static void badVerb(StringBuilder out, GoValue v, char verb, GoShapes shapes) {
    out.append("%!").append(verb).append('(').append(GoFormat.typeName(v)).append('=');
    GoFormat.value(out, v, shapes, true);
    out.append(')');
  }

  private static void formatString(StringBuilder out, GoValue v, Spec s, GoShapes shapes) {
    String text = v.textForm();
    switch (s.verb()) {
      case 's', 'v' -> {
        if (s.prec() >= 0 && text.codePointCount(0, text.length()) > s.prec()) {
          text = text.substring(0, text.offsetByCodePoints(0, s.prec()));
        }
        pad(out, text, s);
      }
      case 'q' -> {
        if (s.sharp() && text.indexOf('`') < 0 && text.chars().noneMatch(ch -> ch < 0x20)) {
          pad(out, "`" + text + "`", s);
        } else {
          pad(out, GoQuote.quote(text, '"', s.plus()), s);
        }
      }
      case 'x', 'X' -> {
        StringBuilder hex = new StringBuilder();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
          if (s.space() && i > 0) {
            hex.append(' ');
          }
          if (s.sharp() && (s.space() || i == 0)) {
            hex.append(s.verb() == 'x' ? "0x" : "0X");
          }
          String h = String.format(Locale.ROOT, "%02x", bytes[i] & 0xff);
          hex.append(s.verb() == 'X' ? h.toUpperCase(Locale.ROOT) : h);
        }
        pad(out, hex.toString(), s);
      }
      default -> badVerb(out, v, s.verb(), shapes);
    }
  }

  private static void formatInt(StringBuilder out, GoValue v, Spec s, GoShapes shapes) {
    long n = v.node().longValue();
    String digits;
    switch (s.verb()) {
      case 'd', 'v' -> digits = Long.toString(Math.abs(n));
      case 'b' -> digits = Long.toBinaryString(Math.abs(n));
      case 'o', 'O' -> digits = (s.verb() == 'O' ? "0o" : "") + Long.toOctalString(Math.abs(n));
      case 'x' -> digits = (s.sharp() ? "0x" : "") + Long.toHexString(Math.abs(n));
      case 'X' ->
          digits = (s.sharp() ? "0X" : "") + Long.toHexString(Math.abs(n)).toUpperCase(Locale.ROOT);
      case 'c' -> {
        pad(out, new String(Character.toChars((int) n)), s);
        return;
      }
      case 'q' -> {
        pad(out, GoQuote.quote(new String(Character.toChars((int) n)), '\'', s.plus()), s);
        return;
      }
      case 'U' -> {
        String u = String.format(Locale.ROOT, "U+%04X", n);
        pad(out, s.sharp() ? u + " '" + new String(Character.toChars((int) n)) + "'" : u, s);
        return;
      }
      default -> {
        badVerb(out, v, s.verb(), shapes);
        return;
      }
    }
    if (s.prec() >= 0) {
      StringBuilder p = new StringBuilder(digits);
      while (p.length() < s.prec()) {
        p.insert(0, '0');
      }
      digits = (s.prec() == 0 && n == 0) ? "" : p.toString();
    }
    String sign = n < 0 ? "-" : s.plus() ? "+" : s.space() ? " " : "";
    padNumber(out, sign, digits, s, s.prec() < 0);
  }

  private static void formatFloat(StringBuilder out, GoValue v, Spec s, GoShapes shapes) {
    double d = v.node().doubleValue();
    String body;
    int prec = s.prec();
    switch (s.verb()) {
      case 'v', 'g', 'G' -> {
        body = prec < 0 ? GoNumbers.format(Math.abs(d)) : gFormat(Math.abs(d), prec);
        if (s.verb() == 'G') {
          body = body.toUpperCase(Locale.ROOT);
        }
      }
      case 'e', 'E' -> {
        body = String.format(Locale.ROOT, "%." + (prec < 0 ? 6 : prec) + "e", Math.abs(d));
        if (s.verb() == 'E') {
          body = body.toUpperCase(Locale.ROOT);
        }
      }
      case 'f', 'F' ->
          body =
              new BigDecimal(Math.abs(d))
                  .setScale(prec < 0 ? 6 : prec, RoundingMode.HALF_EVEN)
                  .toPlainString();
      default -> {
        badVerb(out, v, s.verb(), shapes);
        return;
      }
    }
    boolean negative = d < 0 || (d == 0 && 1 / d < 0);
    String sign = negative ? "-" : s.plus() ? "+" : s.space() ? " " : "";
    padNumber(out, sign, body, s, true);
  }

  private static String gFormat(double abs, int prec) {
    if (abs == 0) {
      return "0";
    }
    int p = prec == 0 ? 1 : prec;
    BigDecimal r = new BigDecimal(abs).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int exp = r.precision() - 1 - r.scale();
    if (exp < -4 || exp >= p) {
      return GoNumbers.exponent(r, false);
    }
    return r.stripTrailingZeros().toPlainString();
  }

  private static void padNumber(
      StringBuilder out, String sign, String digits, Spec s, boolean zeroAllowed) {
    int len = sign.length() + digits.codePointCount(0, digits.length());
    if (s.zero() && zeroAllowed && s.width() > len) {
      out.append(sign);
      out.append("0".repeat(s.width() - len));
      out.append(digits);
      return;
    }
    pad(out, sign + digits, s);
  }

  private static void pad(StringBuilder out, String text, Spec s) {
    int fill = s.width() - text.codePointCount(0, text.length());
    if (fill <= 0) {
      out.append(text);
    } else if (s.minus()) {
      out.append(text).append(" ".repeat(fill));
    } else {
      out.append((s.zero() ? "0" : " ").repeat(fill)).append(text);
    }
  }
}
