package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.errors.ErrorCatalogue;
import io.dockerlings.lessons.errors.ErrorMatch;
import io.dockerlings.lessons.text.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's feedback page: score, each visible check with its result and reason, hidden checks
 * only as counts, hints for what failed, overrides marked, the errors docker printed for the
 * learner's failed commands with the error catalogue's explanation, and the replayed commands with
 * the failing ones marked.
 */
final class FeedbackPage {
  private final Exercise exercise;
  private final Labels t;
  private final Templates templates;
  private final ErrorCatalogue errors;

  /** How docker's own error and warning lines begin. */
  private static final java.util.regex.Pattern DOCKERS_OWN =
      java.util.regex.Pattern.compile(
          "^(?:Error|docker:|WARNING).*$", java.util.regex.Pattern.MULTILINE);

  /** The lines of {@code output} that begin as docker's own errors and warnings do. */
  private static String dockersOwnLines(String output) {
    if (!output.contains("Error") && !output.contains("docker:") && !output.contains("WARNING")) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    java.util.regex.Matcher m = DOCKERS_OWN.matcher(output);
    while (m.find()) {
      b.append(m.group()).append('\n');
    }
    return b.toString();
  }

  FeedbackPage(Exercise exercise, Labels labels, Templates templates, ErrorCatalogue errors) {
    this.exercise = exercise;
    this.t = labels;
    this.templates = templates;
    this.errors = errors;
  }

  /**
   * The errors the learner's commands printed that the catalogue explains, one entry per distinct
   * message, in the order first met, each naming the commands that printed it.
   */
  private List<Map<String, Object>> errorsHit(Grade g) {
    Lang lang = t.lang();
    Map<String, Map<String, Object>> byMessage = new LinkedHashMap<>();
    for (CommandOutcome c : g.commands()) {
      // A command that succeeded may still print docker's error or warning (rm -f of a missing
      // container); its other lines are the container's own output, not docker's words, so only
      // the lines that start as docker's do are looked up (which also keeps this cheap).
      String text = c.failed() ? c.output() : dockersOwnLines(c.output());
      Optional<ErrorMatch> m = text.isEmpty() ? Optional.empty() : errors.match(text);
      if (m.isEmpty()) {
        continue;
      }
      String key = m.get().entry().id() + "\n" + m.get().message();
      Map<String, Object> e = byMessage.get(key);
      if (e == null) {
        e = new LinkedHashMap<>();
        e.put("message", m.get().message());
        e.put("messageMd", Markdown.code(m.get().message()));
        e.put("cause", m.get().cause().in(lang));
        e.put("causeMd", Markdown.cell(m.get().cause().in(lang)));
        e.put("next", m.get().next().in(lang));
        e.put("nextMd", Markdown.cell(m.get().next().in(lang)));
        e.put("lesson", m.get().entry().lesson());
        e.put("seen", new ArrayList<String>());
        byMessage.put(key, e);
      }
      @SuppressWarnings("unchecked")
      List<String> seen = (List<String>) e.get("seen");
      seen.add(Integer.toString(c.seq()));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> e : byMessage.values()) {
      @SuppressWarnings("unchecked")
      List<String> seen = (List<String>) e.get("seen");
      e.put(
          "where",
          t.format(
              seen.size() == 1 ? "errorSeen" : "errorSeenMany",
              String.join(t.get("errorJoin"), seen)));
      out.add(e);
    }
    return out;
  }

  String html(Grade g) {
    return templates.feedbackHtml(scope(g));
  }

  String markdown(Grade g) {
    return templates.feedbackMd(scope(g));
  }

