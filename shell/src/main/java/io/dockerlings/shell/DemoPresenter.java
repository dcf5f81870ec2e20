package io.dockerlings.shell;

import io.dockerlings.lessons.demo.Demo;
import io.dockerlings.lessons.demo.DemoCommand;
import io.dockerlings.lessons.demo.DemoRun;
import io.dockerlings.lessons.demo.DemoScreen;
import io.dockerlings.lessons.demo.DemoStep;
import io.dockerlings.lessons.picture.CpuPicture;
import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Lang;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Presents a demo on the console one step at a time, at the teacher's pace: Enter or space for the
 * next step, b back, r rerun, p real engine on or off, z large layout, a auto-advance, q quit.
 * Commands are typed out at a readable speed, and while an engine works a spinner turns, with the
 * live CPU numbers while the real engine is read.
 */
final class DemoPresenter {
  /**
   * How the presenter paces itself.
   *
   * @param typeMillis pause between typed characters of a command (0: print it at once)
   * @param autoMillis pause before auto-advancing to the next step
   * @param samples how many times the real engine's CPU use is read
   */
  record Pace(long typeMillis, long autoMillis, int samples) {
    /** A live terminal: readable typing, 8 s between auto-advanced steps, 5 CPU readings. */
    static Pace live() {
      return new Pace(18, 8000, 5);
    }

    /** No waiting: for tests and pipes. */
    static Pace instant(int samples) {
      return new Pace(0, 0, samples);
    }
  }

  private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

  private final Console console;
  private final Lang lang;
  private final DemoRun.Engines engines;
  private final Pace pace;
  private boolean large;
  private boolean auto;

  /** The page shown of a step that takes two (1 or 2); 0 when it fits on one. */
  private int page;

  DemoPresenter(Console console, Lang lang, DemoRun.Engines engines, Pace pace) {
    this.console = console;
    this.lang = lang;
    this.engines = engines;
    this.pace = pace;
  }

  /** Presents {@code demo} until its end or q; returns the run, for the handout. */
  DemoRun present(Demo demo, boolean withEngine) {
    Console.Quiet quiet = console.quiet();
    try {
      return presentQuietly(demo, withEngine);
    } finally {
      quiet.close();
    }
  }

  private DemoRun presentQuietly(Demo demo, boolean withEngine) {
    DemoRun run = new DemoRun(demo, engines, withEngine, pace.samples());
    if (withEngine && !run.engineOn()) {
      console.err(say("no engine answers: the model only", "没有可用的引擎：只运行模拟器") + "\n");
    }
    int i = 0;
    boolean again = true;
    DemoRun.StepResult shown = null;
    while (i < demo.steps().size()) {
      if (again) {
        shown = step(run, i);
        if (shown == null) {
          return run;
        }
      }
      again = true;
      int key = console.readKey(auto ? Math.max(1, pace.autoMillis()) : 0);
      switch (key) {
        case '\n', '\r', ' ', Console.NO_KEY -> {
          if (page == 1) {
            // The step's second page: its picture and values, without running anything again.
            page = 2;
            redraw(run, i, shown);
            again = false;
          } else {
            i++;
          }
        }
        case 'b' -> {
          if (page == 2) {
            page = 1;
            redraw(run, i, shown);
            again = false;
          } else {
            i = Math.max(0, i - 1);
          }
        }
        case 'r' -> {
          // The same step again, on fresh engines.
        }
        case 'p' -> {
          boolean on = !run.engineOn();
          if (!run.engine(on)) {
            console.err(say("no engine answers", "没有可用的引擎") + "\n");
            again = false;
          }
        }
        case 'z' -> {
          large = !large;
          redraw(run, i, shown);
          again = false;
        }
        case 'a' -> auto = !auto;
        case 'q', 3, Console.END -> {
          return run;
        }
        default -> again = false;
      }
    }
    Style style = style();
    String end =
        say(
            "End of the demo. `demo export "
                + demo.id()
                + " --format html` writes a handout of this run.",
            "演示结束。`demo export " + demo.id() + " --format html` 会把这次运行写成讲义。");
    // Wrapped at the terminal's width, as everything the presenter says.
    io.dockerlings.lessons.picture.Cells.wrap(end, style.width())
        .forEach(l -> console.out(style.bold(l) + "\n"));
    return run;
  }

  private Style style() {
    int w = console.width();
    return new Style(lang, large ? w : Math.min(w, 200), console.colours());
  }

