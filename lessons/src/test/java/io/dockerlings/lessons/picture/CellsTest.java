package io.dockerlings.lessons.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void wrap_closingPunctuationThatDoesNotFit_takesTheWordBeforeItAlong() {
    assertEquals(List.of("ab", "/new.txt，", "cd"), Cells.wrap("ab /new.txt，cd", 11));
    assertEquals(List.of("一二", "三，"), Cells.wrap("一二三，", 6));
    String copyUp = "镜像层是只读的。这个容器向 /etc/passwd 追加内容、删除 /etc/group、写入 /new.txt，" + "这些都落在它自己的可写层里。";
    for (String line : Cells.wrap(copyUp, 80)) {
      assertTrue(Cells.width(line) <= 80, line);
    }
  }
}
