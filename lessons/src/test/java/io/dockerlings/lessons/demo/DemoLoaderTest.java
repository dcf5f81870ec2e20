package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoLoaderTest {
  private static final String GOOD =
      "id: mine\ntitle: {en: Mine, zh: 我的}\nteaches: {en: t, zh: 教}\nsteps:\n"
          + "  - id: a\n    kind: predict\n    say: {en: s, zh: 说}\n"
          + "    question: {en: q, zh: 问}\n    run: [docker run --name mine1 busybox false]\n"
          + "    measure: {exit-code: mine1}\n    tolerance: 10%\n    picture: net\n";

  @Test
  void load_validFile_givesTheDemo() {
    DemoLoader.Loaded l = DemoLoader.load(GOOD, "mine.yaml");
    assertTrue(l.errors().isEmpty(), l.errors().toString());
    DemoStep s = l.demo().orElseThrow().steps().get(0);
    assertEquals(new Measure.ExitCode("mine1"), s.measure().orElseThrow());
    assertEquals(new Tolerance(10, true), s.tolerance());
    assertTrue(s.pause());
  }

  @Test
  void load_missingChineseUnknownKindPictureAndMeasure_listsEveryError() {
    String bad =
        GOOD.replace("zh: 说", "zh: ''")
            .replace("picture: net", "picture: layers")
            .replace("{exit-code: mine1}", "{speed: mine1}")
            .replace("tolerance: 10%", "tolerance: lots");
    DemoLoader.Loaded l = DemoLoader.load(bad, "mine.yaml");
    assertTrue(l.demo().isEmpty());
    String all = String.join("\n", l.errors());
    assertTrue(all.contains("say: the Chinese text (zh) is missing"), all);
    assertTrue(all.contains("picture is one of"), all);
    assertTrue(all.contains("measure speed: not a known quantity"), all);
    assertTrue(all.contains("tolerance is a number or a percentage"), all);
  }

  @Test
  void load_notYamlOrNotADockerCommand_isAnError() {
    assertTrue(DemoLoader.load("id: [", "x.yaml").errors().get(0).startsWith("x.yaml (line"));
    String notDocker = GOOD.replace("run: [docker run", "run: [rm -rf /; docker run");
    assertTrue(
        String.join("\n", DemoLoader.load(notDocker, "m.yaml").errors())
            .contains("a demo command starts with docker"));
  }

  @Test
  void load_foldedChinese_losesTheSpaceBetweenCharactersButKeepsItBeforeLatin() {
    String folded = GOOD.replace("zh: 说}", "zh: \"一个变量， 超过了 限额 CPU 0\"}");
    Demo d = DemoLoader.load(folded, "m.yaml").demo().orElseThrow();
    assertEquals("一个变量，超过了限额 CPU 0", d.steps().get(0).say().zh());
  }

  @Test
  void load_duplicateStepIds_isAnError() {
    String twice = GOOD + GOOD.substring(GOOD.indexOf("  - id: a"));
    assertTrue(String.join("\n", DemoLoader.load(twice, "m.yaml").errors()).contains("used twice"));
  }
}
