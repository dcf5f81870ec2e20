package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisagreementsTest {
  private final Exercise web = GradingFixtures.web();

  private List<CheckResult> results(int... earned) {
    List<Check> checks = web.checks();
    return java.util.stream.IntStream.range(0, checks.size())
        .mapToObj(
            i ->
                new CheckResult(
                    checks.get(i),
                    "serve",
                    earned[i],
                    earned[i] == checks.get(i).points() ? Text.same("") : Text.same("why " + i)))
        .toList();
  }

  @Test
  void of_sameScores_agree() {
    assertEquals(List.of(), Disagreements.of(results(3, 2, 1), results(3, 2, 1)));
    assertEquals(Optional.empty(), Disagreements.note(List.of()));
  }

  @Test
  void of_differentScores_namesVisibleAndCountsHidden() {
    List<Disagreement> ds = Disagreements.of(results(3, 2, 1), results(1, 2, 0));
    assertEquals(2, ds.size());
    assertEquals(
        new Disagreement("web-running", true, 3, 1, Text.same(""), Text.same("why 0")), ds.get(0));
    String note = Disagreements.note(ds).get().en();
    assertTrue(note.contains("web-running (3 → 1)"), note);
    assertTrue(note.contains("1 hidden"), note);
    assertTrue(!note.contains("no-privileged"), "a hidden check is never named: " + note);
  }

  @Test
  void commands_differentExits_listed() {
    List<CommandOutcome> sim =
        List.of(
            new CommandOutcome(1, "docker a", 0, "", false, 0),
            new CommandOutcome(2, "docker b", 0, "", false, 0));
    List<CommandOutcome> eng =
        List.of(
            new CommandOutcome(1, "docker a", 0, "", false, 0),
            new CommandOutcome(2, "docker b", 1, "", false, 0));
    assertEquals(
        "1 command(s) ended otherwise on the real engine (simulator → engine): #2 docker b (0 → 1)",
        Disagreements.commands(sim, eng).get().en());
    assertEquals(Optional.empty(), Disagreements.commands(sim, sim));
  }
}
