package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WrapTest {
  @Test
  void wrap_englishBreaksBetweenWords_keepingTheIndent() {
    assertEquals("  one two three four\n  five", Wrap.wrap("  one two three four five", 20));
    assertEquals("（一二三四五六七八）", Wrap.wrap("（一二三四五六七八）", 20).replace("\n", ""));
    assertTrue(!Wrap.wrap("一二三四五六七八九，", 20).contains("\n，"));
  }

  @Test
  void wrap_chineseBreaksBetweenCharacters_countingTwoColumnsEach() {
    String zh = "容器运行一条命令，并记住它的退出码。这是第二句话，也很长。";
    String wrapped = Wrap.wrap(zh, 20);
    for (String line : wrapped.split("\n")) {
      assertTrue(Wrap.width(line) <= 20, line);
    }
    assertEquals(zh, wrapped.replace("\n", ""));
  }

  @Test
  void wrap_keepsShortLinesAndNewlines_andLeavesNarrowTerminalsAlone() {
    assertEquals("a\nb", Wrap.wrap("a\nb", 80));
    assertEquals("x ".repeat(20), Wrap.wrap("x ".repeat(20), 10));
  }

  @Test
  void wrap_closingMarkAfterALatinWord_neverStartsALine() {
    String zh = "在这里创建的文件（手工编辑、docker cp、save、export）都是真实文件，所有模式共用。";
    for (int width = 20; width <= 80; width++) {
      for (String line : Wrap.wrap(zh, width).split("\n")) {
        assertTrue(!line.startsWith("）") && !line.startsWith("，"), width + ": " + line);
      }
    }
  }
}
