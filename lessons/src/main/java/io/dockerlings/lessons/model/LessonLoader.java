package io.dockerlings.lessons.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dockerlings.lessons.goal.Fields;
import io.dockerlings.lessons.goal.GoalException;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a lesson from its YAML text and checks it against the format: the schema, both languages of
 * every text, known goals and quantities, unique step ids. Every problem names its line.
 */
public final class LessonLoader {
  static final Set<String> TOP =
      Set.of(
          "id",
          "module",
          "order",
          "title",
          "teaches",
          "requires",
          "host",
          "setup",
          "steps",
          "needs");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * What loading a file gave.
   *
   * @param lesson the lesson, when it has no problem
   * @param problems what is wrong, with lines; empty when the lesson loaded
   */
  public record Result(Optional<Lesson> lesson, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private LessonLoader() {}

  /** The line where the value at {@code pointer} ({@code /steps/2}) starts in {@code yaml}. */
  public static int lineOf(String yaml, String pointer) {
    return LineIndex.of(yaml).line(pointer);
  }

  /**
   * Loads one lesson.
   *
   * @param file the file's name ({@code m7-cpu-shares.yaml}), whose stem must be the lesson's id
   * @param yaml the file's text
   */
  public static Result load(String file, String yaml) {
    return load(file, yaml, false);
  }

  /**
   * Loads a demo file: the lesson format with the demo fields ({@code picture}, {@code pause},
   * {@code explain} on do and predict steps) and without what only a learner needs (module, goals,
   * wrong attempts, answer forms); its id need not be the file's name.
   */
  public static Result loadDemo(String file, String yaml) {
    return load(file, yaml, true);
  }

  private static Result load(String file, String yaml, boolean demo) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      return new Result(
          Optional.empty(),
          List.of(new Problem(file, line, "not YAML: " + e.getOriginalMessage())));
    }
    LineIndex lines = LineIndex.of(yaml);
    if (root == null || !root.isObject()) {
      return new Result(Optional.empty(), List.of(new Problem(file, 1, "a lesson is a YAML map")));
    }
    Fields f = new Fields(root, "");
    Reader r = new Reader(file, lines, problems);
    r.run(() -> f.only(TOP, "lesson"));
    String id = r.get(() -> f.text("id"), "");
    String stem = file.replaceAll(".*/", "").replaceFirst("\\.ya?ml$", "");
    if (!demo && !id.isEmpty() && !id.equals(stem)) {
      r.add(f.at("id"), "id '" + id + "' must be the file name without .yaml ('" + stem + "')");
    }
    if (!id.isEmpty() && !id.matches("[a-z0-9][a-z0-9-]*")) {
      r.add(f.at("id"), "id '" + id + "' may hold only lowercase letters, digits and '-'");
    }
    String module = r.get(() -> demo && !f.has("module") ? "M0" : f.text("module"), "M0");
    if (!module.matches("M([0-9]|1[01])")) {
      r.add(f.at("module"), "module '" + module + "' is not one of M0..M11");
      module = "M0";
    }
    int order = r.get(() -> f.has("order") ? (int) f.at("order").number() : 0, 0);
    Text title = r.get(() -> Texts.of(f.at("title"), "title"), Text.same("?"));
    Text teaches = r.get(() -> Texts.of(f.at("teaches"), "teaches"), Text.same("?"));
    List<String> requires =
        r.get(() -> f.has("requires") ? f.at("requires").texts() : List.of(), List.of());
    boolean server =
        r.get(
            () ->
                f.has("host")
                    && f.at("host")
                        .oneOf(List.of("course-server", "default"))
                        .equals("course-server"),
            false);
    List<String> setup = r.get(() -> f.has("setup") ? f.at("setup").texts() : List.of(), List.of());
    Needs needs = r.get(() -> Needs.parse(f.at("needs")), Needs.none());
    List<Step> steps = new ArrayList<>();
    Fields s = f.at("steps");
    if (!s.node().isArray() || s.node().isEmpty()) {
      r.add(s, "a lesson has steps: a list of at least one step");
    } else {
      Set<String> ids = new HashSet<>();
      for (Fields step : s.items()) {
        Optional<Step> parsed =
            r.get(() -> Optional.of(StepParser.parse(step, demo)), Optional.empty());
        parsed.ifPresent(
            p -> {
              if (!ids.add(p.id())) {
                r.add(step.at("id"), "step id '" + p.id() + "' is used twice");
              }
              steps.add(p);
            });
      }
    }
    if (!problems.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    return new Result(
        Optional.of(
            new Lesson(id, module, order, title, teaches, requires, server, setup, steps, needs)),
        List.of());
  }

  /** Collects problems instead of stopping at the first. */
  private record Reader(String file, LineIndex lines, List<Problem> problems) {
    <T> T get(java.util.function.Supplier<T> read, T fallback) {
      try {
        return read.get();
      } catch (GoalException e) {
        problems.add(new Problem(file, lines.line(e.pointer()), e.getMessage()));
        return fallback;
      }
    }

    void run(Runnable check) {
      get(
          () -> {
            check.run();
            return null;
          },
          null);
    }

    void add(Fields at, String message) {
      problems.add(new Problem(file, lines.line(at.pointer()), message));
    }
  }
}
