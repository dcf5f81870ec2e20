package io.dockerlings.lessons.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LessonLoaderTest {
  private static final String GOOD =
      """
      id: demo
      module: M1
      order: 2
      title: {en: Demo, zh: 演示}
      teaches: {en: one line, zh: 一行}
      steps:
        - id: one
          kind: do
          say: {en: Run it, zh: 运行它}
          goal: {container: {name: web}}
          solution: [docker run -d --name web busybox sleep 9]
          wrong: [[docker run -d --name bew busybox sleep 9]]
      """;

  private static List<Problem> problems(String yaml) {
    LessonLoader.Result r = LessonLoader.load("demo.yaml", yaml);
    assertTrue(r.lesson().isEmpty() || r.problems().isEmpty());
    return r.problems();
  }

  @Test
  void load_goodLesson_givesItsSteps() {
    LessonLoader.Result r = LessonLoader.load("demo.yaml", GOOD);
    assertEquals(List.of(), r.problems());
    Lesson l = r.lesson().orElseThrow();
    assertEquals("M1", l.module());
    assertEquals(1, l.moduleNumber());
    assertInstanceOf(Step.Do.class, l.steps().get(0));
    assertEquals(0, l.indexOf("one").orElseThrow());
  }

  @Test
  void load_missingChinese_namesTheLine() {
    List<Problem> p = problems(GOOD.replace("say: {en: Run it, zh: 运行它}", "say: {en: Run it}"));
    assertEquals(1, p.size(), p.toString());
    assertEquals(9, p.get(0).line());
    assertEquals("demo.yaml:9: say has no Chinese (zh)", p.get(0).toString());
  }

  @Test
  void load_unknownPredicateAndProperty_namesTheLine() {
    List<Problem> p = problems(GOOD.replace("{container: {name: web}}", "{containr: {name: web}}"));
    assertEquals(10, p.get(0).line());
    assertTrue(p.get(0).message().startsWith("unknown goal 'containr'"), p.toString());
    List<Problem> q = problems(GOOD.replace("{name: web}", "{name: web, stat: running}"));
    assertTrue(q.get(0).message().contains("unknown container property 'stat'"), q.toString());
  }

  @Test
  void load_duplicateStepIdsBadModuleAndWrongId_areAllReported() {
    String twice =
        GOOD.replace("module: M1", "module: M12").replace("id: demo", "id: other")
            + """
              - id: one
                kind: quiz
                question: {en: Q, zh: 问}
                choices: [a, b]
                answer: 1
                explain: {en: E, zh: 解}
                wrong-answer: 2
            """;
    List<Problem> p = problems(twice);
    List<String> messages = p.stream().map(Problem::message).toList();
    assertTrue(messages.stream().anyMatch(m -> m.contains("module 'M12'")), messages.toString());
    assertTrue(
        messages.stream().anyMatch(m -> m.contains("must be the file name")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("used twice")), messages.toString());
  }

  @Test
  void load_predictWithConstantAnswerOrNoWrongAnswer_isRefused() {
    String predict =
        GOOD.replace(
            """
                kind: do
                say: {en: Run it, zh: 运行它}
                goal: {container: {name: web}}
                solution: [docker run -d --name web busybox sleep 9]
                wrong: [[docker run -d --name bew busybox sleep 9]]
            """,
            """
                kind: predict
                say: {en: Run it, zh: 运行它}
                question: {en: Q, zh: 问}
                run: [docker run --name x busybox true]
                measure: {exit-code: x}
                form: number
                solution-answer: 0
            """);
    assertTrue(problems(predict).get(0).message().contains("solution-answer is not allowed"));
    String noWrong = predict.replace("    solution-answer: 0\n", "");
    assertTrue(
        problems(noWrong).get(0).message().contains("wrong-answer"), problems(noWrong).toString());
    String badMeasure =
        predict
            .replace("    solution-answer: 0\n", "    wrong-answer: 1\n")
            .replace("exit-code: x", "exit-cod: x");
    assertTrue(problems(badMeasure).get(0).message().contains("unknown quantity 'exit-cod'"));
  }

  @Test
  void load_notYamlOrNoSteps_isAProblemNotACrash() {
    assertEquals(1, problems("id: [unclosed").size());
    assertTrue(problems("id: demo\n").stream().anyMatch(p -> p.message().contains("steps")));
    assertEquals("a lesson is a YAML map", problems("- a\n- b\n").get(0).message());
  }

  @Test
  void load_fixtures_allLoad() {
    Course c = Fixtures.course();
    assertEquals(List.of(), c.problems());
    assertEquals(3, c.lessons().size());
  }

  @Test
  void load_aLessonWithDemoFields_isRefused_whileADemoMayOmitTheLearnersFields() {
    String staged = GOOD.replace("    wrong:", "    picture: net\n    wrong:");
    List<Problem> p = problems(staged);
    assertTrue(p.toString().contains("picture"), p.toString());
    String demo =
        GOOD.replace("module: M1\n", "")
            .replace("    goal: {container: {name: web}}\n", "")
            .replace("    wrong: [[docker run -d --name bew busybox sleep 9]]\n", "")
            .replace("    solution:", "    picture: net\n    pause: false\n    solution:");
    LessonLoader.Result r = LessonLoader.loadDemo("any-name.yaml", demo);
    assertEquals(List.of(), r.problems());
    Step.Do d = (Step.Do) r.lesson().orElseThrow().steps().get(0);
    assertEquals(List.of("net"), d.staging().picture().orElseThrow());
    assertEquals(false, d.staging().pause());
    assertTrue(LessonLoader.load("demo.yaml", demo).lesson().isEmpty());
  }

  private static final String OBSERVE =
      """
      id: demo
      module: M1
      order: 2
      title: {en: Demo, zh: 演示}
      teaches: {en: one line, zh: 一行}
      steps:
        - id: push
          kind: observe
          say: {en: Push it, zh: 推送}
          command: docker push 172.17.0.2:5000/bb:v1
          recorded:
            exit: 1
      RECORDING
          explain: {en: Why, zh: 为什么}
      """;

  private static LessonLoader.Result observe(String recording) {
    return LessonLoader.load("demo.yaml", OBSERVE.replace("RECORDING\n", recording));
  }

  @Test
  void recordedOutput_keepsTheOrderTheEngineWroteIn() {
    LessonLoader.Result r =
        observe(
            "      output:\n"
                + "        - out: \"The push refers to repository [172.17.0.2:5000/bb]\\n\"\n"
                + "        - err: \"http: server gave HTTP response to HTTPS client\\n\"\n"
                + "        - out: \"after\\n\"\n");
    assertEquals(List.of(), r.problems());
    Step.Recorded rec = ((Step.Observe) r.lesson().orElseThrow().steps().get(0)).recorded();
    assertEquals(
        "The push refers to repository [172.17.0.2:5000/bb]\n"
            + "http: server gave HTTP response to HTTPS client\nafter\n",
        rec.printed());
    assertEquals(
        List.of(
            "The push refers to repository [172.17.0.2:5000/bb]",
            "http: server gave HTTP response to HTTPS client",
            "after"),
        rec.lines());
    assertEquals("http: server gave HTTP response to HTTPS client\n", rec.stream(true));
    assertEquals("The push refers to repository [172.17.0.2:5000/bb]\nafter\n", rec.stream(false));
  }

  @Test
  void recordedOneStreamAlone_mayStillBeStdoutOrStderr() {
    Step.Recorded err =
        ((Step.Observe)
                observe("      stderr: \"refused\\n\"\n").lesson().orElseThrow().steps().get(0))
            .recorded();
    assertEquals("refused\n", err.printed());
    assertEquals("", err.stream(false));
  }

  @Test
  void recordedStdoutAndStderrTogether_areRefused_forTheyHaveNoOrder() {
    List<Problem> p = observe("      stdout: \"a\\n\"\n      stderr: \"b\\n\"\n").problems();
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).message().contains("do not say which came first"), p.toString());
  }

  @Test
  void recordedChunk_withBothStreamsOrNeither_isRefused() {
    List<Problem> both = observe("      output: [{out: a, err: b}]\n").problems();
    assertTrue(both.get(0).message().contains("{out: text} or {err: text}"), both.toString());
    List<Problem> neither = observe("      output: [{oot: a}]\n").problems();
    assertTrue(
        neither.get(0).message().contains("unknown output chunk property 'oot'"),
        neither.toString());
    List<Problem> twice = observe("      output: [{out: a}]\n      stdout: a\n").problems();
    assertTrue(twice.get(0).message().contains("give the output once"), twice.toString());
  }
}
