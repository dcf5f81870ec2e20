package io.dockerlings.lessons.demo;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.dockerlings.lessons.picture.Cells;
import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.CommandResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A demo's handout for students to keep: the script with the outputs, pictures and values of its
 * last run, as Markdown or as one self-contained HTML page (no scripts, styles inline), rendered
 * with Mustache.
 */
public final class Handout {
  /** The formats {@code demo export} writes. */
  public static final List<String> FORMATS = List.of("md", "html");

  private static final Text MODEL = new Text("Model (simulator)", "模拟器");
  private static final Text ENGINE = new Text("Real engine", "真实引擎");
  private static final Text NOT_RUN = new Text("(this step was not run)", "（这一步没有运行）");
  private static final Text PREDICTED = new Text("Model's answer", "模拟器的答案");
  private static final Text MEASURED = new Text("Engine measured", "引擎实测");
  private static final Text WITHIN = new Text("within {t}", "相差在 {t} 以内");
  private static final Text OUTSIDE = new Text("not within {t}", "相差超过 {t}");
  private static final Text SAME = new Text("the same", "相同");
  private static final Text DIFFERENT = new Text("not the same", "不同");
  private static final Text STEP = new Text("Step", "第");
  private static final Text STEP_AFTER = new Text("", " 步");
  private static final Text FOOT =
      new Text(
          "Made with dockerlings: demo {id}. Outputs are from the run shown in class.",
          "由 dockerlings 生成：演示 {id}。输出来自课堂上的那次运行。");

  private Handout() {}

  /** The handout of a run in {@code format} ({@code md} or {@code html}). */
  public static String render(DemoRun run, String format, Lang lang) {
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException("format is md or html, not " + format);
    }
    Mustache m =
        new DefaultMustacheFactory("demos")
            .compile(format.equals("md") ? "handout.md.mustache" : "handout.html.mustache");
    StringWriter w = new StringWriter();
    m.execute(w, scope(run, lang, format.equals("html") ? Handout::cells : t -> t));
    return w.toString();
  }

  /**
   * Text for a {@code <pre>} block of the HTML page: escaped, and each wide (CJK) character in a
   * box exactly two monospace cells wide, since a browser draws CJK glyphs from another font whose
   * width is not twice the Latin one, which would put the pictures' bars out of line.
   */
  static String cells(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              String ch =
                  switch (cp) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '"' -> "&quot;";
                    case '\'' -> "&#39;";
                    default -> new String(Character.toChars(cp));
                  };
              b.append(Cells.wide(cp) ? "<span class=\"w\">" + ch + "</span>" : ch);
            });
    return b.toString();
  }

  private static Map<String, Object> scope(
      DemoRun run, Lang lang, java.util.function.UnaryOperator<String> pre) {
    Style plain = Style.plain(lang, 80);
    Demo demo = run.demo();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("lang", lang == Lang.ZH ? "zh-CN" : "en");
    s.put("id", demo.id());
    s.put("title", demo.title().in(lang));
    s.put("teaches", demo.teaches().in(lang));
    s.put("modelLabel", MODEL.in(lang));
    s.put("engineLabel", ENGINE.in(lang));
    s.put("foot", FOOT.in(lang).replace("{id}", demo.id()));
    List<Map<String, Object>> steps = new ArrayList<>();
    String colon = lang == Lang.ZH ? "：" : ": ";
    for (int i = 0; i < demo.steps().size(); i++) {
      DemoStep step = demo.steps().get(i);
      Optional<DemoRun.StepResult> r = run.results().get(i);
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("heading", STEP.in(lang) + " " + (i + 1) + STEP_AFTER.in(lang));
      st.put("say", step.say().in(lang));
      step.question().ifPresent(q -> st.put("question", q.in(lang)));
      List<Map<String, Object>> commands = new ArrayList<>();
      for (int c = 0; c < step.commands().size(); c++) {
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("shown", step.commands().get(c).shown());
        int k = c;
        r.ifPresent(
            x -> {
              cmd.put("model", pre.apply(text(x.model().results().get(k))));
              x.engine().ifPresent(e -> cmd.put("engine", pre.apply(text(e.results().get(k)))));
            });
        commands.add(cmd);
      }
      st.put("commands", commands);
      if (r.isEmpty()) {
        st.put("notRun", NOT_RUN.in(lang));
      }
      r.flatMap(x -> x.model().picture())
          .ifPresent(p -> st.put("picture", pre.apply(DemoScreen.picture(r.get(), plain, false))));
      r.flatMap(x -> x.model().value())
          .ifPresent(
              v -> {
                String unit = step.unit().in(lang);
                st.put("predicted", PREDICTED.in(lang) + colon + DemoScreen.shown(v, lang) + unit);
                r.get()
                    .engine()
                    .flatMap(DemoRun.Side::value)
                    .ifPresent(
                        e -> {
                          String t = step.tolerance().shown();
                          boolean ok = r.get().agrees().orElse(false);
                          st.put(
                              "measured",
                              MEASURED.in(lang)
                                  + colon
                                  + DemoScreen.shown(e, lang)
                                  + unit
                                  + (lang == Lang.ZH ? "（" : " (")
                                  + verdict(ok, step.tolerance().amount() == 0, lang, t)
                                  + (lang == Lang.ZH ? "）" : ")"));
                        });
              });
      step.explain().ifPresent(x -> st.put("explain", x.in(lang)));
      steps.add(st);
    }
    s.put("steps", steps);
    return s;
  }

  /**
   * Whether the measurement agreed: "the same" for a value that must match exactly (as the screen
   * says it), else "within ±15%".
   */
  private static String verdict(boolean ok, boolean exact, Lang lang, String tolerance) {
    if (exact) {
      return (ok ? SAME : DIFFERENT).in(lang);
    }
    return (ok ? WITHIN : OUTSIDE).in(lang).replace("{t}", tolerance);
  }

  private static String text(CommandResult r) {
    StringBuilder b = new StringBuilder();
    // In the order the engine wrote them, as the screen shows them.
    r.inOrder().forEach(c -> b.append(c.text()));
    String t = b.toString();
    return t.isEmpty() ? "" : t.endsWith("\n") ? t : t + "\n";
  }
}