  private boolean sideBySide() {
    return !large && console.width() >= 160;
  }

  /** Runs and shows step {@code i}; null when the presenter was asked to quit meanwhile. */
  private DemoRun.StepResult step(DemoRun run, int i) {
    Style style = style();
    DemoStep step = run.demo().steps().get(i);
    if (console.live()) {
      console.clear();
    }
    String top =
        DemoScreen.header(run.demo(), i, run.engineOn(), style)
            + (roomy() ? "\n" : "")
            + DemoScreen.narrative(step, style);
    console.out(top);
    if (step.predicts() && !auto) {
      String hint = style.dim(say("(predict, then press Enter)", "（先预测，再按 Enter）")) + "\n";
      console.out(hint);
      int k = console.readKey(0);
      if (k == 'q' || k == Console.END || k == 3) {
        return null;
      }
      if (console.live()) {
        // The hint has done its work: its line goes, to leave the rows to the outputs.
        console.out("\u001b[1A\u001b[2K");
      } else {
        top += hint;
      }
    }
    if (roomy()) {
      console.out("\n");
      top += "\n";
    }
    DemoRun.StepResult r = null;
    int n = step.commands().size();
    List<String> blocks = List.of();
    page = 0;
    for (int c = 0; c < n; c++) {
      type(DemoScreen.prompt(step.commands().get(c), style));
      if (r == null) {
        r = execute(run, i, pictureStyle(run, style));
        page = twoPages(r, top, style) ? 1 : 0;
        if (page == 1 && console.live()) {
          // The header, written before the step ran, now says which page this is.
          String h = DemoScreen.header(run.demo(), i, 1, run.engineOn(), style);
          console.out("\u001b7\u001b[1;1H\u001b[2K" + h.substring(0, h.length() - 1) + "\u001b8");
        }
        blocks = DemoScreen.outputs(r, style, sideBySide(), room(r, top, style));
      }
      console.out(blocks.get(c));
    }
    if (r == null) {
      r = execute(run, i, pictureStyle(run, style));
    }
    console.out(page == 1 ? DemoScreen.keys(style, 1) : bottom(r, style));
    return r;
  }

  /**
   * Whether the step is shown on two pages: when it draws a picture, its outputs would be cut to
   * leave the picture and the values their rows, and on a first page of their own they would get
   * more. The first page then holds the commands and their outputs, the second the picture, the
   * values and the explanation.
   */
  private boolean twoPages(DemoRun.StepResult r, String top, Style style) {
    if (DemoScreen.picture(r, style, sideBySide()).isEmpty()) {
      // The values alone take a few rows and belong beside the output they are read from.
      return false;
    }
    String rest = bottom(r, style);
    int whole = 0;
    for (int c = 0; c < r.step().commands().size(); c++) {
      whole += DemoScreen.rows(DemoScreen.output(r, c, style, sideBySide(), Integer.MAX_VALUE));
    }
    int onePage = room(r, top, style, rest);
    return whole > onePage && room(r, top, style, DemoScreen.keys(style, 1)) > onePage;
  }

  /**
   * The rows left for the commands' outputs once the top of the screen, the prompts and the bottom
   * (picture, values, keys) have theirs, so that nothing scrolls off the screen.
   */
  private int room(DemoRun.StepResult r, String top, Style style) {
    return room(r, top, style, page == 1 ? DemoScreen.keys(style, 1) : bottom(r, style));
  }

  /** The rows left for the outputs under {@code top} and the prompts, above {@code below}. */
  private int room(DemoRun.StepResult r, String top, Style style, String below) {
    int prompts = 0;
    for (DemoCommand c : r.step().commands()) {
      prompts += DemoScreen.rows(DemoScreen.prompt(c, style));
    }
    return console.height() - DemoScreen.rows(top) - prompts - DemoScreen.rows(below) - 1;
  }

  /** What follows the outputs: the picture, the values and the keys. */
  private String bottom(DemoRun.StepResult r, Style style) {
    return bottom(r, style, 0);
  }

  /** The picture, the values and the keys of page {@code page} (0 for a one-page step). */
  private String bottom(DemoRun.StepResult r, Style style, int page) {
    String gap = roomy() ? "\n" : "";
    StringBuilder b = new StringBuilder();
    String picture = DemoScreen.picture(r, style, sideBySide());
    if (!picture.isEmpty()) {
      b.append(gap).append(picture);
    }
    String values = DemoScreen.values(r, style);
    if (!values.isEmpty()) {
      b.append(gap).append(values);
    }
    return b.append(gap).append(DemoScreen.keys(style, page)).toString();
  }

