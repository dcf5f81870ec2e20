package io.dockerlings.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.errors.ErrorCatalogue;
import io.dockerlings.lessons.errors.Explainer;
import io.dockerlings.lessons.errors.KnownNames;
import io.dockerlings.lessons.model.Fixtures;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.progress.Progress;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LessonSessionTest {
  private final Lesson first = Fixtures.lesson("t0-first-steps");
  private final SimulatorWorkbench bench = new SimulatorWorkbench(first.host());

  private Reply type(LessonSession s, String line) {
    return s.afterCommand(bench.run(line, List.of()));
  }

  @Test
  void doStep_wrongActionThenHintThenRightAction_completesByItself() {
    LessonSession s = LessonSession.begin(first, bench);
    assertEquals("M0 1/4", s.where());
    assertTrue(s.intro().in(Lang.EN).contains("Run a busybox container named hello"));
    Reply wrong = type(s, "docker run --name hi busybox echo hello");
    assertTrue(wrong.isEmpty());
    String hint = s.hint().in(Lang.EN);
    assertTrue(hint.contains("Right now: there is no container named hello"), hint);
    assertTrue(hint.contains("Hint 1/2"), hint);
    assertTrue(s.hint().in(Lang.ZH).contains("提示 2/2"));
    assertTrue(s.hint().in(Lang.EN).contains("No more hints"));
    assertTrue(s.check().in(Lang.EN).startsWith("Not yet: there is no container named hello"));
    Reply done = type(s, "docker run --name hello busybox echo hi");
    assertTrue(done.stepDone());
    assertTrue(done.in(Lang.EN).contains("\u2713 Step done."));
    assertEquals("M0 2/4", s.where());
    assertEquals("done", s.status().get("hello"));
  }

  @Test
  void solution_marksTheStepAssisted() {
    LessonSession s = LessonSession.begin(first, bench);
    assertTrue(s.solution().in(Lang.EN).contains("docker run --name hello busybox echo hi"));
    assertTrue(
        type(s, "docker run --name hello busybox echo hi").in(Lang.EN).contains("(assisted)"));
    assertEquals("assisted", s.status().get("hello"));
  }

  @Test
  void predict_answerThenRun_showsGuessBesideTheModel() {
    LessonSession s = LessonSession.begin(first, bench);
    type(s, "docker run --name hello busybox echo hi");
    assertTrue(s.answer("3").in(Lang.EN).contains("Your prediction: 3"));
    Reply r = type(s, "docker run --name seven busybox sh -c 'exit 7'");
    assertTrue(r.in(Lang.EN).contains("You predicted 3; the model says 7"), r.in(Lang.EN));
    assertTrue(r.stepDone());
    assertEquals("M0 3/4", s.where());
  }

  @Test
  void predict_runBeforeAnswering_asksForTheAnswerFirst() {
    LessonSession s = LessonSession.begin(first, bench);
    type(s, "docker run --name hello busybox echo hi");
    Reply early = type(s, "docker run --name seven busybox sh -c 'exit 7'");
    assertTrue(early.in(Lang.EN).contains("Predict first"));
    assertFalse(early.stepDone());
    Reply r = s.answer("7");
    assertTrue(r.in(Lang.EN).contains("Well predicted"), r.in(Lang.EN));
  }

  @Test
  void quiz_wrongAnswerIsRefused_rightAnswerExplainsAndMovesOn() {
    LessonSession s = LessonSession.begin(first, bench);
    type(s, "docker run --name hello busybox echo hi");
    s.answer("7");
    type(s, "docker run --name seven busybox sh -c 'exit 7'");
    String wrong = s.answer("1").in(Lang.EN);
    assertTrue(wrong.startsWith("Not quite"), wrong);
    // The quiz has no hints: the learner is not sent to ask for one.
    assertFalse(wrong.contains("hint"), wrong);
    assertTrue(wrong.contains("\"solution\" shows the answer"), wrong);
    assertEquals("M0 3/4", s.where());
    Reply r = s.answer("uts");
    assertTrue(r.in(Lang.EN).contains("UTS holds the host"), r.in(Lang.EN));
    assertEquals("M0 4/4", s.where());
    Reply o = type(s, "docker run --rm -m 4m busybox true");
    assertTrue(o.in(Lang.EN).contains("recorded"), o.in(Lang.EN));
    assertTrue(o.lessonDone());
    assertTrue(s.finished());
    assertEquals("M0 \u2713", s.where());
  }

  @Test
  void undoRestartResetBackSkip_moveTheLearnerAndTheState() {
    LessonSession s = LessonSession.begin(first, bench);
    assertTrue(s.undo().in(Lang.EN).contains("Nothing to undo"));
    type(s, "docker run --name hi busybox true");
    assertEquals(1, bench.engine().snapshot().containers().size());
    assertTrue(s.undo().in(Lang.EN).contains("Taken back: docker run --name hi busybox true"));
    assertEquals(0, bench.engine().snapshot().containers().size());
    type(s, "docker run --name hi busybox true");
    s.restartStep();
    assertEquals(0, bench.engine().snapshot().containers().size());
    assertTrue(s.skip().stepDone());
    assertEquals("skipped", s.status().get("hello"));
    assertEquals("M0 2/4", s.where());
    s.back();
    assertEquals("M0 1/4", s.where());
    assertTrue(s.back().in(Lang.EN).contains("first step"));
    type(s, "docker run --name hello busybox echo hi");
    s.resetLesson();
    assertEquals("M0 1/4", s.where());
    assertTrue(s.status().isEmpty());
    assertEquals(0, bench.engine().snapshot().containers().size());
  }

  @Test
  void resume_rebuildsTheStateFromTheRecordedCommands() {
    LessonSession s = LessonSession.begin(first, bench);
    type(s, "docker run --name hello busybox echo hi");
    s.answer("5");
    Progress.LessonProgress saved = s.progress();
    SimulatorWorkbench other = new SimulatorWorkbench(first.host());
    LessonSession r = LessonSession.resume(first, other, saved);
    assertEquals("M0 2/4", r.where());
    assertEquals("exited", other.engine().snapshot().container("hello").orElseThrow().status());
    Reply done =
        r.afterCommand(other.run("docker run --name seven busybox sh -c 'exit 7'", List.of()));
    assertTrue(done.in(Lang.EN).contains("You predicted 5; the model says 7"), done.in(Lang.EN));
  }

  @Test
  void answer_onADoStep_isNotTaken() {
    LessonSession s = LessonSession.begin(first, bench);
    assertTrue(s.answer("3").in(Lang.EN).contains("does not take an answer"));
    assertTrue(s.answer(" ").in(Lang.EN).contains("Write the answer"));
  }

  private static final KnownNames NO_NAMES =
      new KnownNames() {
        @Override
        public List<String> commandNames() {
          return List.of();
        }

        @Override
        public List<String> flagNames(String commandWords) {
          return List.of();
        }

        @Override
        public List<String> containerNames() {
          return List.of();
        }

        @Override
        public List<String> imageNames() {
          return List.of();
        }
      };

  private static Optional<ErrorHelp> help(Journal.Entry e, Optional<Text> title) {
    return new Explainer(ErrorCatalogue.load())
        .explainText(e.output(), NO_NAMES)
        .map(n -> new ErrorHelp(n, title));
  }

  @Test
  void afterCommand_failingCommandInAStep_showsTheCatalogueNoteAndTheLessonThatTeachesIt() {
    LessonSession s = LessonSession.begin(first, bench);
    Journal.Entry e = bench.run("docker run --rm --restart always busybox true", List.of());
    Reply r = s.afterCommand(e, help(e, Optional.of(new Text("Lifecycle", "生命周期"))));
    assertFalse(r.stepDone());
    String en = r.in(Lang.EN);
    assertTrue(en.startsWith("That command failed. "), en);
    assertTrue(en.contains("What to do: "), en);
    assertTrue(en.contains("Lesson m2-lifecycle (Lifecycle) teaches this error."), en);
    String zh = r.in(Lang.ZH);
    assertTrue(zh.startsWith("刚才的命令出错了。"), zh);
    assertTrue(zh.contains("怎么办："), zh);
    assertTrue(zh.contains("这个错误在课程 m2-lifecycle（生命周期）里讲。"), zh);
    assertEquals("M0 1/4", s.where());
  }

  @Test
  void afterCommand_noteOfThisLessonsOwnError_namesNoOtherLesson_andADoneStepShowsNoNote() {
    LessonSession s = LessonSession.begin(first, bench);
    Journal.Entry e = bench.run("docker run --rm --restart always busybox true", List.of());
    Optional<ErrorHelp> h = help(e, Optional.empty());
    String own =
        new ErrorHelp(h.orElseThrow().note(), Optional.empty())
            .paragraphs("m2-lifecycle").stream().map(t -> t.en()).reduce("", String::concat);
    assertFalse(own.contains("teaches this error"), own);
    Journal.Entry right = bench.run("docker run --name hello busybox echo hi", List.of());
    Reply done = s.afterCommand(right, h);
    assertTrue(done.stepDone());
    assertFalse(done.in(Lang.EN).contains("That command failed"), done.in(Lang.EN));
  }

  @Test
  void observe_showsTheRecordedAnswerInTheOrderTheEngineWroteIt() {
    String yaml =
        Fixtures.files()
            .get("t0-first-steps.yaml")
            .replace(
                "      stderr: \"docker: Error response from daemon: Minimum memory limit allowed is"
                    + " 6MB.\\nSee 'docker run --help'.\\n\"\n",
                "      output:\n"
                    + "        - out: \"written first on stdout\\n\"\n"
                    + "        - err: \"docker: Error response from daemon: Minimum memory limit"
                    + " allowed is 6MB.\\n\"\n");
    assertTrue(yaml.contains("written first"));
    Lesson l =
        io.dockerlings.lessons.model.LessonLoader.load("t0-first-steps.yaml", yaml)
            .lesson()
            .orElseThrow();
    LessonSession s = LessonSession.begin(l, bench);
    s.skip();
    s.skip();
    s.skip();
    String said = type(s, "docker run --rm -m 4m busybox true").in(Lang.EN);
    int out = said.indexOf("written first on stdout");
    int err = said.indexOf("Minimum memory limit allowed is 6MB");
    assertTrue(out >= 0 && err > out, said);
  }

  @Test
  void observeWithAKnownDifference_saysItBesideTheRecording_andWithoutOneSaysNothing() {
    String yaml =
        Fixtures.files()
            .get("t0-first-steps.yaml")
            .replace(
                "    explain: {en: \"Docker 20.10 refuses",
                "    differs: {en: the simulator answers otherwise, zh: 模拟器的回答不同}\n"
                    + "    explain: {en: \"Docker 20.10 refuses");
    for (boolean declared : new boolean[] {true, false}) {
      Lesson l =
          io.dockerlings.lessons.model.LessonLoader.load(
                  "t0-first-steps.yaml",
                  declared ? yaml : Fixtures.files().get("t0-first-steps.yaml"))
              .lesson()
              .orElseThrow();
      LessonSession s = LessonSession.begin(l, bench);
      s.skip();
      s.skip();
      s.skip();
      Reply r = type(s, "docker run --rm -m 4m busybox true");
      assertEquals(declared, r.in(Lang.EN).contains("Known difference"), r.in(Lang.EN));
      assertEquals(declared, r.in(Lang.ZH).contains("已知差异：在这里，模拟器的回答与 Docker 20.10 不同。模拟器的回答不同"));
    }
  }

  @Test
  void intro_ofABlockNarrative_leavesOneBlankLineBetweenParagraphs_notTwo() {
    Lesson m0 =
        io.dockerlings.lessons.model.Course.of(io.dockerlings.lessons.model.Course.builtIn())
            .lesson("m0-container-vs-vm")
            .orElseThrow();
    LessonSession s = LessonSession.begin(m0, new SimulatorWorkbench(m0.host()));
    for (Lang lang : Lang.values()) {
      String intro = s.intro().in(lang);
      assertFalse(intro.contains("\n\n\n"), intro);
    }
  }

  @Test
  void predict_resumedAfterAnswering_namesTheAnswerAndTheCommands_insteadOfAskingAgain() {
    LessonSession s = LessonSession.begin(first, bench);
    type(s, "docker run --name hello busybox echo hi");
    assertTrue(s.intro().in(Lang.EN).contains("Predict first"), s.intro().in(Lang.EN));
    s.answer("3");
    SimulatorWorkbench again = new SimulatorWorkbench(first.host());
    LessonSession back = LessonSession.resume(first, again, s.progress());
    String en = back.intro().in(Lang.EN);
    assertFalse(en.contains("Predict first"), en);
    assertTrue(en.contains("Your prediction: 3. Now run:\n  docker run --name seven"), en);
    assertTrue(back.intro().in(Lang.ZH).contains("3"), back.intro().in(Lang.ZH));
    Reply r =
        back.afterCommand(again.run("docker run --name seven busybox sh -c 'exit 7'", List.of()));
    assertTrue(r.in(Lang.EN).contains("You predicted 3; the model says 7"), r.in(Lang.EN));
  }

  @Test
  void predict_withoutAuthoredHints_hintSaysWhatTheStepWants_thenNoMore() {
    LessonSession s = LessonSession.begin(first, bench);
    type(s, "docker run --name hello busybox echo hi");
    String first = s.hint().in(Lang.EN);
    assertTrue(first.contains("Any guess will do"), first);
    assertFalse(first.contains("has no hints"), first);
    String second = s.hint().in(Lang.EN);
    assertTrue(second.contains("No more hints"), second);
    s.restartStep();
    s.answer("3");
    String after = s.hint().in(Lang.ZH);
    assertTrue(after.contains("你已经回答了") && after.contains("docker run --name seven"), after);
  }

  /** A simulator that says it is a real engine, so that steps show "the real engine measured". */
  private record PretendReal(SimulatorWorkbench sim) implements Workbench {
    @Override
    public io.dockerlings.simulator.DockerEngine engine() {
      return sim.engine();
    }

    @Override
    public Journal.Entry run(String line, List<String> input) {
      return sim.run(line, input);
    }

    @Override
    public void reset(io.dockerlings.simulator.HostSpec host) {
      sim.reset(host);
    }

    @Override
    public boolean hasRealEngine() {
      return true;
    }
  }

  @Test
  void predictCpu_onAnEngine_saysTheSampleDependsOnTheHost_andOtherMeasuresDoNot() {
    Lesson cpu =
        io.dockerlings.lessons.model.Course.of(io.dockerlings.lessons.model.Course.builtIn())
            .lesson("m7-cpu-shares")
            .orElseThrow();
    PretendReal real = new PretendReal(new SimulatorWorkbench(cpu.host()));
    LessonSession s = LessonSession.begin(cpu, real);
    s.answer("50");
    s.afterCommand(
        real.run(
            "docker run -d --name high -c 1024 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'",
            List.of()));
    Reply r =
        s.afterCommand(
            real.run(
                "docker run -d --name low -c 512 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'",
                List.of()));
    String en = r.in(Lang.EN);
    assertTrue(en.contains("The real engine measured: "), en);
    assertTrue(en.contains("one sample of a live engine"), en);
    assertTrue(r.in(Lang.ZH).contains("真实引擎的一次采样"), r.in(Lang.ZH));

    PretendReal other = new PretendReal(new SimulatorWorkbench(first.host()));
    LessonSession t = LessonSession.begin(first, other);
    t.afterCommand(other.run("docker run --name hello busybox echo hi", List.of()));
    t.answer("7");
    String exit =
        t.afterCommand(other.run("docker run --name seven busybox sh -c 'exit 7'", List.of()))
            .in(Lang.EN);
    assertTrue(exit.contains("The real engine measured: 7"), exit);
    assertFalse(exit.contains("one sample"), exit);
  }
}
