package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JUnitReportTest {
  private final Exercise web = GradingFixtures.web();

  /** A grade of the fixture's three checks (web-running 3, published 2, hidden no-privileged 1). */
  private Grade grade(String backend, List<Disagreement> ds, int... earned) {
    List<Check> checks = web.checks();
    List<CheckResult> results =
        IntStream.range(0, checks.size())
            .mapToObj(
                i ->
                    new CheckResult(
                        checks.get(i),
                        "serve",
                        earned[i],
                        earned[i] == checks.get(i).points()
                            ? Text.same("")
                            : Text.same("engine says no " + i)))
            .toList();
    return new Grade(
        "ann",
        "ann",
        Optional.empty(),
        Text.same(""),
        results,
        List.of(),
        List.of(),
        List.of(),
        backend,
        ds);
  }

  @Test
  void xml_disagreeingChecks_carryTheSimulatorsPointsAndOnlyVisibleReasons() {
    List<Disagreement> ds =
        List.of(
            new Disagreement(
                "web-running", true, 3, 1, Text.same(""), Text.same("engine says no 0")),
            new Disagreement(
                "no-privileged",
                false,
                0,
                1,
                Text.same("secret reason of the hidden check"),
                Text.same("")));
    String xml = new JUnitReport(web).xml(grade("real", ds, 1, 2, 1));
    assertTrue(xml.contains("<property name=\"backend\" value=\"real\"/>"), xml);
    assertTrue(xml.contains("<property name=\"disagreements\" value=\"2\"/>"), xml);
    assertEquals(2, xml.split("name=\"simulator-points\"", -1).length - 1, xml);
    assertTrue(
        xml.contains("the real engine gave 1 of 3; the simulator gave 3 of 3</system-out>"), xml);
    // The hidden check passed on the engine but not on the simulator: a test case with output, no
    // failure, and the simulator's reason kept back.
    assertTrue(
        xml.contains("the real engine gave 1 of 1; the simulator gave 0 of 1</system-out>"), xml);
    assertTrue(!xml.contains("secret reason"), xml);
    assertTrue(xml.contains("failures=\"1\""), xml);
    // published agreed: a plain passed test case.
    assertTrue(xml.contains("name=\"published (2/2)\" time=\"0\"/>"), xml);
  }

  @Test
  void xml_noDisagreement_hasNoSimulatorPointsOrOutput() {
    String xml = new JUnitReport(web).xml(grade("sim", List.of(), 3, 0, 1));
    assertTrue(xml.contains("<property name=\"backend\" value=\"sim\"/>"), xml);
    assertTrue(xml.contains("<property name=\"disagreements\" value=\"0\"/>"), xml);
    assertTrue(!xml.contains("simulator-points"), xml);
    assertTrue(!xml.contains("<system-out>"), xml);
    assertTrue(xml.contains("<failure message=\"engine says no 1\" type=\"failed\">"), xml);
  }
}
