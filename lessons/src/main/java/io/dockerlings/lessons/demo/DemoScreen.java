package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.measure.Value;
import io.dockerlings.lessons.picture.Cells;
import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a demo's screen as text, shared by the presenter and the handouts: the header, the
 * narrative and question, each command's output (the model's and the engine's, side by side on a
 * wide screen or one under the other), and the prediction against the measurement.
 */
public final class DemoScreen {
  static final Text STEP = new Text("step {n}/{of}", "第 {n}/{of} 步");
  static final Text ENGINE_ON = new Text("model + real engine", "模拟器 + 真实引擎");
  static final Text ENGINE_OFF = new Text("model only", "仅模拟器");
  static final Text MODEL = new Text("model", "模拟器");
  static final Text ENGINE = new Text("engine", "引擎");
  static final Text PREDICTED = new Text("model's answer", "模拟器的答案");
  static final Text MEASURED = new Text("engine measured", "引擎实测");
  static final Text WITHIN = new Text("within {t} of the model", "与模拟器相差在 {t} 以内");
  static final Text OUTSIDE = new Text("NOT within {t} of the model", "与模拟器相差超过 {t}");
  static final Text SAME = new Text("same as the model", "与模拟器相同");
  static final Text DIFFERENT = new Text("NOT the same as the model", "与模拟器不同");
  static final Text MORE = new Text("... {n} more lines", "……还有 {n} 行");
  static final Text NOTHING = new Text("(nothing)", "（无）");
  static final Text NONE = new Text("none", "无");
  static final Text KEYS =
      new Text(
          "Enter/space next · b back · r rerun · p engine · z large · a auto · q quit",
          "Enter/空格 下一步 · b 上一步 · r 重做 · p 引擎 · z 大字 · a 自动 · q 退出");

  static final Text PAGE = new Text("page {p}/2", "第 {p}/2 页");
  static final Text KEYS_FIRST_PAGE =
      new Text(
          "Enter/space page 2 · b back · r rerun · p engine · z large · a auto · q quit",
          "Enter/空格 第 2 页 · b 上一步 · r 重做 · p 引擎 · z 大字 · a 自动 · q 退出");
  static final Text KEYS_SECOND_PAGE =
      new Text(
          "Enter/space next · b page 1 · r rerun · p engine · z large · a auto · q quit",
          "Enter/空格 下一步 · b 第 1 页 · r 重做 · p 引擎 · z 大字 · a 自动 · q 退出");

  private DemoScreen() {}

  /** {@code cpu-shares · step 2/4 · model only}. */
  public static String header(Demo demo, int index, boolean engineOn, Style style) {
    return header(demo, index, 0, engineOn, style);
  }

  /**
   * {@code build-cache · step 3/3 · page 2/2 · model only}: the header of page {@code page} (1 or
   * 2) of a step shown on two pages, or of the only page when {@code page} is 0.
   */
  public static String header(Demo demo, int index, int page, boolean engineOn, Style style) {
    String h =
        demo.id()
            + " \u00b7 "
            + style
                .say(STEP)
                .replace("{n}", Integer.toString(index + 1))
                .replace("{of}", Integer.toString(demo.steps().size()))
            + (page > 0 ? " \u00b7 " + style.say(PAGE).replace("{p}", Integer.toString(page)) : "")
            + " \u00b7 "
            + style.say(engineOn ? ENGINE_ON : ENGINE_OFF);
    String title = " \u00b7 " + style.say(demo.title());
    if (Cells.width(h + title) <= style.width()) {
      h += title;
    }
    return style.bold(Cells.cut(h, style.width())) + "\n";
  }

  /** The presenter's keys, one line. */
  public static String keys(Style style) {
    return keys(style, 0);
  }

