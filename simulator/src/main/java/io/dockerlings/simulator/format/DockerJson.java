package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Prints Jackson trees byte for byte as the docker CLI prints JSON: {@code docker inspect}'s
 * indented array and the compact text of the template function {@code json}.
 *
 * <p>Guarantees Go's encoding/json conventions (Go 1.19): object keys in the tree's order, 4-space
 * indentation, {@code {}} and {@code []} for empty containers, {@code \n \r \t} as short escapes
 * and other control characters as six-character unicode escapes, U+2028 and U+2029 always escaped,
 * lone surrogates as U+FFFD, and floating-point numbers formatted like Go's float64 encoder. HTML
 * characters ({@code < > &}) are escaped only on request: the engine's API and the {@code json}
 * template function leave them raw, while inspect commands that marshal on the client side (e.g.
 * {@code docker volume inspect}) escape them.
 */
public final class DockerJson {
  private static final String HEX = "0123456789abcdef";

  private DockerJson() {}

  /**
   * The output of {@code docker inspect} (no format) for these objects: an indented JSON array and
   * a newline, {@code []} when there is none. HTML characters stay raw, as the engine sends them.
   */
  public static String inspect(List<? extends JsonNode> items) {
    return inspect(items, false);
  }

  /** Like {@link #inspect(List)}, escaping {@code < > &} when {@code escapeHtml} is set. */
  public static String inspect(List<? extends JsonNode> items, boolean escapeHtml) {
    if (items.isEmpty()) {
      return "[]\n";
    }
    StringBuilder out = new StringBuilder(4096);
    out.append('[');
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "\n    " : ",\n    ");
      write(out, items.get(i), escapeHtml, "    ");
    }
    return out.append("\n]\n").toString();
  }

  /** One value indented with 4 spaces per level, without a trailing newline. */
  public static String indent(JsonNode node, boolean escapeHtml) {
    StringBuilder out = new StringBuilder(1024);
    write(out, node, escapeHtml, "");
    return out.toString();
  }

  /** The compact text of {@code {{json .}}}: no spaces, HTML characters raw. */
  public static String compact(JsonNode node) {
    return compact(node, false);
  }

  /** The compact text of a value, escaping {@code < > &} when {@code escapeHtml} is set. */
  public static String compact(JsonNode node, boolean escapeHtml) {
    StringBuilder out = new StringBuilder(256);
    write(out, node, escapeHtml, null);
    return out.toString();
  }

  /** Writes a value; a null {@code indent} means compact output. */
  private static void write(StringBuilder out, JsonNode node, boolean html, String indent) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      String inner = indent == null ? null : indent + "    ";
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, inner);
        string(out, e.getKey(), html);
        out.append(indent == null ? ":" : ": ");
        write(out, e.getValue(), html, inner);
      }
      newline(out, indent);
      out.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      String inner = indent == null ? null : indent + "    ";
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        newline(out, inner);
        write(out, node.get(i), html, inner);
      }
      newline(out, indent);
      out.append(']');
    } else if (node.isTextual()) {
      string(out, node.textValue(), html);
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isFloatingPointNumber()) {
      out.append(
          node.isBigDecimal() ? node.decimalValue().toString() : goFloat(node.doubleValue()));
    } else if (node.isNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isBinary()) {
      string(out, java.util.Base64.getEncoder().encodeToString(binary(node)), html);
    } else {
      string(out, node.asText(), html);
    }
  }

  private static byte[] binary(JsonNode node) {
    try {
      return node.binaryValue();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("binary node without bytes", e);
    }
  }

  private static void newline(StringBuilder out, String indent) {
    if (indent != null) {
      out.append('\n').append(indent);
    }
  }

  /** Writes a JSON string literal with Go's escaping rules. */
  static void string(StringBuilder out, String s, boolean html) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\u2028', '\u2029' -> unicode(out, c);
        case '<', '>', '&' -> {
          if (html) {
            unicode(out, c);
          } else {
            out.append(c);
          }
        }
        default -> {
          if (c < 0x20) {
            unicode(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // Go sees invalid UTF-8 here and writes the replacement character.
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX.charAt(c >> 12 & 0xf))
        .append(HEX.charAt(c >> 8 & 0xf))
        .append(HEX.charAt(c >> 4 & 0xf))
        .append(HEX.charAt(c & 0xf));
  }

  /** Go's encoding of a float64: plain decimal unless tiny or huge, shortest round-trip digits. */
  static String goFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("json: unsupported value: " + d);
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    double abs = Math.abs(d);
    BigDecimal exact = new BigDecimal(GoNumbers.shortest(d));
    if (abs < 1e-6 || abs >= 1e21) {
      return GoNumbers.exponent(exact, true);
    }
    return exact.stripTrailingZeros().toPlainString();
  }
}
