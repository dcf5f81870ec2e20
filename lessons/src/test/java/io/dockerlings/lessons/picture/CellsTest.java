package io.dockerlings.lessons.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellsTest {
  @Test
  void width_countsChineseAsTwoAndIgnoresColours() {
    assertEquals(4, Cells.width("模拟"));
    assertEquals(3, Cells.width("\u001b[1mabc\u001b[0m"));
  }

  @Test
  void cut_keepsColoursAndEndsWithAnEllipsis() {
    assertEquals("ab\u2026", Cells.cut("abcdef", 3));
    assertEquals("\u001b[1mab\u001b[0m\u2026", Cells.cut("\u001b[1mabcdef", 3));
    assertEquals("模\u2026", Cells.cut("模拟器", 4));
  }

  @Test
  void pad_fillsToTheWidth() {
    assertEquals("模  ", Cells.pad("模", 4));
    assertEquals("  ab", Cells.padLeft("ab", 4));
  }

  @Test
  void wrap_breaksAtSpacesAndKeepsEverySpaceInsideALine() {
    assertEquals(
        List.of("appends to /etc/passwd,", "deletes /etc/group and", "writes /new.txt"),
        Cells.wrap("appends to /etc/passwd, deletes /etc/group and writes /new.txt", 23));
  }

  @Test
  void wrap_breaksChineseBetweenCharactersButNeverBeforeClosingPunctuation() {
    assertEquals(List.of("一二三", "四，五"), Cells.wrap("一二三四，五", 6));
    assertEquals(List.of("abcd", "ef"), Cells.wrap("abcdef", 4));
  }
}
