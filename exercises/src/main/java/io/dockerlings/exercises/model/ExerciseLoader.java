package io.dockerlings.exercises.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dockerlings.lessons.goal.Goal;
import io.dockerlings.lessons.goal.GoalException;
import io.dockerlings.lessons.goal.GoalParser;
import io.dockerlings.lessons.text.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one exercise file and checks everything that can be checked without running it: ids, both
 * languages of every text, points, goals shaped as one-key maps, known backends.
 */
public final class ExerciseLoader {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");
  private static final Set<String> BACKENDS = Set.of("sim", "real");
  private static final Set<String> HOSTS = Set.of("course-server", "default");
  private static final Set<String> TOP =
      Set.of(
          "id",
          "module",
          "title",
          "task",
          "host",
          "seed",
          "setup",
          "tasks",
          "time-limit",
          "deadline",
          "backends",
          "solution",
          "wrong");

  private final YAMLMapper yaml = new YAMLMapper();

  /**
   * Reads an exercise from the bytes of its file.
   *
   * @param fileId the file name without {@code .yaml}, which must equal the {@code id} field
   * @throws ExerciseException naming what is wrong and where
   */
  public Exercise load(String fileId, byte[] file) throws ExerciseException {
    JsonNode root;
    try {
      root = yaml.readTree(file);
    } catch (JacksonException e) {
      throw new ExerciseException(fileId + ": not YAML: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new ExerciseException(fileId + ": cannot read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ExerciseException(fileId + ": the file must be a map of fields");
    }
    for (var names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP.contains(name)) {
        throw new ExerciseException(fileId + ": unknown field '" + name + "'");
      }
    }
    String id = text(root, "id", fileId);
    if (!ID.matcher(id).matches() || !id.equals(fileId)) {
      throw new ExerciseException(
          fileId + ": id '" + id + "' must be lowercase words joined by '-' and match the file");
    }
    String host = root.path("host").asText("course-server");
    if (!HOSTS.contains(host)) {
      throw new ExerciseException(id + ": host must be one of " + HOSTS);
    }
    Set<String> backends = new LinkedHashSet<>(strings(root, "backends", id));
    if (backends.isEmpty()) {
      backends.add("sim");
    }
    if (!BACKENDS.containsAll(backends)) {
      throw new ExerciseException(id + ": backends may only name sim and real");
    }
    List<Task> tasks = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode t : array(root, "tasks", id)) {
      tasks.add(task(t, id, ids));
    }
    if (tasks.isEmpty()) {
      throw new ExerciseException(id + ": an exercise needs at least one task");
    }
    List<String> solution = strings(root, "solution", id);
    if (solution.isEmpty()) {
      throw new ExerciseException(id + ": the reference solution is missing");
    }
    List<WrongAttempt> wrong = new ArrayList<>();
    for (JsonNode w : array(root, "wrong", id)) {
      wrong.add(new WrongAttempt(text(w, "name", id + ".wrong"), strings(w, "commands", id)));
    }
    if (wrong.isEmpty()) {
      throw new ExerciseException(id + ": at least one wrong attempt must be shipped");
    }
    return new Exercise(
        id,
        text(root, "module", id),
        bilingual(root, "title", id),
        bilingual(root, "task", id),
        host,
        root.has("seed") ? root.get("seed").asLong() : id.hashCode(),
        strings(root, "setup", id),
        tasks,
        duration(root, id),
        deadline(root, id),
        backends,
        solution,
        wrong,
        sha256(file));
  }

  private Task task(JsonNode t, String where, Set<String> ids) throws ExerciseException {
    String id = text(t, "id", where + ".tasks");
    String at = where + "." + id;
    List<Check> checks = new ArrayList<>();
    for (JsonNode c : array(t, "checks", at)) {
      Check check = check(c, at);
      if (!ids.add(check.id())) {
        throw new ExerciseException(at + ": check id '" + check.id() + "' is used twice");
      }
      checks.add(check);
    }
    if (checks.isEmpty()) {
      throw new ExerciseException(at + ": a task needs at least one check");
    }
    return new Task(id, bilingual(t, "title", at), checks);
  }

  private Check check(JsonNode c, String where) throws ExerciseException {
    String id = text(c, "id", where + ".checks");
    String at = where + "." + id;
    int points = points(c, at);
    List<Check.Partial> partial = new ArrayList<>();
    for (JsonNode p : array(c, "partial", at)) {
      int some = points(p, at + ".partial");
      if (some >= points) {
        throw new ExerciseException(at + ": partial credit must be fewer than the check's points");
      }
      partial.add(new Check.Partial(some, goal(p, at + ".partial"), bilingual(p, "reason", at)));
    }
    Optional<Text> hint = c.has("hint") ? Optional.of(bilingual(c, "hint", at)) : Optional.empty();
    return new Check(
        id,
        points,
        c.path("visible").asBoolean(true),
        goal(c, at),
        bilingual(c, "reason", at),
        hint,
        partial);
  }

  private static int points(JsonNode n, String at) throws ExerciseException {
    JsonNode p = n.get("points");
    if (p == null || !p.canConvertToInt() || p.asInt() <= 0) {
      throw new ExerciseException(at + ": points must be a whole number above 0");
    }
    return p.asInt();
  }

  private static Goal goal(JsonNode n, String at) throws ExerciseException {
    JsonNode g = n.get("goal");
    if (g == null || !g.isObject() || g.size() != 1) {
      throw new ExerciseException(at + ": goal must be a map with exactly one key");
    }
    try {
      return GoalParser.parse(g);
    } catch (GoalException e) {
      throw new ExerciseException(
          at + ".goal" + e.pointer().replace('/', '.') + ": " + e.getMessage());
    }
  }

  private static Optional<Duration> duration(JsonNode root, String id) throws ExerciseException {
    if (!root.has("time-limit")) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(root.get("time-limit").asText());
    if (!m.matches()) {
      throw new ExerciseException(id + ": time-limit is a number and s, m or h, like 30m");
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        });
  }

  private static Optional<Instant> deadline(JsonNode root, String id) throws ExerciseException {
    if (!root.has("deadline")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(root.get("deadline").asText()));
    } catch (DateTimeParseException e) {
      throw new ExerciseException(id + ": deadline is an instant like 2026-12-20T23:59:00Z");
    }
  }

  private static String text(JsonNode n, String field, String at) throws ExerciseException {
    JsonNode v = n.get(field);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new ExerciseException(at + ": '" + field + "' is missing");
    }
    return v.asText();
  }

  private static Text bilingual(JsonNode n, String field, String at) throws ExerciseException {
    JsonNode v = n.get(field);
    if (v == null || !v.isObject()) {
      throw new ExerciseException(at + ": '" + field + "' must be {en: ..., zh: ...}");
    }
    Text t = new Text(v.path("en").asText(""), v.path("zh").asText(""));
    if (!t.isComplete()) {
      throw new ExerciseException(at + ": '" + field + "' needs both en and zh");
    }
    return t;
  }

  private static List<JsonNode> array(JsonNode n, String field, String at)
      throws ExerciseException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new ExerciseException(at + ": '" + field + "' must be a list");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  private static List<String> strings(JsonNode n, String field, String at)
      throws ExerciseException {
    List<String> out = new ArrayList<>();
    for (JsonNode s : array(n, field, at)) {
      if (!s.isValueNode()) {
        throw new ExerciseException(at + ": '" + field + "' must list plain lines");
      }
      out.add(s.asText());
    }
    return out;
  }

  /** The lowercase hex SHA-256 of some bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The UTF-8 bytes of a text, for tests and generated files. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
