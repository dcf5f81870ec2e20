package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CutAppletTest {
  @Test
  void ranges_openEnds_zero_andBackwardsRanges_followBusybox() {
    assertEquals(
        List.of(
            new CutApplet.Range(1, 3),
            new CutApplet.Range(5, Integer.MAX_VALUE),
            new CutApplet.Range(2, 2)),
        CutApplet.ranges("-3,5-,2"));
    assertEquals(List.of(new CutApplet.Range(1, 1)), CutApplet.ranges("0"));
    assertEquals(List.of(new CutApplet.Range(3, 3)), CutApplet.ranges("3-2"));
  }

  @Test
  void ranges_endFurtherBackThanTheStart_isRefusedInBusyboxWords() {
    assertEquals(
        "1<2",
        assertThrows(IllegalArgumentException.class, () -> CutApplet.ranges("3-1")).getMessage());
  }

  @Test
  void ranges_nonNumber_namesThePart() {
    assertEquals(
        "x", assertThrows(NumberFormatException.class, () -> CutApplet.ranges("1,x")).getMessage());
  }

  @Test
  void characters_areEachPrintedOnceInAscendingOrder() {
    assertEquals("abd", CutApplet.characters("abcdef", CutApplet.ranges("4,1-2")));
    assertEquals(
        "abcdefghijkl", CutApplet.characters("abcdefghijklmnop", CutApplet.ranges("1-12")));
  }

  @Test
  void fields_pickByPosition_joinWithTheOutputDelimiter_andMissingOnesAreEmpty() {
    assertEquals("a-c", CutApplet.fields("a:b:c", ':', "-", CutApplet.ranges("3,1")));
    assertEquals("", CutApplet.fields("a:b:c", ':', ":", CutApplet.ranges("5")));
  }
}
