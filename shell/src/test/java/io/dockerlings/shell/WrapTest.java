package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  @Test
  void wrap_aPlaceholderInAngleBrackets_staysWhole_evenInChinese() {
    // Seen in tmux at 80 columns: "（answer <值" ended a line and ">）" began the next.
    String zh = "随便猜一个就行：预测是拿来和模型算出的结果对照的，猜错不扣分。先回答（answer <值>），再运行这一步的命令。";
    for (int width = 20; width <= 80; width++) {
      String w = Wrap.wrap(zh, width);
      assertTrue(w.contains("<值>"), width + ": " + w);
      assertEquals(zh.replace(" ", ""), w.replace("\n", "").replace(" ", ""));
    }
    assertEquals("a -> b", Wrap.wrap("a -> b", 80));
  }

  @Test
  void wrapHanging_keepsLatinWordsWhole_andHangsUnderTheIndent() {
    assertEquals("> one two\n  three\n", Wrap.wrap("one two three", "> ", "  ", 10));
  }

  @Test
  void wrapHanging_countsChineseAsTwoColumns_andNeverStartsALineWithClosingPunctuation() {
    String s = Wrap.wrap("容器名不能重复，已停止的容器仍然占用名字。", "", "", 12);
    for (String line : s.split("\n")) {
      assertTrue(Wrap.width(line) <= 12, line);
      assertFalse(line.startsWith("，") || line.startsWith("。"), s);
    }
    assertEquals("容器名不能重复，已停止的容器仍然占用名字。", s.replace("\n", ""));
  }

  @Test
  void wrapHanging_neverSplitsANumberWithItsUnit() {
    String s = Wrap.wrap("引擎不接受低于 6MB 的内存限额", "", "", 16);
    assertTrue(s.contains("6MB"), s);
  }

  @Test
  void width_ofMixedText() {
    assertEquals(6, Wrap.width("ab中文"));
  }

  /** Every message of the REPL, in both languages, at 40, 80 and 200 columns. */
  @Test
  void everyReplMessage_fitsTheWidth_neverSplitsAWord_andNoLineStartsWithClosingPunctuation() {
    for (String lang : Messages.LANGUAGES) {
      java.util.ResourceBundle bundle =
          java.util.ResourceBundle.getBundle(
              "io.dockerlings.shell.messages", java.util.Locale.forLanguageTag(lang));
      for (String key : bundle.keySet()) {
        String text = bundle.getString(key).replace("''", "'");
        for (int width : new int[] {40, 80, 200}) {
          String wrapped = Wrap.wrap(text, width);
          for (String line : wrapped.split("\n")) {
            boolean oneToken =
                !line.strip().contains(" ") && !line.codePoints().anyMatch(Wrap::wide);
            assertTrue(
                Wrap.width(line) <= width || oneToken,
                lang + " " + key + " " + width + ": " + line);
            assertFalse(line.matches("^[，。；：）」、！？].*"), lang + " " + key + ": " + line);
            assertFalse(line.matches(".*[（「(\\[]$"), lang + " " + key + ": " + line);
          }
          assertEquals(
              words(text),
              words(wrapped),
              lang + " " + key + " " + width + " lost or split a word");
        }
      }
    }
  }

  private static java.util.List<String> words(String text) {
    // Chinese may break between any two characters, so each stands alone here.
    StringBuilder spaced = new StringBuilder();
    text.replace("\n", " ")
        .codePoints()
        .forEach(cp -> spaced.append(Wrap.wide(cp) ? " " : new String(Character.toChars(cp))));
    return java.util.Arrays.stream(spaced.toString().split(" +"))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  @Test
  void modeRealNote_at80Columns_breaksBetweenWords() {
    String note = Messages.forLanguage("en").orElseThrow().get("mode.real", "20.10.24+dfsg1");
    for (String line : Wrap.wrap(note, 80).split("\n")) {
      assertTrue(line.length() <= 80, line);
      assertFalse(line.startsWith("ine "), line);
    }
    assertTrue(Wrap.wrap(note, 80).contains("engine"), "the word that used to be split");
  }

  @Test
  void latinWordsJoinedByChineseMarks_breakAfterAMark() {
    String wrapped = Wrap.wrap("工具（docker、ls、cat、curl、ip、iptables、systemctl 等）。", 20);
    for (String line : wrapped.split("\n")) {
      assertTrue(Wrap.width(line) <= 20, wrapped);
      assertFalse(line.matches("^[，。；：）」、！？].*"), wrapped);
    }
    // Nothing lost but the space where a line breaks.
    assertEquals(
        "工具（docker、ls、cat、curl、ip、iptables、systemctl等）。",
        wrapped.replace("\n", "").replace(" ", ""));
    assertTrue(wrapped.contains("\n"), wrapped);
  }
}