  /**
   * The presenter's keys on page {@code page} of a step shown on two pages (Enter leads from the
   * first to the second, b back from the second to the first), or on a one-page step (0).
   */
  public static String keys(Style style, int page) {
    Text k = page == 1 ? KEYS_FIRST_PAGE : page == 2 ? KEYS_SECOND_PAGE : KEYS;
    return style.dim(Cells.cut(style.say(k), style.width())) + "\n";
  }

  /** The narrative and, for a predict step, its question, wrapped at the width. */
  public static String narrative(DemoStep step, Style style) {
    StringBuilder b = new StringBuilder();
    Cells.wrap(style.say(step.say()), style.width()).forEach(l -> b.append(l).append('\n'));
    step.question()
        .ifPresent(
            q ->
                Cells.wrap("? " + style.say(q), style.width())
                    .forEach(l -> b.append(style.bold(l)).append('\n')));
    return b.toString();
  }

  /** A command as the prompt shows it. */
  public static String prompt(DemoCommand c, Style style) {
    String[] lines = c.shown().split("\n");
    StringBuilder b = new StringBuilder();
    List<String> first = Cells.wrap(lines[0], style.width() - 4);
    for (int i = 0; i < first.size(); i++) {
      b.append(i == 0 ? style.green("$ ") : "    ").append(style.bold(first.get(i))).append('\n');
    }
    for (int i = 1; i < lines.length; i++) {
      b.append(style.dim("> ")).append(style.bold(lines[i])).append('\n');
    }
    return b.toString();
  }

  /**
   * Command {@code i}'s output: the model's, and under it or beside it the engine's; at most {@code
   * maxLines} lines each.
   */
  public static String output(
      DemoRun.StepResult r, int i, Style style, boolean sideBySide, int maxLines) {
    List<String> model = lines(r.model().results().get(i), style, maxLines);
    if (r.engine().isEmpty()) {
      StringBuilder b = new StringBuilder();
      model.forEach(l -> b.append(Cells.cut(l, style.width())).append('\n'));
      return b.toString();
    }
    List<String> engine = lines(r.engine().get().results().get(i), style, maxLines);
    return columns(model, engine, style, sideBySide);
  }