  /**
   * The style the pictures are drawn in: half the width when the engine's picture will stand beside
   * the model's, so that neither is cut.
   */
  private Style pictureStyle(DemoRun run, Style style) {
    if (!run.engineOn() || !sideBySide()) {
      return style;
    }
    return new Style(style.lang(), (style.width() - 3) / 2, style.colour());
  }

  /** Whether the terminal has rows to spare for blank lines between the parts of a step. */
  private boolean roomy() {
    return console.height() >= 30;
  }

  /**
   * Shows a step's last run again in the current layout, without running anything: its page {@link
   * #page}, or, when the layout changed whether it takes two pages, its first or only page.
   */
  private void redraw(DemoRun run, int i, DemoRun.StepResult r) {
    if (r == null) {
      return;
    }
    Style style = style();
    if (console.live()) {
      console.clear();
    }
    String gap = roomy() ? "\n" : "";
    String narrative = gap + DemoScreen.narrative(r.step(), style) + gap;
    boolean two =
        twoPages(r, DemoScreen.header(run.demo(), i, 1, run.engineOn(), style) + narrative, style);
    page = !two ? 0 : page == 2 ? 2 : 1;
    String top = DemoScreen.header(run.demo(), i, page, run.engineOn(), style) + narrative;
    console.out(top);
    if (page == 2) {
      console.out(bottom(r, style, 2));
      return;
    }
    List<String> blocks = DemoScreen.outputs(r, style, sideBySide(), room(r, top, style));
    for (int c = 0; c < r.step().commands().size(); c++) {
      console.out(DemoScreen.prompt(r.step().commands().get(c), style));
      console.out(blocks.get(c));
    }
    console.out(page == 1 ? DemoScreen.keys(style, 1) : bottom(r, style));
  }

  /** Types a command out character by character on a live terminal. */
  private void type(String text) {
    if (!console.live() || pace.typeMillis() <= 0) {
      console.out(text);
      return;
    }
    for (int k = 0; k < text.length(); ) {
      int end = text.offsetByCodePoints(k, 1);
      if (text.charAt(k) == '\u001b') {
        int m = text.indexOf('m', k);
        end = m < 0 ? text.length() : m + 1;
      }
      console.out(text.substring(k, end));
      k = end;
      sleep(pace.typeMillis());
    }
  }

  /** Runs the step, turning a spinner (and showing live CPU numbers) on a live terminal. */
  private DemoRun.StepResult execute(DemoRun run, int i, Style style) {
    AtomicReference<String> status = new AtomicReference<>("");
    DemoRun.Listener listener = (readings, n, of) -> status.set(live(readings, n, of));
    if (!console.live()) {
      return run.run(i, style, listener);
    }
    CompletableFuture<DemoRun.StepResult> work =
        CompletableFuture.supplyAsync(() -> run.run(i, style, listener));
    long start = System.nanoTime();
    int frame = 0;
    while (true) {
      try {
        DemoRun.StepResult r = work.get(120, TimeUnit.MILLISECONDS);
        console.out("\r\u001b[2K");
        return r;
      } catch (TimeoutException e) {
        long secs = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        String line =
            SPINNER[frame++ % SPINNER.length]
                + " "
                + say("the engines are working", "引擎正在运行")
                + " "
                + secs
                + "s  "
                + status.get();
        console.out(
            "\r\u001b[2K" + io.dockerlings.lessons.picture.Cells.cut(line, console.width() - 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return work.join();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** {@code reading 2/5: demo-hi 64.1% demo-lo 32.0%}. */
  private String live(CpuPicture.Readings readings, int n, int of) {
    StringBuilder b = new StringBuilder(say("reading", "读数") + " " + n + "/" + of + ":");
    for (CpuPicture.Row row : readings.rows()) {
      row.engine()
          .filter(v -> v > 0)
          .ifPresent(
              v ->
                  b.append("  ")
                      .append(row.name())
                      .append(' ')
                      .append(String.format(Locale.ROOT, "%.1f%%", v)));
    }
    return b.toString();
  }

  private String say(String en, String zh) {
    return lang == Lang.ZH ? zh : en;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