  private Map<String, Object> scope(Grade g) {
    Lang lang = t.lang();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lang", lang.tag());
    m.put("t", t.all());
    m.put("css", templates.css());
    m.put("exerciseTitle", exercise.title().in(lang));
    m.put("exerciseId", exercise.id());
    m.put("learner", g.learner());
    m.put("onEngine", g.backend().equals("real"));
    m.put("score", g.score());
    m.put("max", g.max());
    m.put("percent", g.max() == 0 ? 0 : g.score() * 100 / g.max());
    m.put("flagged", g.flag().isPresent());
    m.put("flagLabel", g.flag().map(f -> f.label().in(lang)).orElse(""));
    m.put("flagReason", g.flagReason().in(lang));
    List<String> notes = g.notes().stream().map(n -> n.in(lang)).toList();
    m.put("notes", notes);
    m.put("hasNotes", !notes.isEmpty());
    List<Map<String, Object>> visible = new ArrayList<>();
    List<String> hints = new ArrayList<>();
    int hiddenTotal = 0;
    int hiddenPassed = 0;
    int hiddenEarned = 0;
    int hiddenMax = 0;
    List<String> hiddenOverrides = new ArrayList<>();
    for (CheckResult r : g.checks()) {
      Optional<GradeOverride> o = g.overrideOf(r.check().id());
      if (!r.check().visible()) {
        hiddenTotal++;
        hiddenPassed += r.passed() ? 1 : 0;
        hiddenEarned += r.earned();
        hiddenMax += r.check().points();
        o.ifPresent(
            x -> hiddenOverrides.add(x.points() + " " + t.get("points") + ": " + x.comment()));
        continue;
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put(
          "task",
          exercise.tasks().stream()
              .filter(x -> x.id().equals(r.task()))
              .findFirst()
              .map(x -> x.title().in(lang))
              .orElse(r.task()));
      String reason = r.check().reason().in(lang);
      String explanation = r.passed() ? "" : r.explanation().in(lang);
      c.put("reason", reason);
      c.put("reasonMd", Markdown.cell(reason));
      c.put("explanation", explanation);
      c.put("explanationMd", Markdown.cell(explanation));
      c.put("earned", r.earned());
      c.put("points", r.check().points());
      c.put("status", t.get(r.passed() ? "passed" : r.partial() ? "partial" : "failed"));
      c.put("css", r.passed() ? "ok" : r.partial() ? "part" : "bad");
      String override =
          o.map(
                  x ->
                      x.comment().isBlank()
                          ? x.points() + " " + t.get("points")
                          : x.points() + " " + t.get("points") + " — " + x.comment())
              .orElse("");
      c.put("override", override);
      String simulator =
          g.disagreements().stream()
              .filter(d -> d.check().equals(r.check().id()))
              .findFirst()
              .map(
                  d ->
                      t.format("simulatorGave", d.simulator(), r.check().points())
                          + (d.simulatorWhy().en().isEmpty()
                              ? ""
                              : " — " + d.simulatorWhy().in(lang)))
              .orElse("");
      c.put("simulator", simulator);
      c.put("simulatorMd", Markdown.cell(simulator));
      c.put("overrideMd", Markdown.cell(override));
      visible.add(c);
      if (!r.passed() && g.flag().isEmpty()) {
        r.check().hint().ifPresent(h -> hints.add(h.in(lang)));
      }
    }
    m.put("visible", visible);
    m.put("hasHidden", hiddenTotal > 0);
    m.put(
        "hiddenLine", t.format("hiddenCount", hiddenPassed, hiddenTotal, hiddenEarned, hiddenMax));
    m.put("hiddenOverrides", hiddenOverrides);
    m.put("hints", hints);
    m.put("hasHints", !hints.isEmpty());
    List<Map<String, Object>> commands = new ArrayList<>();
    for (CommandOutcome c : g.commands()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("line", c.line());
      x.put("lineMd", Markdown.code(c.line()));
      x.put("failed", c.failed());
      x.put("exit", c.exitCode());
      x.put("diverged", c.diverged());
      x.put("output", c.output().stripTrailing());
      commands.add(x);
    }
    m.put("commands", commands);
    List<Map<String, Object>> hit = errorsHit(g);
    m.put("errors", hit);
    m.put("hasErrors", !hit.isEmpty());
    m.put("hasCommands", !commands.isEmpty());
    return m;
  }
}
