package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Exercise;

/**
 * A learner's grade as JUnit XML, one test case per check, so that any CI shows it: a failed or
 * partly passed check is a failure with its explanation; hidden checks are named only by number.
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
      cases
          .append("    <testcase classname=\"")
          .append(Xml.escape(exercise.id() + "." + r.task()))
          .append("\" name=\"")
          .append(Xml.escape(name))
          .append("\" time=\"0\"");
      if (r.passed()) {
        cases.append("/>\n");
      } else {
        failures++;
        cases
            .append(">\n      <failure message=\"")
            .append(Xml.escape(message))
            .append("\" type=\"")
            .append(
                g.flag()
                    .map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                    .orElse(r.partial() ? "partial" : "failed"))
            .append("\">")
            .append(Xml.escape(message))
            .append("</failure>\n    </testcase>\n");
      }
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
        + "\"/>\n    </properties>\n"
        + cases
        + "  </testsuite>\n</testsuites>\n";
  }
}
