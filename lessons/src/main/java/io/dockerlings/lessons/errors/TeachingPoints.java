package io.dockerlings.lessons.errors;

import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
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
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The catalogue of known differences between the course notes, the simulator and the real engine
 * that compare mode explains, read once from {@code teaching-points*.properties}; immutable, and
 * every point it holds has its explanation in English and Chinese. A point about one of docker's
 * errors names the error catalogue's entry ({@code <id>.error}) instead of repeating its pattern
 * and explanation: it applies when that entry matches either side, and says the entry's cause and
 * next step.
 */
public final class TeachingPoints {
  private static final String BUNDLE = "io.dockerlings.lessons.errors.teaching-points";
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** When a point applies, besides its patterns matching. */
  public enum When {
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
   * @param error the error catalogue's entry this point is about, which matches either side and
   *     explains it; empty for a point with its own explanation
   * @param explanation its own explanation, empty when {@code error} explains it
   */
  public record Point(
      String id,
      Optional<Pattern> command,
      Optional<Pattern> simulator,
      Optional<Pattern> engine,
      Optional<Pattern> either,
      When when,
      Optional<ErrorEntry> error,
      Optional<Text> explanation) {}

  /**
   * A point that applies to one command, explained in both languages.
   *
   * @param id the point's id
   * @param text its explanation
   */
  public record Explanation(String id, Text text) {
    /** The explanation in {@code lang}. */
    public String in(Lang lang) {
      return text.in(lang);
    }
  }

  private final List<Point> points;

  private TeachingPoints(List<Point> points) {
    this.points = List.copyOf(points);
  }

  /**
   * The catalogue in this package's resources, linked to the shipped error catalogue.
   *
   * @throws IllegalStateException when it is malformed: a point with no pattern, a bad pattern or
   *     condition, an explanation missing in a language, or an error the catalogue does not have
   */
  public static TeachingPoints load() {
    return load(ErrorCatalogue.load());
  }

  static TeachingPoints load(ErrorCatalogue errors) {
    ResourceBundle data = bundle(Locale.ROOT);
    Map<Lang, ResourceBundle> texts = new HashMap<>();
    for (Lang lang : Lang.values()) {
      texts.put(lang, bundle(Locale.forLanguageTag(lang.tag())));
    }
    List<Point> points = new ArrayList<>();
    for (String id : data.getString("points").split(",")) {
      points.add(point(id.strip(), data, texts, errors));
    }
    return new TeachingPoints(points);
  }

  /** Every point, in the order explanations are given. */
  public List<Point> points() {
    return points;
  }

  /**
   * The points that apply to one command run on both sides, in catalogue order; empty when none
   * does.
   *
   * @param argv the command's words, {@code argv.get(0)} being {@code docker}
   * @param keys what an output's lines are once normalised (ids, times, sizes...), for the {@code
   *     differs} and {@code reordered} conditions
   */
  public List<Explanation> explain(
      List<String> argv,
      CommandResult simulator,
      CommandResult engine,
      Function<String, List<String>> keys) {
    String command = String.join(" ", argv);
    String sim = simulator.stdout() + simulator.stderr();
    String eng = engine.stdout() + engine.stderr();
    List<Explanation> result = new ArrayList<>();
    for (Point p : points) {
      Optional<Pattern> either = p.either().or(() -> p.error().map(ErrorEntry::pattern));
      boolean applies =
          matches(p.command(), command)
              && matches(p.simulator(), sim)
              && matches(p.engine(), eng)
              && (either.isEmpty() || matches(either, sim) || matches(either, eng))
              && holds(p.when(), simulator, engine, keys);
      if (applies) {
        result.add(new Explanation(p.id(), text(p, sim, eng)));
      }
    }
    return result;
  }

  /** The point's own explanation, or its error's cause and next step filled from the output. */
  private static Text text(Point p, String sim, String eng) {
    if (p.explanation().isPresent()) {
      return p.explanation().get();
    }
    ErrorEntry e = p.error().orElseThrow();
    java.util.regex.Matcher found = e.pattern().matcher(eng);
    if (!found.find()) {
      found = e.pattern().matcher(sim);
      found.find();
    }
    Map<String, String> values = new HashMap<>();
    for (String g : e.groups()) {
      values.put(g, found.group(g) == null ? "" : found.group(g));
    }
    ErrorMatch m = new ErrorMatch(e, found.group(), values);
    return new Text(m.cause().en() + " " + m.next().en(), m.cause().zh() + m.next().zh());
  }

  private static boolean matches(Optional<Pattern> pattern, String text) {
    return pattern.map(p -> p.matcher(text).find()).orElse(true);
  }

  private static boolean holds(
      When when,
      CommandResult simulator,
      CommandResult engine,
      Function<String, List<String>> keys) {
    return switch (when) {
      case ALWAYS -> true;
      case DIFFERS ->
          simulator.exitCode() != engine.exitCode()
              || !keys.apply(simulator.stdout()).equals(keys.apply(engine.stdout()))
              || !keys.apply(simulator.stderr()).equals(keys.apply(engine.stderr()));
      case REORDERED -> {
        List<String> s = keys.apply(simulator.stdout());
        List<String> e = keys.apply(engine.stdout());
        yield !s.equals(e) && s.stream().sorted().toList().equals(e.stream().sorted().toList());
      }
    };
  }

  private static ResourceBundle bundle(Locale locale) {
    // As Messages does: no fallback to the JVM's default locale, UTF-8 properties.
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static Point point(
      String id, ResourceBundle data, Map<Lang, ResourceBundle> texts, ErrorCatalogue errors) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalStateException("teaching point id " + id + " is not lower-case-with-dashes");
    }
    Optional<ErrorEntry> error = Optional.empty();
    if (data.containsKey(id + ".error")) {
      String ref = data.getString(id + ".error").strip();
      error =
          Optional.of(
              errors
                  .entry(ref)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "teaching point " + id + ": the error catalogue has no " + ref)));
    }
    Optional<Text> explanation =
        error.isPresent() ? Optional.empty() : Optional.of(explanations(id, texts));
    Point p =
        new Point(
            id,
            pattern(data, id + ".command"),
            pattern(data, id + ".simulator"),
            pattern(data, id + ".engine"),
            pattern(data, id + ".either"),
            when(data, id),
            error,
            explanation);
    if (error.isEmpty()
        && Stream.of(p.command(), p.simulator(), p.engine(), p.either())
            .allMatch(Optional::isEmpty)) {
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

  private static Text explanations(String id, Map<Lang, ResourceBundle> texts) {
    Map<Lang, String> result = new HashMap<>();
    for (Map.Entry<Lang, ResourceBundle> e : texts.entrySet()) {
      try {
        result.put(e.getKey(), e.getValue().getString(id + ".explain"));
      } catch (MissingResourceException missing) {
        throw new IllegalStateException(
            "teaching point " + id + " has no explanation in " + e.getKey().tag(), missing);
      }
    }
    return new Text(result.get(Lang.EN), result.get(Lang.ZH));
  }
}
