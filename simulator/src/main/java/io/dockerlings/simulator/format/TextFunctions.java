package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.format.GoValue.Kind;
import io.dockerlings.simulator.format.TemplateFunctions.FnError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text functions of docker templates (json, split, join, title, lower, upper, pad, truncate)
 * and Go's html, js and urlquery escapers, each with the Go function's exact behaviour.
 */
final class TextFunctions {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TextFunctions() {}

  static String json(TemplateExec x, GoValue v) {
    boolean escape = x.escapesRootJson(v);
    return DockerJson.compact(jsonTree(x, v, escape), escape);
  }

  /** The tree Go's encoder would write: Go maps (and the formatter contexts) with sorted keys. */
  private static JsonNode jsonTree(TemplateExec x, GoValue v, boolean sortAll) {
    switch (v.kind()) {
      case MISSING, NIL, NIL_SLICE, NIL_MAP -> {
        return F.nullNode();
      }
      case NUMBER_TEXT, STRING, INT, FLOAT, BOOL -> {
        return v.node();
      }
      case SLICE -> {
        ArrayNode out = F.arrayNode();
        for (JsonNode e : v.node()) {
          out.add(jsonTree(x, x.shapes().element(e), false));
        }
        return out;
      }
      default -> {
        ObjectNode out = F.objectNode();
        boolean sort = sortAll || v.kind() == Kind.MAP;
        JsonNode source = x.shapes().original(v.node());
        Iterable<Map.Entry<String, JsonNode>> entries =
            sort ? GoFormat.sortedEntries(source) : new ArrayList<>(source.properties());
        for (Map.Entry<String, JsonNode> e : entries) {
          JsonNode raw = e.getValue();
          out.set(
              e.getKey(),
              raw.isContainerNode()
                  ? jsonTree(x, x.shapes().child(v, e.getKey(), raw), false)
                  : raw);
        }
        return out;
      }
    }
  }

  static GoValue split(List<GoValue> args) {
    String s = args.get(0).text();
    String sep = args.get(1).text();
    ArrayNode out = F.arrayNode();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
    } else {
      int from = 0;
      int at;
      while ((at = s.indexOf(sep, from)) >= 0) {
        out.add(s.substring(from, at));
        from = at + sep.length();
      }
      out.add(s.substring(from));
    }
    return new GoValue(out, Kind.SLICE, "[]string", false, "");
  }

  static GoValue join(List<GoValue> args) {
    List<String> parts = new ArrayList<>();
    if (args.get(0).node().isArray()) {
      args.get(0).node().forEach(e -> parts.add(e.asText()));
    }
    return GoValue.string(String.join(args.get(1).text(), parts));
  }

  /** Maps each code point on its own, as Go's strings.ToUpper/ToLower do (ß stays ß). */
  static String mapRunes(String s, java.util.function.IntUnaryOperator f) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(f.applyAsInt(cp)));
    return out.toString();
  }

  static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      out.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
    }
    return out.toString();
  }

  private static boolean isSeparator(int cp) {
    if (cp <= 0x7f) {
      return !(Character.isLetterOrDigit(cp) || cp == '_');
    }
    if (Character.isLetterOrDigit(cp)) {
      return false;
    }
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  static GoValue pad(List<GoValue> args) {
    String s = args.get(0).text();
    if (s.isEmpty()) {
      return args.get(0);
    }
    long prefix = args.get(1).node().longValue();
    long suffix = args.get(2).node().longValue();
    if (prefix < 0 || suffix < 0) {
      throw new FnError("strings: negative Repeat count");
    }
    return GoValue.string(" ".repeat((int) prefix) + s + " ".repeat((int) suffix));
  }

  static GoValue truncate(List<GoValue> args) {
    String s = args.get(0).text();
    long n = args.get(1).node().longValue();
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length < n) {
      return args.get(0);
    }
    if (n < 0) {
      throw new FnError("slice bounds out of range [:" + n + "]");
    }
    return GoValue.string(new String(b, 0, (int) n, StandardCharsets.UTF_8));
  }

  static String html(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("&#34;");
        case '\'' -> out.append("&#39;");
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\0' -> out.append('\uFFFD');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String js(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '<' -> out.append("\\u003C");
        case '>' -> out.append("\\u003E");
        case '&' -> out.append("\\u0026");
        case '=' -> out.append("\\u003D");
        default -> {
          if (cp < ' ' || (cp >= 0x80 && Character.isISOControl(cp))) {
            out.append(String.format(Locale.ROOT, "\\u%04X", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.toString();
  }

  static String urlquery(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }
}
