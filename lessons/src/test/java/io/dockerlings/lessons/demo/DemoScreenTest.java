package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoScreenTest {
  /** The model, and a second simulator standing in for a real engine. */
  private static final DemoRun.Engines TWO =
      new DemoRun.Engines() {
        @Override
        public DockerEngine model(String host) {
          return DemoRunTest.SIM_ONLY.model(host);
        }

        @Override
        public Optional<DockerEngine> engine() {
          return Optional.of(DemoRunTest.SIM_ONLY.model("default"));
        }
      };

  private static DemoRun.StepResult dnsStepTwo() {
    Demo demo = DemoCatalog.find("dns").orElseThrow();
    try (DemoRun run = new DemoRun(demo, TWO, true, 1)) {
      return run.run(1, Style.plain(Lang.EN, 80), (x, n, of) -> {});
    }
  }

  @Test
  void outputs_withRoom_showEveryLine_andWithoutRoom_oneRowEachWithTheCountLeftOut() {
    DemoRun.StepResult r = dnsStepTwo();
    Style style = Style.plain(Lang.ZH, 80);
    List<String> roomy = DemoScreen.outputs(r, style, false, 60);
    assertTrue(roomy.get(2).contains("1 packets transmitted"), roomy.get(2));
    List<String> tight = DemoScreen.outputs(r, style, false, 5);
    assertEquals(3, tight.size());
    assertEquals(3, tight.stream().mapToInt(DemoScreen::rows).sum());
    assertTrue(tight.get(2).startsWith("\u2500 模拟器 PING demo-b"), tight.get(2));
    assertTrue(tight.get(2).contains("(+"), tight.get(2));
    assertTrue(tight.get(2).contains(" \u2502 \u2500 引擎 PING demo-b"), tight.get(2));
    int middle = DemoScreen.outputs(r, style, false, 14).stream().mapToInt(DemoScreen::rows).sum();
    assertTrue(middle <= 14 && middle > 3, "rows: " + middle);
  }

  @Test
  void shown_noneIsSaidInTheReadersLanguage() {
    io.dockerlings.lessons.measure.Value none = io.dockerlings.lessons.measure.Value.of("none");
    assertEquals("无", DemoScreen.shown(none, Lang.ZH));
    assertEquals("none", DemoScreen.shown(none, Lang.EN));
    assertEquals("3,4", DemoScreen.shown(io.dockerlings.lessons.measure.Value.of("3,4"), Lang.ZH));
  }

  @Test
  void buildSteps_keepEachStepAndWhetherTheCacheServedIt() {
    List<String> out =
        List.of(
            "Sending build context to Docker daemon  2.048kB",
            "Step 1/3 : FROM busybox",
            " ---> 594e82982ec8",
            "Step 2/3 : RUN echo one > /one",
            " ---> Using cache",
            " ---> e8d218e4c56f",
            "Step 3/3 : RUN echo two > /two",
            " ---> Running in 4e3dd2c3d08f",
            "Removing intermediate container 4e3dd2c3d08f",
            "Successfully built 9793c83ecdf0");
    assertEquals(
        List.of(
            "Step 1/3 : FROM busybox",
            "Step 2/3 : RUN echo one > /one",
            " ---> Using cache",
            "Step 3/3 : RUN echo two > /two",
            " ---> Running in 4e3dd2c3d08f"),
        DemoScreen.buildSteps(out));
    assertEquals(List.of(), DemoScreen.buildSteps(List.of("PING demo-b", " ---> Using cache")));
  }

  @Test
  void output_aBuildCutShort_showsItsStepsNotItsFirstLines() {
    Demo demo = DemoCatalog.find("build-cache").orElseThrow();
    try (DemoRun run = new DemoRun(demo, DemoRunTest.SIM_ONLY, false, 1)) {
      DemoRun.StepResult r = run.run(0, Style.plain(Lang.EN, 80), (x, n, of) -> {});
      String cut = DemoScreen.output(r, 0, Style.plain(Lang.EN, 80), false, 5);
      assertEquals(5, DemoScreen.rows(cut), cut);
      assertTrue(cut.startsWith("Step 1/4 : FROM busybox\nStep 2/4 : RUN echo one"), cut);
    }
  }

  @Test
  void joinedSteps_putEachCacheLineAtTheEndOfItsStep() {
    assertEquals(
        List.of(
            "Step 1/3 : FROM busybox",
            "Step 2/3 : RUN echo one > /one  ---> Using cache",
            "Step 3/3 : RUN echo two > /two  ---> Running in 4e3dd2c3d08f"),
        DemoScreen.joinedSteps(
            List.of(
                "Step 1/3 : FROM busybox",
                "Step 2/3 : RUN echo one > /one",
                " ---> Using cache",
                "Step 3/3 : RUN echo two > /two",
                " ---> Running in 4e3dd2c3d08f")));
  }

  @Test
  void output_aBuildInFiveRows_showsEveryStepWithItsCacheLine() {
    Demo demo = DemoCatalog.find("build-cache").orElseThrow();
    try (DemoRun run = new DemoRun(demo, DemoRunTest.SIM_ONLY, false, 1)) {
      run.run(0, Style.plain(Lang.EN, 80), (x, n, of) -> {});
      run.run(1, Style.plain(Lang.EN, 80), (x, n, of) -> {});
      DemoRun.StepResult r = run.run(2, Style.plain(Lang.EN, 80), (x, n, of) -> {});
      String cut = DemoScreen.output(r, 0, Style.plain(Lang.EN, 80), false, 5);
      assertEquals(5, DemoScreen.rows(cut), cut);
      assertTrue(cut.contains("Step 2/4 : RUN echo one > /one  ---> Using cache\n"), cut);
      assertTrue(cut.contains("Step 4/4 : CMD [\"sh\"]  ---> Running in "), cut);
      assertTrue(cut.endsWith("more lines\n"), cut);
    }
  }

  @Test
  void output_showsTheStreamsInTheOrderTheyWereWritten() {
    Demo demo = DemoCatalog.find("build-cache").orElseThrow();
    CommandResult pulled =
        new CommandResult(
            0,
            "4f1c0a\n",
            "Unable to find image 'nginx:latest' locally\n",
            Optional.empty(),
            List.of(
                new CommandResult.Chunk(true, "Unable to find image 'nginx:latest' locally\n"),
                new CommandResult.Chunk(false, "4f1c0a\n")));
    DemoRun.Side side = new DemoRun.Side(List.of(pulled), Optional.empty(), Optional.empty());
    DemoRun.StepResult r = new DemoRun.StepResult(demo.steps().get(0), side, Optional.empty());
    assertEquals(
        "Unable to find image 'nginx:latest' locally\n4f1c0a\n",
        DemoScreen.output(r, 0, Style.plain(Lang.EN, 80), false, 10));
    DemoRun.Side unknown =
        new DemoRun.Side(
            List.of(CommandResult.of(0, "4f1c0a\n", "warning\n")),
            Optional.empty(),
            Optional.empty());
    assertEquals(
        "4f1c0a\nwarning\n",
        DemoScreen.output(
            new DemoRun.StepResult(demo.steps().get(0), unknown, Optional.empty()),
            0,
            Style.plain(Lang.EN, 80),
            false,
            10));
  }

  @Test
  void outputs_twoBuildsStackedInTenRows_showEveryStepOfBoth() {
    Demo demo = DemoCatalog.find("build-cache").orElseThrow();
    try (DemoRun run = new DemoRun(demo, TWO, true, 1)) {
      run.run(0, Style.plain(Lang.ZH, 80), (x, n, of) -> {});
      DemoRun.StepResult r = run.run(1, Style.plain(Lang.ZH, 80), (x, n, of) -> {});
      String shown = DemoScreen.outputs(r, Style.plain(Lang.ZH, 80), false, 10).get(0);
      assertEquals(10, DemoScreen.rows(shown), shown);
      assertEquals(
          2, shown.split("Step 4/4 : CMD \\[\"sh\"\\]  ---> Using cache", -1).length - 1, shown);
    }
  }
}
