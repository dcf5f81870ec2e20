package io.dockerlings.simulator.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dockerlings.simulator.format.GoValue.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The functions a docker template can call: Go's builtins (and, or, not, len, index, slice, eq, ne,
 * lt, le, gt, ge, print, printf, println, html, js, urlquery, call) and docker's own (json, split,
 * join, title, lower, upper, pad, truncate), including the pass-through variants docker uses for
 * table headers.
 */
final class TemplateFunctions {
  private TemplateFunctions() {}

  /** How an argument is converted before the call, like the Go parameter type. */
  enum ArgType {
    ANY("interface {}"),
    VALUE("reflect.Value"),
    STRING("string"),
    INT("int"),
    STRINGS("[]string");

    private final String goName;

    ArgType(String goName) {
      this.goName = goName;
    }

    String goName() {
      return goName;
    }
  }

  /** A function failure, reported by the executor as {@code error calling NAME: MESSAGE}. */
  static final class FnError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FnError(String message) {
      super(message, null, false, false);
    }
  }

  /** A function: fixed parameter types, an optional variadic type, and its body. */
  record Fn(
      List<ArgType> params,
      ArgType variadic,
      BiFunction<TemplateExec, List<GoValue>, GoValue> body) {
    ArgType paramType(int i) {
      return i < params.size() ? params.get(i) : variadic;
    }
  }

  static final Set<String> NAMES =
      Set.of(
          "and",
          "call",
          "or",
          "not",
          "len",
          "index",
          "slice",
          "eq",
          "ne",
          "lt",
          "le",
          "gt",
          "ge",
          "print",
          "printf",
          "println",
          "html",
          "js",
          "urlquery",
          "json",
          "split",
          "join",
          "title",
          "lower",
          "upper",
          "pad",
          "truncate");

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static Fn lookup(String name, boolean header) {
    ArgType a = ArgType.ANY;
    ArgType v = ArgType.VALUE;
    ArgType s = ArgType.STRING;
    ArgType i = ArgType.INT;
    if (header) {
      switch (name) {
        case "json", "title", "lower", "upper" -> {
          return new Fn(List.of(s), null, (x, args) -> args.get(0));
        }
        case "split", "join" -> {
          return new Fn(List.of(s, s), null, (x, args) -> args.get(0));
        }
        case "truncate" -> {
          return new Fn(List.of(s, i), null, (x, args) -> args.get(0));
        }
        default -> {}
      }
    }
    return switch (name) {
      case "and", "or" -> new Fn(List.of(v), v, (x, args) -> args.get(0));
      case "call" -> new Fn(List.of(v), v, TemplateFunctions::call);
      case "not" -> new Fn(List.of(v), null, (x, args) -> GoValue.bool(!truth(args.get(0))));
      case "len" -> new Fn(List.of(v), null, (x, args) -> GoValue.integer(len(args.get(0))));
      case "index" -> new Fn(List.of(v), v, TemplateFunctions::index);
      case "slice" -> new Fn(List.of(v), v, TemplateFunctions::slice);
      case "eq" -> new Fn(List.of(v), v, (x, args) -> GoValue.bool(eq(x, args)));
      case "ne" -> new Fn(List.of(v, v), null, (x, args) -> GoValue.bool(!eq(x, args)));
      case "lt" -> new Fn(List.of(v, v), null, (x, args) -> GoValue.bool(lt(x, args)));
      case "le" ->
          new Fn(List.of(v, v), null, (x, args) -> GoValue.bool(lt(x, args) || eq(x, args)));
      case "gt" ->
          new Fn(List.of(v, v), null, (x, args) -> GoValue.bool(!lt(x, args) && !eq(x, args)));
      case "ge" -> new Fn(List.of(v, v), null, (x, args) -> GoValue.bool(!lt(x, args)));
      case "print" ->
          new Fn(List.of(), a, (x, args) -> GoValue.string(GoFormat.sprint(args, x.shapes())));
      case "println" ->
          new Fn(List.of(), a, (x, args) -> GoValue.string(GoFormat.sprintln(args, x.shapes())));
      case "printf" ->
          new Fn(
              List.of(s),
              a,
              (x, args) ->
                  GoValue.string(
                      GoPrintf.sprintf(
                          args.get(0).text(), args.subList(1, args.size()), x.shapes())));
      case "html" ->
          new Fn(
              List.of(),
              a,
              (x, args) -> GoValue.string(TextFunctions.html(GoFormat.sprint(args, x.shapes()))));
      case "js" ->
          new Fn(
              List.of(),
              a,
              (x, args) -> GoValue.string(TextFunctions.js(GoFormat.sprint(args, x.shapes()))));
      case "urlquery" ->
          new Fn(
              List.of(),
              a,
              (x, args) ->
                  GoValue.string(TextFunctions.urlquery(GoFormat.sprint(args, x.shapes()))));
      case "json" ->
          new Fn(List.of(a), null, (x, args) -> GoValue.string(TextFunctions.json(x, args.get(0))));
      case "split" -> new Fn(List.of(s, s), null, (x, args) -> TextFunctions.split(args));
      case "join" ->
          new Fn(List.of(ArgType.STRINGS, s), null, (x, args) -> TextFunctions.join(args));
      case "title" ->
          new Fn(
              List.of(s),
              null,
              (x, args) -> GoValue.string(TextFunctions.title(args.get(0).text())));
      case "lower" ->
          new Fn(
              List.of(s),
              null,
              (x, args) ->
                  GoValue.string(
                      TextFunctions.mapRunes(args.get(0).text(), Character::toLowerCase)));
      case "upper" ->
          new Fn(
              List.of(s),
              null,
              (x, args) ->
                  GoValue.string(
                      TextFunctions.mapRunes(args.get(0).text(), Character::toUpperCase)));
      case "pad" -> new Fn(List.of(s, i, i), null, (x, args) -> TextFunctions.pad(args));
      case "truncate" -> new Fn(List.of(s, i), null, (x, args) -> TextFunctions.truncate(args));
      default -> throw new IllegalArgumentException("no function " + name);
    };
  }

  /** Template data holds no Go functions, so call always fails as Go's does on such values. */
  private static GoValue call(TemplateExec x, List<GoValue> args) {
    GoValue fn = args.get(0);
    if (fn.isMissing() || fn.kind() == Kind.NIL) {
      throw new FnError("call of nil");
    }
    throw new FnError("non-function of type " + GoFormat.typeName(fn));
  }

  /** Go's truth of a value for if, with, and, or and not. */
  static boolean truth(GoValue v) {
    return switch (v.kind()) {
      case MISSING, NIL, NIL_SLICE, NIL_MAP -> false;
      case STRING, NUMBER_TEXT -> !v.textForm().isEmpty();
      case SLICE, MAP -> v.node().size() > 0;
      case BOOL -> v.node().booleanValue();
      case INT -> v.node().longValue() != 0;
      case FLOAT -> v.node().doubleValue() != 0;
      case STRUCT -> true;
    };
  }

  private static long len(GoValue v) {
    return switch (v.kind()) {
      case STRING, NUMBER_TEXT, SLICE, MAP -> v.length();
      case NIL_SLICE, NIL_MAP -> 0;
      case NIL -> throw new FnError("len of nil pointer");
      case MISSING -> throw new FnError("reflect: call of reflect.Value.Type on zero Value");
      default -> throw new FnError("len of type " + GoFormat.typeName(v));
    };
  }

  private static GoValue index(TemplateExec x, List<GoValue> args) {
    GoValue item = args.get(0);
    if (item.isMissing()) {
      throw new FnError("index of untyped nil");
    }
    for (GoValue key : args.subList(1, args.size())) {
      switch (item.kind()) {
        case SLICE, NIL_SLICE, STRING -> {
          if (key.kind() != Kind.INT) {
            throw new FnError("cannot index slice/array with type " + GoFormat.typeName(key));
          }
          long k = key.node().longValue();
          int size =
              item.kind() == Kind.STRING
                  ? item.length()
                  : item.node().isArray() ? item.node().size() : 0;
          if (k < 0 || k >= size) {
            throw new FnError("index out of range: " + k);
          }
          item =
              item.kind() == Kind.STRING
                  ? GoValue.integer(item.text().getBytes(StandardCharsets.UTF_8)[(int) k] & 0xff)
                  : x.shapes().element(item.node().get((int) k));
        }
        case MAP, NIL_MAP -> {
          String keyType = item.type().startsWith("nat.") ? "nat.Port" : "string";
          if (key.kind() != Kind.STRING || !keyType.equals("string")) {
            throw new FnError(
                "value has type " + GoFormat.typeName(key) + "; should be " + keyType);
          }
          JsonNode value = item.node().get(key.text());
          if (value != null) {
            item = x.shapes().child(item, key.text(), value);
          } else if (x.shapes().raw()) {
            item = GoValue.MISSING_VALUE;
          } else {
            item = allStrings(item.node()) ? GoValue.string("") : GoValue.nil();
          }
        }
        case NIL ->
            throw new FnError(x.shapes().raw() ? "index of untyped nil" : "index of nil pointer");
        default -> throw new FnError("can't index item of type " + GoFormat.typeName(item));
      }
    }
    return item;
  }

  private static boolean allStrings(JsonNode object) {
    for (JsonNode v : object) {
      if (!v.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static GoValue slice(TemplateExec x, List<GoValue> args) {
    GoValue item = args.get(0);
    if (args.size() > 4) {
      throw new FnError("too many slice indexes: " + (args.size() - 1));
    }
    int size =
        switch (item.kind()) {
          case STRING -> item.length();
          case SLICE -> item.node().size();
          case NIL_SLICE -> 0;
          default -> throw new FnError("can't slice item of type " + GoFormat.typeName(item));
        };
    int[] idx = {0, size};
    for (int i = 1; i < args.size() && i < 3; i++) {
      GoValue k = args.get(i);
      if (k.kind() != Kind.INT) {
        throw new FnError("cannot index slice/array with type " + GoFormat.typeName(k));
      }
      long n = k.node().longValue();
      if (n < 0 || n > size) {
        throw new FnError("index out of range: " + n);
      }
      idx[i - 1] = (int) n;
    }
    if (idx[0] > idx[1]) {
      throw new FnError("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (item.kind() == Kind.STRING) {
      byte[] b = item.text().getBytes(StandardCharsets.UTF_8);
      return GoValue.string(new String(b, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8));
    }
    ArrayNode out = F.arrayNode();
    for (int i = idx[0]; i < idx[1]; i++) {
      out.add(item.node().get(i));
    }
    return new GoValue(out, Kind.SLICE, item.type(), false, "");
  }

  private enum Basic {
    BOOL,
    INT,
    FLOAT,
    STRING,
    OTHER
  }

  private static Basic basic(GoValue v) {
    return switch (v.kind()) {
      case BOOL -> Basic.BOOL;
      case INT -> Basic.INT;
      case FLOAT -> Basic.FLOAT;
      case STRING, NUMBER_TEXT -> Basic.STRING;
      default -> Basic.OTHER;
    };
  }

  private static boolean eq(TemplateExec x, List<GoValue> args) {
    GoValue a = args.get(0);
    if (args.size() < 2) {
      throw new FnError("missing argument for comparison");
    }
    Basic k1 = basic(a);
    for (GoValue b : args.subList(1, args.size())) {
      Basic k2 = basic(b);
      boolean truth;
      if (k1 != k2) {
        if (!a.isMissing() && !b.isMissing()) {
          throw new FnError("incompatible types for comparison");
        }
        truth = false;
      } else {
        truth =
            switch (k1) {
              case BOOL -> a.node().booleanValue() == b.node().booleanValue();
              case INT -> a.node().longValue() == b.node().longValue();
              case FLOAT -> a.node().doubleValue() == b.node().doubleValue();
              case STRING -> a.textForm().equals(b.textForm());
              case OTHER -> other(x, a, b);
            };
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static boolean other(TemplateExec x, GoValue a, GoValue b) {
    if (a.isMissing() || b.isMissing()) {
      return a.isMissing() && b.isMissing();
    }
    if (a.isNilLike() || b.isNilLike()) {
      return a.isNilLike() && b.isNilLike();
    }
    if (a.kind() == Kind.STRUCT && b.kind() == Kind.STRUCT) {
      return a.node().equals(b.node());
    }
    StringBuilder shown = new StringBuilder();
    GoFormat.value(shown, a, x.shapes(), false);
    throw new FnError("non-comparable type " + shown + ": " + GoFormat.typeName(a));
  }

  private static boolean lt(TemplateExec x, List<GoValue> args) {
    GoValue a = args.get(0);
    GoValue b = args.get(1);
    Basic k1 = basic(a);
    Basic k2 = basic(b);
    if (k1 != k2) {
      throw new FnError("incompatible types for comparison");
    }
    return switch (k1) {
      case INT -> a.node().longValue() < b.node().longValue();
      case FLOAT -> a.node().doubleValue() < b.node().doubleValue();
      case STRING -> compareBytes(a.textForm(), b.textForm()) < 0;
      default -> throw new FnError("invalid type for comparison");
    };
  }

  private static int compareBytes(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
