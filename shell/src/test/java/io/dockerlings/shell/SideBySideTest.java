package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.shell.SideBySide.Comparison;
import io.dockerlings.shell.SideBySide.Row;
import io.dockerlings.shell.SideBySide.Stream;
import io.dockerlings.simulator.CommandResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SideBySideTest {
  private final SideBySide sideBySide = new SideBySide(OutputNormalizer.standard());

  private Comparison compareFixture(String name) {
    return sideBySide.compare(CompareFixtures.simulator(name), CompareFixtures.engine(name));
  }

  private static String stripAnsi(String s) {
    return s.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  @Test
  void compare_identicalResults_areTheSameOutput() {
    CommandResult r = CommandResult.of(0, "hello\n", "");
    assertEquals("same output", sideBySide.compare(r, r).verdict());
  }

  @Test
  void compare_realPsA_isTheSameAfterNormalisingWhatMustDiffer() {
    Comparison c = compareFixture("ps-a");
    assertEquals(0, c.differingLines());
    assertEquals("same after normalising ids, times, names, ports", c.verdict());
  }

  @Test
  void compare_sizesBothSidesAgreeOn_areNotNamedInTheVerdict() {
    Comparison c =
        sideBySide.compare(
            CommandResult.of(0, "a1b2c3d4e5f6   1.98MB\n", ""),
            CommandResult.of(0, "0f9e8d7c6b5a   1.98MB\n", ""));
    assertEquals("same after normalising ids", c.verdict());
  }

  @Test
  void compare_columnWidthsOnly_areSaidToBeSo() {
    Comparison c =
        sideBySide.compare(
            CommandResult.of(0, "NAME   STATUS\nweb    Created\n", ""),
            CommandResult.of(0, "NAME      STATUS\nweb       Created\n", ""));
    assertEquals("same after normalising column widths", c.verdict());
  }

  @Test
  void compare_realImages_engineOnlyRowStandsAlone() {
    Comparison c = compareFixture("images");
    assertEquals("differs in 1 line", c.verdict());
    Row registry = c.rows().get(1);
    assertEquals(Optional.empty(), registry.left());
    assertTrue(registry.right().orElseThrow().startsWith("registry     2 "));
    assertFalse(c.rows().get(2).differs());
  }

  @Test
  void compare_realDiff_otherOrderDiffers_andCommonLinesStayPaired() {
    // The engine listed /tmp first, the simulator sorts by path: 3 lines in common of 7.
    Comparison c = compareFixture("diff");
    assertEquals("differs in 8 lines", c.verdict());
    assertEquals(3, c.rows().stream().filter(r -> !r.differs()).count());
  }

  @Test
  void compare_longEqualOutputs_alignWithoutTheQuadraticTable() {
    // 5,000 lines a side would need 25 million cells; equal heads and tails are paired first.
    String body = "line\n".repeat(5000);
    Comparison c =
        sideBySide.compare(
            CommandResult.of(0, "a\n" + body + "z\n", ""),
            CommandResult.of(0, "b\n" + body + "z\n", ""));
    assertEquals(5002, c.rows().size());
    assertEquals("differs in 1 line", c.verdict());
  }

  @Test
  void compare_realPull_namesTheExitCodes() {
    Comparison c = compareFixture("pull");
    assertTrue(c.exitDiffers());
    assertTrue(c.verdict().endsWith(", exit code 0 vs 1"), c.verdict());
  }

  @Test
  void compare_sameOutputOtherExitCode_saysSo() {
    Comparison c = sideBySide.compare(CommandResult.of(0, "", ""), CommandResult.of(137, "", ""));
    assertEquals("same output, but exit code 0 vs 137", c.verdict());
  }

  @Test
  void compare_stderrRowsComeAfterStdoutRows() {
    Comparison c = compareFixture("logs-t");
    assertEquals(
        List.of(Stream.STDOUT, Stream.STDERR), c.rows().stream().map(Row::stream).toList());
  }

  private static final Comparison OLD_NEW =
      new SideBySide(OutputNormalizer.standard())
          .compare(CommandResult.of(0, "same\nold\n", ""), CommandResult.of(0, "same\nnew\n", ""));

  @Test
  void render_wide_putsTheSidesInTwoColumns_andMarksDifferingLines() {
    List<String> lines =
        sideBySide.render(OLD_NEW, "simulator", "engine", 100, false).lines().toList();
    assertEquals("  simulator (exit 0)" + " ".repeat(29) + " | engine (exit 0)", lines.get(0));
    assertEquals("  " + "-".repeat(47) + "-+-" + "-".repeat(47), lines.get(1));
    assertEquals("  same" + " ".repeat(43) + " | same", lines.get(2));
    assertEquals("! old" + " ".repeat(44) + " | new", lines.get(3));
    assertEquals("=> differs in 1 line", lines.get(4));
    assertEquals(5, lines.size());
  }

  @Test
  void render_wide_wrapsAtSpaces_whenThereIsOne() {
    Comparison c =
        sideBySide.compare(
            CommandResult.of(0, "a".repeat(40) + " " + "b".repeat(20) + "\n", ""),
            CommandResult.of(0, "", ""));
    List<String> lines = sideBySide.render(c, "simulator", "engine", 100, false).lines().toList();
    assertEquals("! " + "a".repeat(40) + " ".repeat(7) + " |", lines.get(2));
    assertEquals(
        "  " + "b".repeat(20), lines.get(3).stripTrailing().replace(" |", "").stripTrailing());
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 120, 200})
  void render_wide_neverExceedsTheWidth(int width) {
    for (String fixture : List.of("ps-a-notrunc", "inspect", "top", "pull")) {
      String out = sideBySide.render(compareFixture(fixture), "simulator", "engine", width, true);
      for (String line : stripAnsi(out).lines().toList()) {
        assertTrue(line.length() <= width, fixture + ": " + line);
      }
    }
  }

  @Test
  void render_wide_wrapsLongLines_andMarksOnlyTheFirstPiece() {
    Comparison c =
        sideBySide.compare(
            CommandResult.of(0, "x".repeat(60) + "\n", ""),
            CommandResult.of(0, "y".repeat(60) + "\n", ""));
    List<String> lines = sideBySide.render(c, "simulator", "engine", 100, false).lines().toList();
    assertEquals("! " + "x".repeat(47) + " | " + "y".repeat(47), lines.get(2));
    assertEquals("  " + "x".repeat(13) + " ".repeat(34) + " | " + "y".repeat(13), lines.get(3));
  }

  @Test
  void render_narrow_stacksTheSides() {
    String out = sideBySide.render(compareFixture("pull"), "simulator", "engine", 80, false);
    List<String> lines = out.lines().toList();
    assertEquals("! == simulator (exit 0) ==", lines.get(0));
    assertEquals("  Using default tag: latest", lines.get(1));
    assertEquals("! latest: Pulling from library/alpine", lines.get(2));
    int engine = lines.indexOf("! == engine (exit 1) ==");
    assertTrue(engine > 0, out);
    assertEquals("  Using default tag: latest", lines.get(engine + 1));
    assertTrue(lines.get(engine + 2).startsWith("! [err] Error response from daemon: Get "));
    for (String line : lines) {
      assertTrue(line.length() <= 80, line);
    }
  }

  @Test
  void render_stderrLines_arePrefixed() {
    String out = sideBySide.render(compareFixture("logs-t"), "simulator", "engine", 120, false);
    assertTrue(out.lines().anyMatch(l -> l.startsWith("  [err] ") && l.endsWith(" oops")), out);
  }

  @Test
  void render_color_highlightsOnlyDifferingLines() {
    String plain = sideBySide.render(OLD_NEW, "simulator", "engine", 100, false);
    String colored = sideBySide.render(OLD_NEW, "simulator", "engine", 100, true);
    assertFalse(plain.contains("\u001b"));
    assertEquals(plain, stripAnsi(colored));
    List<String> lines = colored.lines().toList();
    assertFalse(lines.get(2).contains("\u001b"), lines.get(2));
    assertTrue(
        lines.get(3).startsWith("\u001b[1;31m!\u001b[0m \u001b[33mold\u001b[0m"), lines.get(3));
    assertTrue(lines.get(3).endsWith(" | \u001b[33mnew\u001b[0m"), lines.get(3));
  }

  @Test
  void render_escapeCodesAndTabsInOutput_doNotBreakTheColumns() {
    Comparison c =
        sideBySide.compare(
            CommandResult.of(0, "\u001b[2J\u001b[Ha\tb\n", ""), CommandResult.of(0, "a\tb\n", ""));
    List<String> lines = sideBySide.render(c, "sim", "engine", 100, false).lines().toList();
    assertEquals("! a       b" + " ".repeat(38) + " | a       b", lines.get(2));
  }

  @Test
  void render_chineseLabels_takeTwoColumnsPerCharacter() {
    CommandResult r = CommandResult.of(0, "", "");
    String out = sideBySide.render(sideBySide.compare(r, r), "模拟器", "引擎", 100, false);
    String head = out.lines().findFirst().orElseThrow();
    // "模拟器 (exit 0)" takes 15 columns in 12 chars: 32 spaces fill its 47-column side.
    assertEquals("  模拟器 (exit 0)" + " ".repeat(32) + " | 引擎 (exit 0)", head);
  }

  @Test
  void render_tinyWidth_stillWraps() {
    String out = sideBySide.render(compareFixture("ps-a"), "simulator", "engine", 5, false);
    for (String line : out.lines().toList()) {
      assertTrue(line.length() <= 20, line);
    }
  }

  @Test
  void wrap_breaksBetweenChineseCharacters_neverBeforeClosingPunctuation() {
    String note =
        "! [err] dockerlings：cmp 仍在运行。真实的 docker" + " 客户端会一直附着在容器上，直到按下 Ctrl-C；模拟器在模拟时间过去 10 秒后返回。";
    List<String> pieces = SideBySide.wrap(note, 76);
    // The first piece is filled, not cut at the space before a run of Chinese text.
    assertEquals("! [err] dockerlings：cmp 仍在运行。真实的 docker 客户端会一直附着在容器上，", pieces.get(0));
    for (String piece : pieces) {
      assertTrue(!piece.isEmpty() && "，。；）".indexOf(piece.charAt(0)) < 0, piece);
    }
    assertEquals(note.replace(" ", ""), String.join("", pieces).replace(" ", ""));
    // English still wraps at spaces only.
    assertEquals(
        List.of("a".repeat(40), "b".repeat(20)),
        SideBySide.wrap("a".repeat(40) + " " + "b".repeat(20), 47));
  }

  @Test
  void verdict_inChinese_saysTheSameInChinese_andEnglishStaysAsBefore() {
    Messages zh = Messages.forLanguage("zh-CN").orElseThrow();
    CommandResult r = CommandResult.of(0, "same\n", "");
    assertEquals("输出相同", sideBySide.compare(r, r).verdict(zh));
    Comparison c =
        sideBySide.compare(CommandResult.of(0, "old\n", ""), CommandResult.of(1, "new\n", ""));
    assertEquals("differs in 1 line, exit code 0 vs 1", c.verdict());
    assertEquals("有 1 行不同，退出码 0 对 1", c.verdict(zh));
    String out = sideBySide.render(c, "模拟器", "真实引擎", 100, false, zh);
    assertTrue(out.endsWith("=> 有 1 行不同，退出码 0 对 1\n"), out);
  }
}