  /**
   * Every command's output, made to fit {@code rows} rows in all: as many lines of each as fit (at
   * least two), else one row per command with its first line and how many more there are.
   */
  public static List<String> outputs(
      DemoRun.StepResult r, Style style, boolean sideBySide, int rows) {
    int n = r.step().commands().size();
    for (int most = Math.max(2, Math.min(rows, 200)); most >= 2; most--) {
      List<String> blocks = new ArrayList<>();
      int used = 0;
      for (int i = 0; i < n; i++) {
        String b = output(r, i, style, sideBySide, most);
        blocks.add(b);
        used += rows(b);
      }
      if (used <= rows) {
        return blocks;
      }
    }
    List<String> rowsEach = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rowsEach.add(outputRow(r, i, style));
    }
    return rowsEach;
  }

  /** How many rows a block of lines takes. */
  public static int rows(String block) {
    return (int) block.chars().filter(c -> c == '\n').count();
  }

  /**
   * Command {@code i}'s output in one row: the first line of the model's (and of the engine's,
   * beside it) with the number of lines left out.
   */
  public static String outputRow(DemoRun.StepResult r, int i, Style style) {
    if (r.engine().isEmpty()) {
      return side(style.model("\u2500 "), r.model().results().get(i), style, style.width()) + "\n";
    }
    int half = (style.width() - 3) / 2;
    return Cells.pad(
            side(
                style.model("\u2500 " + style.say(MODEL) + " "),
                r.model().results().get(i),
                style,
                half),
            half)
        + " \u2502 "
        + side(
            style.engine("\u2500 " + style.say(ENGINE) + " "),
            r.engine().get().results().get(i),
            style,
            half)
        + "\n";
  }

  /**
   * A label, the first line of a result cut to fit {@code columns}, and, when there are more lines,
   * how many ({@code (+5)}).
   */
  private static String side(String label, CommandResult r, Style style, int columns) {
    List<String> all = lines(r, style, Integer.MAX_VALUE);
    String more = all.size() > 1 ? " (+" + (all.size() - 1) + ")" : "";
    int room = Math.max(1, columns - Cells.width(label) - Cells.width(more));
    return label + Cells.cut(all.get(0), room) + style.dim(more);
  }

  /** Two blocks labelled model and engine, side by side or one under the other. */
  public static String columns(
      List<String> model, List<String> engine, Style style, boolean sideBySide) {
    StringBuilder b = new StringBuilder();
    String ml = style.say(MODEL);
    String el = style.say(ENGINE);
    if (sideBySide) {
      int half = (style.width() - 3) / 2;
      b.append(style.model(Cells.pad("\u2500 " + ml + " ", half)))
          .append(" \u2502 ")
          .append(style.engine("\u2500 " + el))
          .append('\n');
      for (int k = 0; k < Math.max(model.size(), engine.size()); k++) {
        String l = k < model.size() ? model.get(k) : "";
        String e = k < engine.size() ? engine.get(k) : "";
        b.append(Cells.pad(l, half)).append(" \u2502 ").append(Cells.cut(e, half)).append('\n');
      }
      return b.toString();
    }
    if (model.size() == 1 && engine.size() == 1) {
      int w = Math.max(Cells.width(ml), Cells.width(el)) + 3;
      b.append(style.model(Cells.pad("\u2500 " + ml, w)))
          .append(Cells.cut(model.get(0), style.width() - w))
          .append('\n');
      b.append(style.engine(Cells.pad("\u2500 " + el, w)))
          .append(Cells.cut(engine.get(0), style.width() - w))
          .append('\n');
      return b.toString();
    }
    b.append(style.model("\u2500 " + ml)).append('\n');
    model.forEach(l -> b.append(Cells.cut(l, style.width())).append('\n'));
    b.append(style.engine("\u2500 " + el)).append('\n');
    engine.forEach(l -> b.append(Cells.cut(l, style.width())).append('\n'));
    return b.toString();
  }

  private static List<String> lines(CommandResult r, Style style, int maxLines) {
    List<String> out = new ArrayList<>();
    // In the order the engine wrote them: a pull's progress (stderr) comes before the id (stdout).
    for (CommandResult.Chunk c : r.inOrder()) {
      if (c.err()) {
        c.text().lines().filter(l -> !l.isBlank()).forEach(l -> out.add(style.red(l)));
      } else {
        c.text().lines().forEach(out::add);
      }
    }
    if (out.isEmpty()) {
      out.add(style.dim(style.say(NOTHING)));
    }
    if (out.size() > maxLines) {
      List<String> steps = buildSteps(out);
      if (steps.size() > maxLines - 1) {
        // Each step on one row with what the cache did for it, when the lines apart do not fit.
        steps = joinedSteps(steps);
        if (steps.size() == maxLines) {
          // Every step, one a row, fills the rows: the joined rows show it is a summary.
          return steps;
        }
      }
      if (!steps.isEmpty() && maxLines > 1) {
        // A cut build keeps what it is shown for: each step and whether the cache served it.
        List<String> cut = new ArrayList<>(steps.subList(0, Math.min(steps.size(), maxLines - 1)));
        String more = Integer.toString(out.size() - cut.size());
        cut.add(style.dim(style.say(MORE).replace("{n}", more)));
        return cut;
      }
      int more = out.size() - (maxLines - 1);
      List<String> cut = new ArrayList<>(out.subList(0, Math.max(0, maxLines - 1)));
      cut.add(style.dim(style.say(MORE).replace("{n}", Integer.toString(more))));
      return cut;
    }
    return out;
  }

  /**
   * The lines of a classic build's output that say what each step did: its {@code Step N/M} line
   * and the {@code Using cache} or {@code Running in} line under it; empty for other outputs.
   */
  static List<String> buildSteps(List<String> out) {
    List<String> keep = new ArrayList<>();
    boolean afterStep = false;
    for (String l : out) {
      if (l.startsWith("Step ") && l.matches("Step \\d+/\\d+ : .*")) {
        keep.add(l);
        afterStep = true;
      } else if (afterStep
          && (l.startsWith(" ---> Using cache") || l.startsWith(" ---> Running in"))) {
        keep.add(l);
        afterStep = false;
      }
    }
    return keep;
  }

  /**
   * The lines {@link #buildSteps} kept, with each {@code Using cache} or {@code Running in} line
   * joined to the end of its step's line: {@code Step 2/4 : RUN echo one > /one ---> Using cache}.
   */
  static List<String> joinedSteps(List<String> steps) {
    List<String> joined = new ArrayList<>();
    for (String l : steps) {
      if (l.startsWith(" ---> ") && !joined.isEmpty()) {
        joined.set(joined.size() - 1, joined.get(joined.size() - 1) + " " + l);
      } else {
        joined.add(l);
      }
    }
    return joined;
  }

  /**
   * The step's picture: the model's, and beside it the engine's when it has its own; when there is
   * no room beside, the engine's alone.
   */
  public static String picture(DemoRun.StepResult r, Style style, boolean sideBySide) {
    Optional<String> m = r.model().picture();
    Optional<String> e = r.engine().flatMap(DemoRun.Side::picture);
    if (m.isEmpty()) {
      return "";
    }
    if (e.isEmpty()) {
      return m.get();
    }
    if (!sideBySide) {
      // One under the other would not fit a small screen: the engine's, the real one, is shown.
      return e.get();
    }
    return columns(m.get().lines().toList(), e.get().lines().toList(), style, sideBySide);
  }

  /** The model's answer, the engine's measurement and whether it lies within the tolerance. */
  public static String values(DemoRun.StepResult r, Style style) {
    if (r.model().value().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    String unit = style.say(r.step().unit());
    b.append(style.model("\u25b6 " + style.say(PREDICTED) + colon(style)))
        .append(style.bold(shown(r.model().value().get(), style) + unit))
        .append('\n');
    r.engine()
        .flatMap(DemoRun.Side::value)
        .ifPresent(
            v -> {
              boolean ok = r.agrees().orElse(false);
              String t = r.step().tolerance().shown();
              b.append(style.engine("\u25b6 " + style.say(MEASURED) + colon(style)))
                  .append(style.bold(shown(v, style) + unit))
                  .append("  ")
                  .append(
                      ok
                          ? style.green("\u2714 " + verdict(r, style, WITHIN, SAME, t))
                          : style.red("\u2718 " + verdict(r, style, OUTSIDE, DIFFERENT, t)))
                  .append('\n');
            });
    r.step()
        .explain()
        .ifPresent(
            x -> Cells.wrap(style.say(x), style.width()).forEach(l -> b.append(l).append('\n')));
    return b.toString();
  }

  private static String verdict(
      DemoRun.StepResult r, Style style, Text tolerated, Text exact, String t) {
    return r.step().tolerance().amount() == 0
        ? style.say(exact)
        : style.say(tolerated).replace("{t}", t);
  }

  /** A colon after a label: full-width in Chinese. */
  static String colon(Style style) {
    return style.lang() == io.dockerlings.lessons.text.Lang.ZH ? "：" : ": ";
  }

  private static String shown(Value v, Style style) {
    return shown(v, style.lang());
  }

  /**
   * A value as the screen and the handout show it: {@code -} for nothing, lines joined, and the
   * word {@code none} (no step rebuilt) in the reader's language.
   */
  static String shown(Value v, io.dockerlings.lessons.text.Lang lang) {
    if (v.text().equals("none")) {
      return NONE.in(lang);
    }
    return v.text().isEmpty() ? "-" : v.text().replace("\n", " / ");
  }
}
