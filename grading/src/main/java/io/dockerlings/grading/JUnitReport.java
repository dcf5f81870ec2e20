package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Exercise;
import java.util.Optional;

/**
 * A learner's grade as JUnit XML, one test case per check, so that any CI shows it: a failed or
 * partly passed check is a failure with its explanation; hidden checks are named only by number.
 * With the real engine, a check the simulator scored otherwise carries the simulator's points (a
 * {@code simulator-points} property and a line of system output, with the simulator's reason for a
 * visible check).
 */
final class JUnitReport {
  private final Exercise exercise;

  JUnitReport(Exercise exercise) {
    this.exercise = exercise;
  }

  String xml(Grade g) {
    StringBuilder cases = new StringBuilder();
    int failures = 0;
    int hidden = 0;
    for (CheckResult r : g.checks()) {
      String name;
      String message;
      if (r.check().visible()) {
        name = r.check().id() + " (" + r.earned() + "/" + r.check().points() + ")";
        message = r.explanation().en();
      } else {
        hidden++;
        name = "hidden check " + hidden + " (" + r.earned() + "/" + r.check().points() + ")";
        message = "a hidden check did not pass";
      }
      Optional<Disagreement> d = disagreement(g, r);
      cases
          .append("    <testcase classname=\"")
          .append(Xml.escape(exercise.id() + "." + r.task()))
          .append("\" name=\"")
          .append(Xml.escape(name))
          .append("\" time=\"0\"");
      if (r.passed() && d.isEmpty()) {
        cases.append("/>\n");
        continue;
      }
      cases.append(">\n");
      d.ifPresent(
          x ->
              cases
                  .append(
                      "      <properties>\n        <property name=\"simulator-points\" value=\"")
                  .append(x.simulator())
                  .append("\"/>\n      </properties>\n"));
      if (!r.passed()) {
        failures++;
        cases
            .append("      <failure message=\"")
            .append(Xml.escape(message))
            .append("\" type=\"")
            .append(
                g.flag()
                    .map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                    .orElse(r.partial() ? "partial" : "failed"))
            .append("\">")
            .append(Xml.escape(message))
            .append("</failure>\n");
      }
      d.ifPresent(
          x ->
              cases
                  .append("      <system-out>")
                  .append(Xml.escape(simulatorLine(x, r)))
                  .append("</system-out>\n"));
      cases.append("    </testcase>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"dockerlings\" tests=\""
        + g.checks().size()
        + "\" failures=\""
        + failures
        + "\">\n  <testsuite name=\""
        + Xml.escape(exercise.id() + " · " + g.learner())
        + "\" tests=\""
        + g.checks().size()
        + "\" failures=\""
        + failures
        + "\" errors=\"0\" skipped=\"0\">\n"
        + "    <properties>\n      <property name=\"score\" value=\""
        + g.score()
        + "\"/>\n      <property name=\"max\" value=\""
        + g.max()
        + "\"/>\n      <property name=\"backend\" value=\""
        + Xml.escape(g.backend())
        + "\"/>\n      <property name=\"disagreements\" value=\""
        + g.disagreements().size()
        + "\"/>\n    </properties>\n"
        + cases
        + "  </testsuite>\n</testsuites>\n";
  }

  private static Optional<Disagreement> disagreement(Grade g, CheckResult r) {
    return g.disagreements().stream().filter(d -> d.check().equals(r.check().id())).findFirst();
  }

  /** What the simulator gave a check the engine scored otherwise; its reason only if visible. */
  private static String simulatorLine(Disagreement d, CheckResult r) {
    String line =
        "the real engine gave "
            + d.engine()
            + " of "
            + r.check().points()
            + "; the simulator gave "
            + d.simulator()
            + " of "
            + r.check().points();
    if (d.visible() && !d.simulatorWhy().en().isEmpty()) {
      line += ": " + d.simulatorWhy().en();
    }
    return line;
  }
}
