package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.simulator.format.GoValue.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt printing of template values: {@code %v} (maps sorted by key, structs in braces, nil as
 * {@code <nil>}), text/template's {@code <no value>}, and the spacing rules of Sprint and Sprintln.
 */
final class GoFormat {
  private GoFormat() {}

  /** What an action prints for a value: text/template's printValue. */
  static String print(GoValue v, GoShapes shapes) {
    if (v.isMissing()) {
      return "<no value>";
    }
    StringBuilder out = new StringBuilder();
    value(out, v, shapes, false);
    return out.toString();
  }

  /** Go's {@code %v}; {@code showPointer} renders a top-level pointer to struct as {@code &{}}. */
  static void value(StringBuilder out, GoValue v, GoShapes shapes, boolean showPointer) {
    switch (v.kind()) {
      case MISSING, NIL -> out.append("<nil>");
      case NIL_SLICE -> out.append("[]");
      case NIL_MAP -> out.append("map[]");
      case STRING -> out.append(v.textForm());
      case NUMBER_TEXT -> out.append(v.textForm());
      case INT -> out.append(v.node().bigIntegerValue());
      case FLOAT -> out.append(GoNumbers.format(v.node().doubleValue()));
      case BOOL -> out.append(v.node().booleanValue());
      case SLICE -> {
        out.append('[');
        for (int i = 0; i < v.node().size(); i++) {
          if (i > 0) {
            out.append(' ');
          }
          value(out, shapes.element(v.node().get(i)), shapes, false);
        }
        out.append(']');
      }
      case MAP -> {
        out.append("map[");
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : sortedEntries(v.node())) {
          if (!first) {
            out.append(' ');
          }
          first = false;
          out.append(e.getKey()).append(':');
          value(out, shapes.child(v, e.getKey(), e.getValue()), shapes, false);
        }
        out.append(']');
      }
      case STRUCT -> {
        out.append(showPointer && v.pointer() ? "&{" : "{");
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : v.node().properties()) {
          if (!first) {
            out.append(' ');
          }
          first = false;
          value(out, shapes.child(v, e.getKey(), e.getValue()), shapes, false);
        }
        out.append('}');
      }
    }
  }

  static List<Map.Entry<String, JsonNode>> sortedEntries(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
    entries.sort(Map.Entry.comparingByKey());
    return entries;
  }

  private static boolean isStringKind(GoValue v) {
    return v.kind() == Kind.STRING || v.kind() == Kind.NUMBER_TEXT;
  }

  /** fmt.Sprint: a space between operands when neither side is a string. */
  static String sprint(List<GoValue> args, GoShapes shapes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0 && !isStringKind(args.get(i)) && !isStringKind(args.get(i - 1))) {
        out.append(' ');
      }
      value(out, args.get(i), shapes, true);
    }
    return out.toString();
  }

  /** fmt.Sprintln: spaces between all operands and a final newline. */
  static String sprintln(List<GoValue> args, GoShapes shapes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      value(out, args.get(i), shapes, true);
    }
    return out.append('\n').toString();
  }

  static String typeName(GoValue v) {
    return switch (v.kind()) {
      case NUMBER_TEXT -> "json.Number";
      case STRING -> v.type().equals(GoValue.TIME) ? GoValue.TIME : "string";
      case INT -> "int";
      case FLOAT -> "float64";
      case BOOL -> "bool";
      case SLICE, NIL_SLICE -> v.type().startsWith("[]") ? v.type() : "[]interface {}";
      case MAP, NIL_MAP -> v.type().startsWith("nat.") ? v.type() : "map[string]interface {}";
      default -> v.type();
    };
  }
}
