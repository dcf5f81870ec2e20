package io.dockerlings.lessons.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedMatchTest {
  private static Step.Recorded stdout(String out, Tolerance t) {
    return new Step.Recorded(0, List.of(new CommandResult.Chunk(false, out)), t);
  }

  @Test
  void sameLines_andOtherIds_agree() {
    Step.Recorded r = stdout("3ee58fc8b71e running\n", Tolerance.EXACT);
    assertEquals(List.of(), RecordedMatch.differences(r, 0, "noise\n0123456789ab running\n"));
  }

  @Test
  void otherExitCode_isADifference() {
    Step.Recorded r = stdout("x\n", Tolerance.EXACT);
    assertEquals(
        List.of("exits 1 where the engine exited 0"), RecordedMatch.differences(r, 1, "x\n"));
  }

  @Test
  void numberWithinRelativeTolerance_agrees_andOutsideIt_differs() {
    Step.Recorded r = stdout("high 64.79%\nlow 32.38%\n", new Tolerance(0.15, true));
    assertEquals(List.of(), RecordedMatch.differences(r, 0, "high 66.67%\nlow 33.33%\n"));
    assertEquals(
        List.of("does not print the recorded line: low 32.38% (within 15%)"),
        RecordedMatch.differences(r, 0, "high 66.67%\nlow 20.00%\n"));
  }

  @Test
  void withoutTolerance_anotherNumber_differs() {
    Step.Recorded r = stdout("size 2.048kB\n", Tolerance.EXACT);
    assertEquals(
        List.of("does not print the recorded line: size 2.048kB"),
        RecordedMatch.differences(r, 0, "size 2.049kB\n"));
  }

  @Test
  void absoluteTolerance_boundsEveryNumberOfTheLine_andTheWordsMustMatch() {
    Step.Recorded r = stdout("a 10 b 20\n", new Tolerance(2, false));
    assertEquals(List.of(), RecordedMatch.differences(r, 0, "a 12 b 18\n"));
    assertEquals(1, RecordedMatch.differences(r, 0, "a 12 b 23\n").size());
    assertEquals(1, RecordedMatch.differences(r, 0, "a 10 c 20\n").size());
  }

  @Test
  void tolerance_describesItselfAsWritten() {
    assertEquals("15%", new Tolerance(0.15, true).describe());
    assertEquals("2.5", new Tolerance(2.5, false).describe());
  }
}
