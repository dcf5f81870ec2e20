package io.dockerlings.lessons.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dockerlings.lessons.text.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The catalogue of docker's errors ({@code errors/catalogue.yaml}): read and checked once, then
 * asked which entry explains a text docker printed. Entries are tried in the file's order, so a
 * specific entry placed before a general one wins.
 */
public final class ErrorCatalogue {
  /** Where the shipped catalogue is on the class path. */
  public static final String RESOURCE = "/errors/catalogue.yaml";

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern LESSON = Pattern.compile("m(1[01]|[0-9])-[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
  private static final Set<String> FIELDS =
      Set.of("id", "pattern", "cause", "next", "lesson", "example", "real-skip");

  private final List<ErrorEntry> entries;

  private ErrorCatalogue(List<ErrorEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The catalogue shipped with dockerlings. */
  public static ErrorCatalogue load() {
    try (InputStream in = ErrorCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CatalogueException(RESOURCE + ": not found on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new CatalogueException(RESOURCE + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a catalogue from YAML text, checking every entry.
   *
   * @param source the file's name, for the error messages
   * @throws CatalogueException naming the file, the entry and the problem
   */
  public static ErrorCatalogue parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new CatalogueException(
          source + ": not valid YAML: " + e.getOriginalMessage() + locationOf(e), e);
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new CatalogueException(source + ": must be a non-empty list of entries");
    }
    List<ErrorEntry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      ErrorEntry e = entry(root.get(i), source + ": entry #" + (i + 1));
      if (!ids.add(e.id())) {
        throw new CatalogueException(
            source + ": entry #" + (i + 1) + ": id '" + e.id() + "' is used twice");
      }
      entries.add(e);
    }
    return new ErrorCatalogue(entries);
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static ErrorEntry entry(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new CatalogueException(where + ": must be a map with id, pattern, cause, next...");
    }
    String id = string(node, "id", where);
    if (!ID.matcher(id).matches()) {
      throw new CatalogueException(where + ": id '" + id + "' must be lowercase words and -");
    }
    String at = where + " (" + id + ")";
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                throw new CatalogueException(at + ": unknown field '" + f + "'; fields: " + FIELDS);
              }
            });
    String regex = string(node, "pattern", at);
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex, Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      throw new CatalogueException(
          at + ": pattern is not a valid regular expression: " + e.getDescription(), e);
    }
    List<String> groups = new ArrayList<>();
    Matcher g = GROUP.matcher(regex);
    while (g.find()) {
      groups.add(g.group(1));
    }
    Text cause = text(node, "cause", at, groups);
    Text next = text(node, "next", at, groups);
    String lesson = string(node, "lesson", at);
    if (!LESSON.matcher(lesson).matches()) {
      throw new CatalogueException(
          at + ": lesson '" + lesson + "' is not a lesson id (m<module>-<slug>, e.g. m7-memory)");
    }
    Optional<String> realSkip =
        node.has("real-skip") ? Optional.of(string(node, "real-skip", at)) : Optional.empty();
    return new ErrorEntry(
        id, pattern, groups, cause, next, lesson, example(node.get("example"), at), realSkip);
  }

  private static ErrorEntry.Example example(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      throw new CatalogueException(at + ": needs an example: {setup: [...], run: LINE}");
    }
    String run = string(node, "run", at + ": example");
    List<String> setup = new ArrayList<>();
    JsonNode s = node.path("setup");
    if (!s.isMissingNode() && !s.isArray()) {
      throw new CatalogueException(at + ": example.setup must be a list of lines");
    }
    s.forEach(line -> setup.add(line.asText()));
    Map<String, String> files = new LinkedHashMap<>();
    JsonNode f = node.path("files");
    if (!f.isMissingNode() && !f.isObject()) {
      throw new CatalogueException(at + ": example.files must map file names to contents");
    }
    for (Map.Entry<String, JsonNode> e : f.properties()) {
      files.put(e.getKey(), e.getValue().asText());
    }
    return new ErrorEntry.Example(setup, run, files);
  }

  private static String string(JsonNode node, String field, String at) {
    JsonNode v = node.get(field);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new CatalogueException(at + ": needs a non-empty '" + field + "'");
    }
    return v.asText();
  }

  private static Text text(JsonNode node, String field, String at, List<String> groups) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      throw new CatalogueException(at + ": '" + field + "' must be a map {en: ..., zh: ...}");
    }
    Text t = new Text(v.path("en").asText(""), v.path("zh").asText(""));
    if (!t.isComplete()) {
      throw new CatalogueException(
          at
              + ": '"
              + field
              + "' needs both en and zh ("
              + (t.en().isBlank() ? "en" : "zh")
              + " is missing)");
    }
    for (String s : List.of(t.en(), t.zh())) {
      Matcher p = PLACEHOLDER.matcher(s);
      while (p.find()) {
        if (!groups.contains(p.group(1))) {
          throw new CatalogueException(
              at
                  + ": '"
                  + field
                  + "' uses {"
                  + p.group(1)
                  + "}, which is not a named group of its pattern "
                  + groups);
        }
      }
    }
    return t;
  }

  /** Every entry, in the file's order. */
  public List<ErrorEntry> entries() {
    return entries;
  }

  /** The entry called {@code id}, if there is one. */
  public Optional<ErrorEntry> entry(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /**
   * The entry explaining what a command printed: docker prints its errors on standard error, but a
   * failed {@code exec} without a terminal prints the runtime's error on standard output, so that
   * is read too when the command failed and standard error explains nothing.
   */
  public Optional<ErrorMatch> match(int exitCode, String stdout, String stderr) {
    Optional<ErrorMatch> m = match(stderr);
    return m.isPresent() || exitCode == 0 ? m : match(stdout);
  }

  /** The first entry whose pattern is found in {@code text}, with its groups, if any. */
  public Optional<ErrorMatch> match(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    for (ErrorEntry e : entries) {
      Matcher m = e.pattern().matcher(text);
      if (m.find()) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String g : e.groups()) {
          values.put(g, m.group(g) == null ? "" : m.group(g));
        }
        return Optional.of(new ErrorMatch(e, lineAround(text, m.start(), m.end()), values));
      }
    }
    return Optional.empty();
  }

  private static String lineAround(String text, int start, int end) {
    int from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    if (start == 0) {
      from = 0;
    }
    int to = text.indexOf('\n', Math.max(end - 1, from));
    return text.substring(from, to < 0 ? text.length() : to).strip();
  }
}
