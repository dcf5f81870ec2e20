package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.measure.Quantity;
import io.dockerlings.lessons.model.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoFileTest {
  private static final String GOOD =
      "id: mine\ntitle: {en: Mine, zh: 我的}\nteaches: {en: t, zh: 教}\nsteps:\n"
          + "  - id: a\n    kind: predict\n    say: {en: s, zh: 说}\n"
          + "    question: {en: q, zh: 问}\n    run: [docker run --name mine1 busybox false]\n"
          + "    measure: {exit-code: mine1}\n    tolerance: 10%\n    picture: net\n";

  private static String all(DemoFile.Result r) {
    return r.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void load_validFile_givesTheDemo() {
    DemoFile.Result l = DemoFile.load("mine.yaml", GOOD);
    assertTrue(l.problems().isEmpty(), all(l));
    DemoStep s = l.demo().orElseThrow().steps().get(0);
    assertEquals(new Quantity("exit-code", Map.of("name", "mine1")), s.measure().orElseThrow());
    assertEquals(new Tolerance(10, true), s.tolerance());
    assertEquals(List.of("net"), s.picture().orElseThrow());
    assertTrue(s.pause());
  }

  @Test
  void load_missingChineseUnknownKindPictureAndMeasure_listsEveryErrorWithItsLine() {
    String bad =
        GOOD.replace("zh: 我的", "zh: ''")
            .replace("{exit-code: mine1}", "{speed: mine1}")
            .replace("tolerance: 10%", "tolerance: lots");
    DemoFile.Result l = DemoFile.load("mine.yaml", bad);
    assertTrue(l.demo().isEmpty());
    String all = all(l);
    assertTrue(all.contains("mine.yaml:2: title has no Chinese (zh)"), all);
    assertTrue(all.contains("mine.yaml:11: tolerance is a number or a percentage"), all);
    String noSuchQuantity = GOOD.replace("{exit-code: mine1}", "{speed: mine1}");
    assertTrue(
        all(DemoFile.load("mine.yaml", noSuchQuantity)).contains("unknown quantity 'speed'"));
  }

  @Test
  void load_pictureWithoutItsName_orAMeasureNoEngineCanRead_isAProblemOnItsLine() {
    String bad =
        GOOD.replace("picture: net", "picture: layers")
            .replace("{exit-code: mine1}", "{layer-of: {image: x, path: /y}}");
    String all = all(DemoFile.load("mine.yaml", bad));
    assertTrue(all.contains("mine.yaml:10: a demo reads its measure on a real engine too"), all);
    assertTrue(all.contains("mine.yaml:12: picture is one of"), all);
  }

  @Test
  void load_aLessonsFieldsAreNotNeeded_butUnknownOnesAreRefused() {
    String extra = GOOD + "    colour: red\n";
    assertTrue(
        all(DemoFile.load("m.yaml", extra)).contains("colour"),
        all(DemoFile.load("m.yaml", extra)));
    String quiz = GOOD.replace("kind: predict", "kind: quiz");
    assertTrue(all(DemoFile.load("m.yaml", quiz)).contains("quiz"));
  }

  @Test
  void load_notYamlOrNotADockerCommand_isAnError() {
    assertTrue(all(DemoFile.load("x.yaml", "id: [")).startsWith("x.yaml:1: not YAML"));
    String notDocker = GOOD.replace("run: [docker run", "run: [rm -rf /; docker run");
    String all = all(DemoFile.load("m.yaml", notDocker));
    assertTrue(all.contains("m.yaml:9: a demo command starts with docker"), all);
  }

  @Test
  void load_foldedChinese_losesTheSpaceBetweenCharactersButKeepsItBeforeLatin() {
    String folded = GOOD.replace("zh: 说}", "zh: \"一个变量， 超过了 限额 CPU 0\"}");
    Demo d = DemoFile.load("m.yaml", folded).demo().orElseThrow();
    assertEquals("一个变量，超过了限额 CPU 0", d.steps().get(0).say().zh());
  }

  @Test
  void load_duplicateStepIds_isAnError() {
    String twice = GOOD + GOOD.substring(GOOD.indexOf("  - id: a"));
    assertTrue(all(DemoFile.load("m.yaml", twice)).contains("used twice"));
  }

  @Test
  void load_doStepWithNeitherCommandsNorPicture_isAnError() {
    String empty = GOOD + "  - id: b\n    kind: do\n    say: {en: s, zh: 说}\n    solution: []\n";
    assertTrue(
        all(DemoFile.load("m.yaml", empty)).contains("solution"),
        all(DemoFile.load("m.yaml", empty)));
  }
}
