package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Lang;
import org.junit.jupiter.api.Test;

class HandoutTest {
  private static String render(String format) {
    Demo demo = DemoCatalog.find("cpu-shares").orElseThrow();
    try (DemoRun run = new DemoRun(demo, DemoRunTest.SIM_ONLY, false, 1)) {
      for (int i = 0; i < demo.steps().size(); i++) {
        run.run(i, Style.plain(Lang.ZH, 80), (x, n, of) -> {});
      }
      return Handout.render(run, format, Lang.ZH);
    }
  }

  @Test
  void cells_escapesAndBoxesEachWideCharacterInTwoCells() {
    assertEquals(
        "a &lt;b&gt; &amp; <span class=\"w\">模</span><span class=\"w\">：</span> &#39;x&#39;",
        Handout.cells("a <b> & 模： 'x'"));
  }

  @Test
  void render_htmlPictureLabels_sitInTwoCellBoxes_soTheBarsLineUp_butMarkdownStaysPlain() {
    String html = render("html");
    assertTrue(html.contains("pre .w { display: inline-block; width: 2ch;"), html);
    assertTrue(
        html.contains(
            "  <span class=\"w\">模</span><span class=\"w\">拟</span><span class=\"w\">器</span> █"),
        html);
    assertFalse(html.contains("<pre>每个容器"), "the picture's Chinese is boxed too");
    String md = render("md");
    assertFalse(md.contains("<span"), md);
    assertTrue(md.contains("  模拟器 █"), md);
  }

  @Test
  void render_anExactValue_isTheSameNotWithinZero_andAToleratedOneWithinItsTolerance() {
    DemoRun.Engines two =
        new DemoRun.Engines() {
          @Override
          public io.dockerlings.simulator.DockerEngine model(String host) {
            return DemoRunTest.SIM_ONLY.model(host);
          }

          @Override
          public java.util.Optional<io.dockerlings.simulator.DockerEngine> engine() {
            return java.util.Optional.of(DemoRunTest.SIM_ONLY.model("default"));
          }
        };
    for (String name : java.util.List.of("dns", "cpu-shares")) {
      Demo demo = DemoCatalog.find(name).orElseThrow();
      try (DemoRun run = new DemoRun(demo, two, true, 1)) {
        for (int i = 0; i < demo.steps().size(); i++) {
          run.run(i, Style.plain(Lang.EN, 80), (x, n, of) -> {});
        }
        String md = Handout.render(run, "md", Lang.EN);
        if (name.equals("dns")) {
          assertTrue(md.contains("Engine measured: 1 (the same)"), md);
          assertFalse(md.contains("within \u00b10"), md);
        } else {
          assertTrue(md.contains("Engine measured: 2.00 (within \u00b115%)"), md);
        }
      }
    }
  }
}
