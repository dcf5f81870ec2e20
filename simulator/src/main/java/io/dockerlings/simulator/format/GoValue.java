package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A value during template execution: a JSON node plus the Go kind it stands for, which decides how
 * Go would print, compare and index it ({@code <no value>}, {@code <nil>}, {@code []}, {@code
 * map[]}, structs as {@code {...}}, maps as {@code map[k:v]}).
 *
 * @param type Go's type name for error messages ({@code string}, {@code interface {}}, ...)
 * @param pointer true for a struct reached through a pointer (printf {@code %v} shows {@code &{}})
 * @param field the struct field the value was read from, or ""
 */
record GoValue(JsonNode node, Kind kind, String type, boolean pointer, String field) {
  enum Kind {
    /** Go's invalid value: a missing map key. */
    MISSING,
    NIL,
    NIL_SLICE,
    NIL_MAP,
    STRING,
    INT,
    FLOAT,
    BOOL,
    /** A number decoded as encoding/json's Number (a string kind), in inspect's fallback pass. */
    NUMBER_TEXT,
    SLICE,
    MAP,
    STRUCT
  }

  /** Go type name of time.Time values (JSON text kept; printed with Go's Time.String). */
  static final String TIME = "time.Time";

  static final GoValue MISSING_VALUE =
      new GoValue(MissingNode.getInstance(), Kind.MISSING, "<nil>", false, "");

  static GoValue string(String s) {
    return new GoValue(JsonNodeFactory.instance.textNode(s), Kind.STRING, "string", false, "");
  }

  static GoValue integer(long v) {
    return new GoValue(JsonNodeFactory.instance.numberNode(v), Kind.INT, "int", false, "");
  }

  static GoValue floating(double v) {
    return new GoValue(JsonNodeFactory.instance.numberNode(v), Kind.FLOAT, "float64", false, "");
  }

  static GoValue bool(boolean v) {
    return new GoValue(JsonNodeFactory.instance.booleanNode(v), Kind.BOOL, "bool", false, "");
  }

  static GoValue nil() {
    return new GoValue(JsonNodeFactory.instance.nullNode(), Kind.NIL, "<nil>", false, "");
  }

  boolean isMissing() {
    return kind == Kind.MISSING;
  }

  /** True for Go's nil pointer, slice or map. */
  boolean isNilLike() {
    return kind == Kind.NIL || kind == Kind.NIL_MAP || kind == Kind.NIL_SLICE;
  }

  String text() {
    return node.asText();
  }

  /** Length of a string (in UTF-8 bytes, as Go counts), slice or map. */
  int length() {
    return switch (kind) {
      case STRING, NUMBER_TEXT -> GoQuote.utf8Length(textForm());
      case SLICE, MAP, STRUCT -> node.size();
      default -> 0;
    };
  }

  /** The printed text of a string-kind value (json.Number and time.Time in Go's forms). */
  String textForm() {
    if (kind == Kind.NUMBER_TEXT) {
      return DockerJson.compact(node);
    }
    return type.equals(TIME) ? GoShapes.goTime(node.asText()) : node.asText();
  }
}
