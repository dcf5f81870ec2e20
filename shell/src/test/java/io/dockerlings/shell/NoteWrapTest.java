package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoteWrapTest {
  @Test
  void wrap_keepsLatinWordsWhole_andHangsUnderTheIndent() {
    assertEquals("> one two\n  three\n", NoteWrap.wrap("one two three", "> ", "  ", 10));
  }

  @Test
  void wrap_countsChineseAsTwoColumns_andNeverStartsALineWithClosingPunctuation() {
    String s = NoteWrap.wrap("容器名不能重复，已停止的容器仍然占用名字。", "", "", 12);
    for (String line : s.split("\n")) {
      assertTrue(NoteWrap.columns(line) <= 12, line);
      assertFalse(line.startsWith("，") || line.startsWith("。"), s);
    }
    assertEquals("容器名不能重复，已停止的容器仍然占用名字。", s.replace("\n", ""));
  }

  @Test
  void wrap_neverSplitsANumberWithItsUnit() {
    String s = NoteWrap.wrap("引擎不接受低于 6MB 的内存限额", "", "", 16);
    assertTrue(s.contains("6MB"), s);
  }

  @Test
  void columns_ofMixedText() {
    assertEquals(6, NoteWrap.columns("ab中文"));
  }
}
