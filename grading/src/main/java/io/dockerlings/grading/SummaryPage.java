package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.text.Lang;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The class summary: one self-contained HTML page (no scripts, no network) with the score
 * distribution as an inline SVG chart, the checks failed most, the commands that errored most, the
 * flagged submissions with their reasons, and every learner's score linking to their page.
 */
final class SummaryPage {
  private final Exercise exercise;
  private final Labels t;
  private final Templates templates;

  SummaryPage(Exercise exercise, Labels labels, Templates templates) {
    this.exercise = exercise;
    this.t = labels;
    this.templates = templates;
  }

  /** The page for these grades, which must be sorted by file. */
  String html(List<Grade> grades, List<String> problems) {
    Lang lang = t.lang();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lang", lang.tag());
    m.put("t", t.all());
    m.put("css", templates.css());
    m.put("exerciseTitle", exercise.title().in(lang));
    m.put("exerciseId", exercise.id());
    m.put("count", grades.size());
    int max = exercise.maxPoints();
    List<Integer> scores = grades.stream().map(Grade::score).sorted().toList();
    m.put(
        "mean",
        scores.isEmpty()
            ? "-"
            : String.format(
                Locale.ROOT, "%.1f", scores.stream().mapToInt(i -> i).average().orElse(0)));
    m.put("median", scores.isEmpty() ? "-" : median(scores));
    m.put("fullCount", scores.stream().filter(s -> s == max).count());
    m.put("flaggedCount", grades.stream().filter(g -> g.flag().isPresent()).count());
    m.put("divergences", grades.stream().mapToLong(Grade::divergences).sum());
    boolean onEngine = grades.stream().anyMatch(g -> g.backend().equals("real"));
    m.put("onEngine", onEngine);
    m.put("disagreements", grades.stream().mapToLong(g -> g.disagreements().size()).sum());
    List<Map<String, Object>> disagreed = disagreedChecks(grades);
    m.put("disagreed", disagreed);
    m.put("hasDisagreed", !disagreed.isEmpty());
    m.put("svg", Histogram.svg(scores, max, t.get("points"), t.get("count")));
    m.put("checks", failedChecks(grades));
    List<Map<String, Object>> errored = erroredCommands(grades);
    m.put("errored", errored);
    m.put("hasErrored", !errored.isEmpty());
    List<Map<String, Object>> flagged = new ArrayList<>();
    List<Map<String, Object>> learners = new ArrayList<>();
    for (Grade g : grades) {
      if (g.flag().isPresent()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("learner", g.learner());
        f.put("file", g.file());
        f.put("flag", g.flag().get().label().in(lang));
        f.put("reason", g.flagReason().in(lang));
        flagged.add(f);
      }
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("learner", g.learner());
      l.put("file", g.file());
      l.put("score", g.score());
      l.put("max", g.max());
      l.put("flag", g.flag().map(x -> x.label().in(lang)).orElse(""));
      l.put("overridden", !g.overrides().isEmpty());
      l.put("notes", String.join("; ", g.notes().stream().map(n -> n.in(lang)).toList()));
      learners.add(l);
    }
    m.put("flagged", flagged);
    m.put("hasFlagged", !flagged.isEmpty());
    m.put("learners", learners);
    m.put("problems", problems);
    m.put("hasProblems", !problems.isEmpty());
    return templates.summaryHtml(m);
  }

  private List<Map<String, Object>> failedChecks(List<Grade> grades) {
    Map<String, Integer> failed = new LinkedHashMap<>();
    for (Check c : exercise.checks()) {
      failed.put(c.id(), 0);
    }
    int graded = 0;
    for (Grade g : grades) {
      if (g.flag().isPresent()) {
        continue;
      }
      graded++;
      for (CheckResult r : g.checks()) {
        if (!r.passed()) {
          failed.merge(r.check().id(), 1, Integer::sum);
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    List<Check> order = new ArrayList<>(exercise.checks());
    order.sort(Comparator.comparing((Check c) -> -failed.get(c.id())));
    for (Check c : order) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", c.id());
      row.put("reason", c.reason().in(t.lang()));
      row.put("task", exercise.taskOf(c).title().in(t.lang()));
      row.put("visibility", t.get(c.visible() ? "visible" : "hidden"));
      row.put("failed", failed.get(c.id()));
      row.put("of", graded);
      row.put("percent", graded == 0 ? 0 : failed.get(c.id()) * 100 / graded);
      out.add(row);
    }
    return out;
  }

  /** The checks the engine scored otherwise than the simulator, with how often and which way. */
  private List<Map<String, Object>> disagreedChecks(List<Grade> grades) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Check c : exercise.checks()) {
      List<String> who = new ArrayList<>();
      for (Grade g : grades) {
        g.disagreements().stream()
            .filter(d -> d.check().equals(c.id()))
            .forEach(d -> who.add(g.learner() + " (" + d.simulator() + " → " + d.engine() + ")"));
      }
      if (!who.isEmpty()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id());
        row.put("reason", c.reason().in(t.lang()));
        row.put("count", who.size());
        row.put("learners", String.join(", ", who));
        out.add(row);
      }
    }
    out.sort(Comparator.comparing((Map<String, Object> r) -> -(Integer) r.get("count")));
    return out;
  }

  /** Failed commands grouped by their first two words ({@code docker run}), most first. */
  private static List<Map<String, Object>> erroredCommands(List<Grade> grades) {
    Map<String, Integer> count = new TreeMap<>();
    Map<String, String> example = new TreeMap<>();
    for (Grade g : grades) {
      for (CommandOutcome c : g.commands()) {
        if (!c.failed()) {
          continue;
        }
        String[] words = c.line().strip().split("\\s+");
        String key = words.length > 1 ? words[0] + " " + words[1] : words[0];
        count.merge(key, 1, Integer::sum);
        example.putIfAbsent(key, c.output().isBlank() ? c.line() : firstLine(c.output()));
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(count.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(10, entries.size()))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("command", e.getKey());
      row.put("count", e.getValue());
      row.put("example", example.get(e.getKey()));
      out.add(row);
    }
    return out;
  }

  private static String firstLine(String s) {
    String x = s.strip();
    int nl = x.indexOf('\n');
    return nl < 0 ? x : x.substring(0, nl);
  }

  private static String median(List<Integer> sorted) {
    int n = sorted.size();
    if (n % 2 == 1) {
      return Integer.toString(sorted.get(n / 2));
    }
    return String.format(Locale.ROOT, "%.1f", (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
  }
}
