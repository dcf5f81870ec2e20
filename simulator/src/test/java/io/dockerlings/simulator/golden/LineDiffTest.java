package io.dockerlings.simulator.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void diff_equalTexts_isEmpty() {
    assertEquals(List.of(), LineDiff.diff(List.of("a", "b"), List.of("a", "b")));
  }

  @Test
  void diff_changedLine_showsBothSidesAroundCommonLines() {
    assertEquals(
        List.of("  a", "- b", "+ B", "  c"),
        LineDiff.diff(List.of("a", "b", "c"), List.of("a", "B", "c")));
  }

  @Test
  void diff_missingAndExtraLines_areMarked() {
    assertEquals(List.of("- a", "  b", "+ c"), LineDiff.diff(List.of("a", "b"), List.of("b", "c")));
    assertEquals(List.of("+ x"), LineDiff.diff(List.of(), List.of("x")));
    assertEquals(List.of("- x"), LineDiff.diff(List.of("x"), List.of()));
  }

  @Test
  void diff_hugeOutputs_areShownWhole() {
    List<String> a = Collections.nCopies(3000, "a");
    List<String> b = Collections.nCopies(3000, "b");
    List<String> diff = LineDiff.diff(a, b);
    assertEquals(6000, diff.size());
    assertEquals("- a", diff.get(0));
    assertEquals("+ b", diff.get(5999));
  }
}
