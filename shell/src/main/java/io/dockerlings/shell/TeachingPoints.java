package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The catalogue of known differences between the course notes, the simulator and the real engine,
 * read once from {@code teaching-points*.properties}; immutable, and every point it holds has its
 * explanation in each of {@link Messages#LANGUAGES}.
 */
final class TeachingPoints {
  private static final String BUNDLE = "io.dockerlings.shell.teaching-points";
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** When a point applies, besides its patterns matching. */
  enum When {
    /** Whenever the patterns match. */
    ALWAYS,
    /** Only when the outputs or exit codes differ after normalising. */
    DIFFERS,
    /** Only when both sides printed the same lines in another order. */
    REORDERED
  }

  /**
   * One known difference.
   *
   * @param id a stable name, such as {@code memory-minimum}
   * @param command searched for in the command line, its words joined by single spaces
   * @param simulator searched for in the simulator's stdout then stderr
   * @param engine searched for in the engine's stdout then stderr
   * @param either searched for in each side's output, matching when one side's does
   * @param when the condition on the two outputs
   * @param explanations the explanation by language tag ({@code en}, {@code zh-CN})
   */
  record Point(
      String id,
      Optional<Pattern> command,
      Optional<Pattern> simulator,
      Optional<Pattern> engine,
      Optional<Pattern> either,
      When when,
      Map<String, String> explanations) {
    Point {
      explanations = Map.copyOf(explanations);
    }
  }

  /** A point that applies to one command, explained in the learner's language. */
  record Explanation(String id, String text) {}

  private final List<Point> points;
  private final OutputNormalizer normalizer = OutputNormalizer.standard();

  private TeachingPoints(List<Point> points) {
    this.points = List.copyOf(points);
  }

  /**
   * The catalogue in this package's resources.
   *
   * @throws IllegalStateException when it is malformed: a point with no pattern, a bad pattern or
   *     condition, or an explanation missing in a language
   */
  static TeachingPoints load() {
    ResourceBundle data = bundle(Locale.ROOT);
    Map<String, ResourceBundle> texts = new HashMap<>();
    for (String language : Messages.LANGUAGES) {
      texts.put(language, bundle(Locale.forLanguageTag(language)));
    }
    List<Point> points = new ArrayList<>();
    for (String id : data.getString("points").split(",")) {
      points.add(point(id.strip(), data, texts));
    }
    return new TeachingPoints(points);
  }

  /** Every point, in the order explanations are given. */
  List<Point> points() {
    return points;
  }

  /**
   * The points that apply to one command run on both sides, explained in the language of {@code
   * messages}, in catalogue order; empty when none does.
   *
   * @param argv the command's words, {@code argv.get(0)} being {@code docker}
   */
  List<Explanation> explain(
      List<String> argv, CommandResult simulator, CommandResult engine, Messages messages) {
    String command = String.join(" ", argv);
    String sim = simulator.stdout() + simulator.stderr();
    String eng = engine.stdout() + engine.stderr();
    List<Explanation> result = new ArrayList<>();
    for (Point p : points) {
      boolean applies =
          matches(p.command(), command)
              && matches(p.simulator(), sim)
              && matches(p.engine(), eng)
              && (p.either().isEmpty() || matches(p.either(), sim) || matches(p.either(), eng))
              && holds(p.when(), simulator, engine);
      if (applies) {
        result.add(new Explanation(p.id(), p.explanations().get(messages.language())));
      }
    }
    return result;
  }

  private static boolean matches(Optional<Pattern> pattern, String text) {
    return pattern.map(p -> p.matcher(text).find()).orElse(true);
  }

  private boolean holds(When when, CommandResult simulator, CommandResult engine) {
    return switch (when) {
      case ALWAYS -> true;
      case DIFFERS ->
          simulator.exitCode() != engine.exitCode()
              || !keys(simulator.stdout()).equals(keys(engine.stdout()))
              || !keys(simulator.stderr()).equals(keys(engine.stderr()));
      case REORDERED -> {
        List<String> s = keys(simulator.stdout());
        List<String> e = keys(engine.stdout());
        yield !s.equals(e) && s.stream().sorted().toList().equals(e.stream().sorted().toList());
      }
    };
  }

  private List<String> keys(String output) {
    return normalizer.normalize(output).stream().map(OutputNormalizer.Line::key).toList();
  }

  private static ResourceBundle bundle(Locale locale) {
    // As Messages does: no fallback to the JVM's default locale, UTF-8 properties.
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static Point point(String id, ResourceBundle data, Map<String, ResourceBundle> texts) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalStateException("teaching point id " + id + " is not lower-case-with-dashes");
    }
    Point p =
        new Point(
            id,
            pattern(data, id + ".command"),
            pattern(data, id + ".simulator"),
            pattern(data, id + ".engine"),
            pattern(data, id + ".either"),
            when(data, id),
            explanations(id, texts));
    if (Stream.of(p.command(), p.simulator(), p.engine(), p.either()).allMatch(Optional::isEmpty)) {
      throw new IllegalStateException("teaching point " + id + " has no pattern");
    }
    return p;
  }

  private static Optional<Pattern> pattern(ResourceBundle data, String key) {
    if (!data.containsKey(key)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pattern.compile(data.getString(key), Pattern.MULTILINE));
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("teaching point pattern " + key + " is malformed", e);
    }
  }

  private static When when(ResourceBundle data, String id) {
    String key = id + ".when";
    String value = data.containsKey(key) ? data.getString(key).strip() : "always";
    return Arrays.stream(When.values())
        .filter(w -> w.name().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("teaching point " + id + ": no condition " + value));
  }

  private static Map<String, String> explanations(String id, Map<String, ResourceBundle> texts) {
    Map<String, String> result = new HashMap<>();
    for (Map.Entry<String, ResourceBundle> e : texts.entrySet()) {
      try {
        result.put(e.getKey(), e.getValue().getString(id + ".explain"));
      } catch (MissingResourceException missing) {
        throw new IllegalStateException(
            "teaching point " + id + " has no explanation in " + e.getKey(), missing);
      }
    }
    return result;
  }
}
