package io.dockerlings.lessons.goal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A YAML map read field by field, with every error naming where it is (a JSON pointer) and what was
 * expected, so that an author gets {@code line 12: state must be one of ...}.
 *
 * @param node the map (or scalar) being read
 * @param pointer where it is in the document
 */
public record Fields(JsonNode node, String pointer) {

  /** The field {@code key} as its own reader (missing when absent). */
  public Fields at(String key) {
    return new Fields(node.path(key), pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
  }

  /** The {@code i}th element of a list. */
  public Fields at(int i) {
    return new Fields(node.path(i), pointer + "/" + i);
  }

  /** Whether the field is present and not null. */
  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  /** A problem at this place. */
  public GoalException error(String message) {
    return new GoalException(pointer, message);
  }

  /** Refuses keys other than {@code allowed}, naming the unknown one and the known ones. */
  public Fields only(Set<String> allowed, String what) {
    if (!node.isObject()) {
      throw error(what + " must be a map of " + String.join(", ", sortedCopy(allowed)));
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!allowed.contains(e.getKey())) {
        throw at(e.getKey())
            .error(
                "unknown "
                    + what
                    + " property '"
                    + e.getKey()
                    + "' (known: "
                    + String.join(", ", sortedCopy(allowed))
                    + ")");
      }
    }
    return this;
  }

  /** This scalar as text (numbers and booleans as written). */
  public String text() {
    if (!node.isValueNode() || node.isNull()) {
      throw error("expected a text value");
    }
    return node.asText();
  }

  /** The text field {@code key}, which must be present. */
  public String text(String key) {
    if (!has(key)) {
      throw error("missing '" + key + "'");
    }
    return at(key).text();
  }

  /** This scalar as a whole number. */
  public long number() {
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual() && node.asText().trim().matches("-?\\d+")) {
      return Long.parseLong(node.asText().trim());
    }
    throw error("expected a whole number, got " + describe());
  }

  /** This scalar as a decimal number. */
  public double decimal() {
    if (node.isNumber()) {
      return node.asDouble();
    }
    try {
      return Double.parseDouble(text().trim());
    } catch (NumberFormatException e) {
      throw error("expected a number, got " + describe());
    }
  }

  /** This scalar as true or false. */
  public boolean bool() {
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    throw error("expected true or false, got " + describe());
  }

  /** This scalar as a byte count: {@code 64m}, {@code 1g}, {@code 10MB}, {@code 512}. */
  public long bytes() {
    try {
      return Sizes.parse(text());
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  /** This scalar as a regular expression. */
  public Pattern regex() {
    try {
      return Pattern.compile(text());
    } catch (PatternSyntaxException e) {
      throw error("not a regular expression: " + e.getDescription());
    }
  }

  /** This scalar, which must be one of {@code allowed}. */
  public String oneOf(List<String> allowed) {
    String t = text();
    if (!allowed.contains(t)) {
      throw error("'" + t + "' is not one of " + String.join(", ", allowed));
    }
    return t;
  }

  /** This value as a list of texts: a list, or one text as a one-element list. */
  public List<String> texts() {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(at(i).text());
      }
      return out;
    }
    out.add(text());
    return out;
  }

  /** This value as a list of readers: a list, or one value as a one-element list. */
  public List<Fields> items() {
    List<Fields> out = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(at(i));
      }
    } else {
      out.add(this);
    }
    return out;
  }

  /** This map as text keys to text values. */
  public Map<String, String> textMap() {
    if (!node.isObject()) {
      throw error("expected a map, got " + describe());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), at(e.getKey()).text());
    }
    return out;
  }

  private String describe() {
    if (node.isMissingNode() || node.isNull()) {
      return "nothing";
    }
    if (node.isContainerNode()) {
      return node.isArray() ? "a list" : "a map";
    }
    return "'" + node.asText() + "'";
  }

  private static List<String> sortedCopy(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
