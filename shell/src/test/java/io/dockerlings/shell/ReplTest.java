package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ReplTest {
  private String session(String input, String lang) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Backend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    try (Console console =
        new StreamConsole(new BufferedReader(new StringReader(input)), ps, ps, true)) {
      new Repl(backend, console, Messages.forLanguage(lang).orElseThrow(), ReplCommands.standard())
          .run();
    }
    return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
  }

  private String modesSession(String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Backend sim =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    Backend noEngine =
        new FakeBackend() {
          @Override
          public java.util.Optional<String> unavailable() {
            return java.util.Optional.of("no Docker engine answered");
          }
        };
    Backend other = new FakeBackend();
    try (Console console =
            new StreamConsole(new BufferedReader(new StringReader(input)), ps, ps, true);
        Modes modes = new Modes(sim, noEngine, other, "sim")) {
      new Repl(modes, console, Messages.forLanguage("en").orElseThrow(), ReplCommands.standard())
          .run();
    }
    return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
  }

  @Test
  void mode_withoutEngine_staysInTheSimulatorAndSaysWhy() {
    String s = modesSession("mode real\nmode\n");
    assertTrue(s.contains("mode: cannot switch to real: no Docker engine answered\n"), s);
    assertTrue(s.contains("Mode: sim.\n"), s);
  }

  @Test
  void mode_switchesAndThePromptFollows() {
    String s = modesSession("mode compare\ndocker ps\nmode sideways\n");
    assertTrue(s.contains("Mode: fake.\n"), s);
    assertTrue(
        s.contains("Real engine: Docker ran docker version --format {{.Server.Version}}."), s);
    assertTrue(s.contains("dockerlings[fake]$ "), s);
    assertTrue(s.contains("ran docker ps\n"), s);
    assertTrue(
        s.contains("mode: there is no mode called sideways; choose one of sim, real, compare"), s);
  }

  @Test
  void dockerCommands_runAndThePromptNamesTheBackend() {
    String s = session("docker run --rm busybox echo hello\nexit\n", "en");
    assertTrue(s.contains("dockerlings[sim]$ hello\n"), s);
    assertTrue(s.endsWith("Bye.\n"), s);
  }

  @Test
  void containerTerminal_takesOverThePrompt_untilExit() {
    String s = session("docker run -it busybox sh\ncd /tmp\npwd\nexit\ndocker ps -aq\n", "en");
    assertTrue(s.contains("/ # /tmp # /tmp\n/tmp # dockerlings[sim]$ "), s);
  }

  @Test
  void detachFromRun_isQuiet_andLeavesTheContainerRunning() {
    String s =
        session(
            "docker run -it --name dd busybox sh\n\u0010\u0011\ndocker ps --format '{{.Names}}'\n",
            "en");
    assertTrue(s.contains("/ # dockerlings[sim]$ dd\n"), s);
  }

  @Test
  void detachFromExec_printsDockersEscapeMessage() {
    String s =
        session(
            "docker run -d --name dd busybox sleep 1000\ndocker exec -it dd sh\n\u0010\u0011\nexit\n",
            "en");
    assertTrue(s.contains("/ # read escape sequence\ndockerlings[sim]$ "), s);
  }

  @Test
  void history_listsTheLinesTyped() {
    String s = session("docker ps -q\nhistory\n", "en");
    assertTrue(s.contains("    1  docker ps -q\n    2  history\n"), s);
  }

  @Test
  void unknownWord_getsTheShellsErrorAndAHintNamingTheCommands() {
    String s = session("hepl\n", "en");
    assertTrue(s.contains("sh: hepl: not found\n"), s);
    assertTrue(
        s.replace("\n", " ")
            .contains(
                "REPL commands: help, history, explain, mode, demo, show, import-file, exercise,"
                    + " reset, clear, lang, exit, lessons, lesson, next, hint, solution, check, answer,"
                    + " skip, back, undo, restart, progress."),
        s);
  }

  @Test
  void outOfScopeProgram_saysSoInOneLineInTheReplsLanguage() {
    String en = session("vim notes.txt\n", "en");
    assertTrue(en.contains("sh: vim: not found\n"), en);
    assertTrue(en.replace("\n", " ").contains("vim is outside what this sandbox simulates"), en);
    assertFalse(en.contains("REPL commands:"), en);
    String zh = session("kubectl get pods\n", "zh-CN");
    assertTrue(zh.replace("\n", "").contains("kubectl 不在本沙箱模拟的范围内"), zh);
  }

  @Test
  void outOfScopeProgram_thatALessonCovers_namesTheLesson_inTheReplsLanguage() {
    String en = session("mysql -uroot -h 127.0.0.1 -P 3307\n", "en").replace("\n", " ");
    assertTrue(en.contains("to do here what the notes do with mysql, see lesson m8-ports"), en);
    String zh = session("vim Dockerfile\n", "zh-CN").replace("\n", "");
    assertTrue(zh.contains("笔记里用 vim 做的事，在这里怎么做，见课程 m5-dockerfile-cache"), zh);
    String none = session("kubectl get pods\n", "en");
    assertFalse(none.contains("see lesson"), none);
  }

  @Test
  void lang_switchesTheMessages_andRejectsUnknownLanguages() {
    String s = session("lang zh-CN\nlang fr\nlang\n", "en");
    assertTrue(s.contains("语言：中文。\n"), s);
    assertTrue(s.contains("lang：没有 fr 的提示文字；可选：en, zh-CN"), s);
    assertTrue(s.contains("Language: English.\n"), s);
  }

  @Test
  void helpForOneCommand_showsItsUsage() {
    String s = session("help lang\nhelp nosuch\n", "en");
    assertTrue(s.contains("  lang [en|zh-CN]          switch the language"), s);
    assertTrue(s.contains("help: there is no REPL command called nosuch"), s);
  }

  @Test
  void badLines_andNonDockerWords_getAnErrorAndTheReplLivesOn() {
    String s = session("docker run 'unbalanced\nls -l\nhelp\nreset\nexit\n", "en");
    assertTrue(s.contains("dockerlings: unterminated quoted string"), s);
    assertTrue(s.contains("dockerlings[sim]$ total "), "ls -l runs on the simulated host: " + s);
    assertTrue(s.contains("REPL commands:"), s);
    assertTrue(s.contains("A fresh engine is ready."), s);
  }

  @Test
  void hostileLines_neverEndTheRepl_andLeaveTheEngineAsItWas() {
    java.util.Random random = new java.util.Random(5);
    String alphabet =
        "docker run rm ps -f --name '\"$()`\\|;&<> \u0000\u0007\u001b[31m\t{{.}}x\u00e9\u4e2d";
    StringBuilder input = new StringBuilder("docker run -d --name keep busybox sleep 1000\n");
    for (int i = 0; i < 300; i++) {
      StringBuilder line = new StringBuilder(random.nextBoolean() ? "docker " : "");
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String l = line.toString().replace("\n", " ");
      // Lines that could legitimately change state are left out of this check.
      if (!l.matches(".*\\b(run|rm)\\b.*")) {
        input.append(l).append('\n');
      }
    }
    input.append("docker ").append("x".repeat(1_000_000)).append('\n');
    input.append("docker ps -a --format '{{.Names}} {{.Status}}'\n");
    String s = session(input.toString(), "en");
    assertTrue(s.contains("keep Up "), s.substring(Math.max(0, s.length() - 2000)));
    assertTrue(s.endsWith("Bye.\n"));
  }

  @Test
  void chinese_messagesAreUsedWhenAsked() {
    String s = session("help\n", "zh-CN");
    assertTrue(s.contains("欢迎使用 dockerlings"), s);
    assertTrue(s.contains("本环境的命令："), s);
  }

  @Test
  void prompt_showsTheHostDirectory_awayFromHome() {
    String s = session("mkdir app\ncd app\npwd\ncd /tmp\ncd\n", "en");
    assertTrue(s.contains("dockerlings[sim]$ dockerlings[sim] ~/app$ /root/app\n"), s);
    assertTrue(s.contains("dockerlings[sim] /tmp$ dockerlings[sim]$ "), s);
  }

  @Test
  void importFile_copiesANamedRealFileIntoTheHost_andSaysWhereItWent(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("notes.txt"), "from elsewhere\n");
    String s =
        modesSession(
            "import-file "
                + dir.resolve("notes.txt")
                + "\ncat notes.txt\n"
                + "import-file "
                + dir.resolve("missing")
                + "\nimport-file\n");
    assertTrue(s.contains("Imported " + dir.resolve("notes.txt") + " into /root."), s);
    assertTrue(s.contains("from elsewhere\n"), s);
    assertTrue(s.contains("import-file: cannot import " + dir.resolve("missing")), s);
    assertTrue(s.contains("import-file: name one real file or directory"), s);
  }

  @Test
  void dockerError_isFollowedByANote_inTheReplsLanguage_andDockersTextIsUnchanged() {
    String s = session("docker run --rm -m 4m busybox true\n", "zh-CN");
    assertTrue(
        s.contains(
            "docker: Error response from daemon: Minimum memory limit allowed is 6MB.\n"
                + "See 'docker run --help'.\n» 说明：引擎不接受低于 6MB 的内存限额。"),
        s);
  }

  @Test
  void explain_repeatsTheLastNoteAtLength_orSaysThereIsNone() {
    String none = session("explain\n", "en");
    assertTrue(none.contains("explain: no error to explain yet."), none);
    String s = session("docker run --rm --restart=always busybox true\nexplain\n", "en");
    assertTrue(s.contains("docker said:\n  docker: Conflicting options: --restart and --rm.\n"), s);
    assertTrue(s.contains("What to do:\n  Keep one: --rm"), s);
    assertTrue(s.contains("Lesson:\n  m2-lifecycle\n"), s);
  }

  @Test
  void explainText_looksUpAPastedMessage() {
    String s = session("explain Error: No such volume: data\nexplain all is well\n", "en");
    assertTrue(s.contains("There is no volume called data."), s);
    assertTrue(s.contains("explain: no error in the catalogue matches that text."), s);
  }

  @Test
  void typos_getTheNearestCommandFlagOrName_inBothLanguages() {
    String s =
        session(
            "docker run -d --name web busybox sleep 100\ndocker rnu busybox\n"
                + "docker run --memroy 10m busybox\ndokcer ps\ndocker stop wbe\n",
            "en");
    assertTrue(s.contains("docker: 'rnu' is not a docker command.\nSee 'docker --help'\n"), s);
    assertTrue(s.contains("Did you mean docker run?"), s);
    assertTrue(s.contains("Did you mean --memory?"), s);
    assertTrue(s.contains("Did you mean docker ps?"), s);
    assertTrue(s.contains("Did you mean web?"), s);
    String zh = session("docker rnu busybox\n", "zh-CN");
    assertTrue(zh.contains("你是不是想输入 docker run？"), zh);
  }

  @Test
  void unknownHostWord_farFromDocker_getsNoNote() {
    String s = session("frobnicate\n", "en");
    assertTrue(!s.contains("» note"), s);
  }

  private String lessonSession(String input, String lang) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    Backend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    io.dockerlings.lessons.model.Course course =
        io.dockerlings.lessons.model.Course.of(
            io.dockerlings.lessons.model.Course.readDir(
                java.nio.file.Path.of("src/test/resources/lessons-e2e/course")));
    LessonDesk desk =
        new LessonDesk(
            course,
            new ShellWorkbench(backend),
            java.util.Optional.empty(),
            io.dockerlings.lessons.progress.Progress.empty());
    try (Console console =
        new StreamConsole(new BufferedReader(new StringReader(input)), ps, ps, true)) {
      new Repl(
              backend,
              console,
              Messages.forLanguage(lang).orElseThrow(),
              ReplCommands.standard(),
              java.util.Optional.of(desk))
          .run();
    }
    return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
  }

  @Test
  void failingCommandInALessonStep_theStepShowsTheNoteAndItsLesson_inEnglishAndChinese() {
    String line = "docker run --rm --restart always busybox true\n";
    String en = lessonSession("lesson t0-first-steps\n" + line + "explain\n", "en");
    assertTrue(en.contains("Conflicting options: --restart and --rm"), en);
    assertTrue(en.contains("That command failed. "), en);
    assertTrue(en.contains("What to do: "), en);
    assertTrue(en.contains("Lesson m2-lifecycle (m2-lifecycle) teaches this error."), en);
    // The step shows the note; the REPL does not show it a second time, and explain still works.
    assertTrue(!en.contains("\u00bb note:"), en);
    assertTrue(en.contains("Lesson:\n  m2-lifecycle\n"), en);
    String zh = lessonSession("lesson t0-first-steps\n" + line, "zh-CN");
    assertTrue(zh.contains("刚才的命令出错了。"), zh);
    assertTrue(zh.contains("怎么办："), zh);
    assertTrue(zh.contains("这个错误在课程 m2-lifecycle（m2-lifecycle）里讲。"), zh);
    String outside = lessonSession(line, "en");
    assertTrue(outside.contains("\u00bb note:"), outside);
    assertTrue(!outside.contains("That command failed."), outside);
  }

  @Test
  void ctrlC_inAContainerShell_endsSleepAndABusyLoop_with130_andExitThenWorks() {
    String s =
        session(
            "docker run -it --name box busybox sh\nsleep 100\n\u0003\necho $?\n"
                + "while true; do :; done\nexit\n\u0003\necho after-$?\nexit\ndocker ps -a\n",
            "en");
    assertTrue(s.contains("/ # \n/ # 130\n"), s);
    // "exit" typed during the loop is dropped with the Ctrl-C, as a terminal drops its input.
    assertTrue(s.contains("/ # after-130\n"), s);
    assertTrue(s.contains("Exited (0)"), s);
  }

  @Test
  void ctrlC_ignoredByPid1_saysSo_andTheDetachKeysLeave() {
    String s =
        session(
            "docker run -it --name nap busybox sleep 100\n\u0003\n"
                + StreamConsole.DETACH_KEYS
                + "\ndocker ps\n",
            "en");
    assertTrue(s.contains("has no handler for SIGINT"), s);
    assertTrue(s.contains("Up "), s);
  }

  @Test
  void ctrlC_ignoredByPid1_saysSoInChinese() {
    String s =
        session(
            "docker run -it --name nap busybox sleep 100\n\u0003\n"
                + StreamConsole.DETACH_KEYS
                + "\n",
            "zh-CN");
    assertTrue(s.contains("没有处理 SIGINT"), s);
  }

  @Test
  void linesTypedWhileAProgramRuns_waitForIt_andTheEndOfInputLeavesItRunning() {
    String s = session("docker run -it --name hog progrium/stress --cpu 1\nls\n", "en");
    assertTrue(s.contains("dispatching hogs"), s);
    assertTrue(s.endsWith("Bye.\n"), s);
  }

  @Test
  void output_showsStdoutAndStderr_inTheOrderTheContainerWroteThem() {
    String s =
        session(
            "docker run --rm busybox sh -c \"echo out; sleep 0.3; echo err >&2; sleep 0.3; echo"
                + " out2\"\n",
            "en");
    assertTrue(s.contains("out\nerr\nout2\n"), s);
  }

  @Test
  void ownMessages_wrapAtTheTerminalWidth_modeRealNoteAndHelpIncluded() {
    String s = modesSession("mode compare\nhelp\nlang zh-CN\nhelp\nmode sim\n");
    for (String line : s.split("\n")) {
      // The stream console prints each prompt with what follows it on the same line.
      String shown = line.replaceFirst("^(dockerlings\\[[a-z]+\\]\\$ )+", "");
      assertTrue(Wrap.width(shown) <= 120, line);
    }
    assertTrue(s.replace("\n", " ").contains("labelled io.dockerlings.sandbox"), s);
  }

  @Test
  void execAndHostLines_showTheirStreams_inTheOrderTheyWereWritten() {
    String s =
        session(
            "docker run -d --name s3h-o busybox sleep 600\n"
                + "docker exec s3h-o sh -c \"echo 1; echo 2 >&2; echo 3\"\n"
                + "ls -d /nope /etc; echo x >&2; echo y\n",
            "en");
    assertTrue(s.contains("1\n2\n3\n"), s);
    assertTrue(s.contains("ls: /nope: No such file or directory\n/etc\nx\ny\n"), s);
  }

  @Test
  void help_explainsCtrlC_ctrlD_andTheDetachKeys_inBothLanguages_atTheTerminalWidth() {
    String en = session("help\n", "en");
    assertTrue(en.contains("  Ctrl-C                   stops what runs in the foreground."), en);
    assertTrue(en.replace("\n", " ").replaceAll(" +", " ").contains("ends with status 130"), en);
    assertTrue(en.contains("  Ctrl-D                   ends the input"), en);
    assertTrue(en.contains("  Ctrl-P Ctrl-Q            detaches"), en);
    String zh = session("help\n", "zh-CN");
    assertTrue(zh.contains("  Ctrl-C                   中断前台正在运行的程序"), zh);
    assertTrue(zh.contains("  Ctrl-P Ctrl-Q            从容器终端分离"), zh);
    for (String line : (en + zh).split("\n")) {
      String shown = line.replaceFirst("^(dockerlings\\[[a-z]+\\]\\$ )+", "");
      assertTrue(Wrap.width(shown) <= 120, line);
    }
  }

  /** A live terminal driven by the test: each read runs the next step of the script. */
  private static final class LiveConsole implements Console {
    final java.util.List<String> prompts = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.List<String[]> above = new java.util.concurrent.CopyOnWriteArrayList<>();
    final StringBuffer out = new StringBuffer();
    final java.util.concurrent.CountDownLatch aboveShown =
        new java.util.concurrent.CountDownLatch(1);
    private final java.util.Deque<java.util.function.Supplier<Input>> script;

    LiveConsole(java.util.List<java.util.function.Supplier<Input>> script) {
      this.script = new java.util.ArrayDeque<>(script);
    }

    @Override
    public Input readLine(String prompt) {
      prompts.add(prompt);
      return script.isEmpty() ? new EndOfInput() : script.poll().get();
    }

    @Override
    public Input readContainerLine(String prompt) {
      return new EndOfInput();
    }

    @Override
    public void out(String text) {
      out.append(text);
    }

    @Override
    public void err(String text) {
      out.append(text);
    }

    @Override
    public void above(String text, String prompt) {
      above.add(new String[] {text, prompt});
      out.append(text);
      aboveShown.countDown();
    }

    @Override
    public void clear() {}

    @Override
    public boolean live() {
      return true;
    }

    @Override
    public int width() {
      return 80;
    }

    @Override
    public int readKey(long timeoutMillis) {
      return END;
    }

    @Override
    public java.util.List<String> history() {
      return java.util.List.of();
    }

    @Override
    public void close() {}

    @Override
    public Input readWhileRunning(long timeoutMillis) {
      return new EndOfInput();
    }
  }

  /**
   * A data directory whose progress is inside the fixture lesson's first step, and a desk arrival
   * on it that waits for {@code release} before it loads.
   */
  private static DeskArrival arrivalInALesson(
      java.nio.file.Path data, java.util.concurrent.CountDownLatch release, Messages m) {
    io.dockerlings.lessons.model.Course course =
        io.dockerlings.lessons.model.Course.of(
            io.dockerlings.lessons.model.Course.readDir(
                java.nio.file.Path.of("src/test/resources/lessons-e2e/course")));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Backend first =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    LessonsCli.desk(first, course, java.util.Optional.of(data), quiet, m)
        .handle("lesson", java.util.List.of("t0-first-steps"), m);
    Backend second =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    return DeskArrival.inBackground(
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return LessonsCli.desk(second, course, java.util.Optional.of(data), quiet, m);
        },
        d -> d.resume(m),
        e -> "failed: " + e,
        () -> {});
  }

  @Test
  void prompt_comesBeforeTheLessons_andWhereTheLearnerWasAppearsAboveIt(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
    Messages m = Messages.forLanguage("en").orElseThrow();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    DeskArrival arrival = arrivalInALesson(data, release, m);
    java.util.concurrent.atomic.AtomicReference<LiveConsole> self =
        new java.util.concurrent.atomic.AtomicReference<>();
    LiveConsole console =
        new LiveConsole(
            java.util.List.of(
                () -> {
                  // The prompt is up and the lessons are not loaded yet: let them load now.
                  release.countDown();
                  try {
                    assertTrue(
                        self.get().aboveShown.await(30, java.util.concurrent.TimeUnit.SECONDS));
                  } catch (InterruptedException e) {
                    throw new AssertionError(e);
                  }
                  return new Console.Line("check");
                },
                () -> new Console.Line("exit")));
    self.set(console);
    Backend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    new Repl(backend, console, m, ReplCommands.standard(), arrival, java.util.Optional.empty())
        .run();
    assertEquals("dockerlings[sim]$ ", console.prompts.get(0), console.prompts.toString());
    assertEquals(1, console.above.size());
    String said = console.above.get(0)[0];
    assertTrue(said.contains("Resuming lesson t0-first-steps at M0 1/"), said);
    assertTrue(
        console.above.get(0)[1].startsWith("dockerlings[sim M0 1/"), console.above.get(0)[1]);
    assertTrue(
        console.prompts.get(1).startsWith("dockerlings[sim M0 1/"), console.prompts.toString());
    String out = console.out.toString();
    assertEquals(out.indexOf("Resuming lesson"), out.lastIndexOf("Resuming lesson"), out);
  }

  @Test
  void lessonCommand_typedBeforeTheLessonsArrive_waitsForThem_andNeverFails(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
    Messages m = Messages.forLanguage("en").orElseThrow();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    DeskArrival arrival = arrivalInALesson(data, release, m);
    Thread later =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });
    later.start();
    LiveConsole console =
        new LiveConsole(
            java.util.List.of(() -> new Console.Line("hint"), () -> new Console.Line("exit")));
    Backend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    new Repl(backend, console, m, ReplCommands.standard(), arrival, java.util.Optional.empty())
        .run();
    later.join();
    String out = console.out.toString();
    int resumed = out.indexOf("Resuming lesson t0-first-steps");
    int hint = out.indexOf("docker run takes --name before the image.");
    assertTrue(resumed >= 0 && hint > resumed, out);
    assertTrue(!out.contains("Lessons are not available") && !out.contains("not in a lesson"), out);
    assertEquals(0, console.above.size());
  }

  @Test
  void lang_alsoSwitchesTheSimulatorsOwnNotes_butNotDockersWords() {
    String s =
        session("brctl addbr x\nlang zh-CN\nbrctl addbr x\ndocker swarm init\nls /nope\n", "en");
    int switched = s.indexOf("语言：中文。");
    assertTrue(switched > 0, s);
    int english = s.indexOf("dockerlings: only brctl show is simulated");
    assertTrue(english >= 0 && english < switched, s);
    assertTrue(s.indexOf("dockerlings：只模拟了 brctl show。") > switched, s);
    assertTrue(s.contains("dockerlings：docker swarm 是真实的 docker 命令，但本模拟器不执行它。"), s);
    assertTrue(s.contains("ls: /nope: No such file or directory"), s);
  }

  @Test
  void startedInChinese_theSimulatorsNotesAreChineseFromTheFirstLine() {
    String s = session("brctl addbr x\n", "zh-CN");
    assertTrue(s.contains("dockerlings：只模拟了 brctl show。"), s);
    assertTrue(!s.contains("only brctl show"), s);
  }

  @Test
  void dockerLineTypedAlone_setsTheHostsStatus_asAtARealHostsPrompt() {
    String s =
        session(
            "docker inspect nosuch\necho \"st $?\"\n"
                + "docker run -it --rm busybox sh\nexit 5\necho \"st $?\"\n"
                + "docker ps -q\necho \"st $?\"\n",
            "en");
    assertEquals(
        java.util.List.of("st 1", "st 5", "st 0"),
        s.lines()
            .map(l -> l.replaceAll(".*(st \\d+)$", "$1"))
            .filter(l -> l.matches("st \\d+"))
            .toList(),
        s);
  }

  @Test
  void lsInAnItSession_laysOutAtTheTerminalsWidth_andFollowsAResize() {
    WindowConsole console =
        new WindowConsole(
            java.util.List.of("docker run -it --rm busybox sh"),
            java.util.List.of("ls /", "#w=120", "ls /", "#w=10", "ls /", "exit"));
    Backend backend =
        new SimulatorBackend(
            () -> new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 9));
    new Repl(backend, console, Messages.forLanguage("en").orElseThrow(), ReplCommands.standard())
        .run();
    String s = console.out.toString();
    assertTrue(
        s.contains(
            "bin   etc   root  tmp\ndev   proc  sys   var\n"
                + "bin   dev   etc   proc  root  sys   tmp   var\n"
                + "bin\ndev\netc\nproc\nroot\nsys\ntmp\nvar\n"),
        s);
  }

  /**
   * A live terminal {@code width} columns wide: the REPL reads its lines, a container its own; a
   * container line {@code #w=N} resizes the window to N columns before the next line.
   */
  private static final class WindowConsole implements Console {
    final StringBuilder out = new StringBuilder();
    private final java.util.Deque<String> lines;
    private final java.util.Deque<String> containerLines;
    private int width = 30;

    WindowConsole(java.util.List<String> lines, java.util.List<String> containerLines) {
      this.lines = new java.util.ArrayDeque<>(lines);
      this.containerLines = new java.util.ArrayDeque<>(containerLines);
    }

    @Override
    public Input readLine(String prompt) {
      return lines.isEmpty() ? new EndOfInput() : new Line(lines.poll());
    }

    @Override
    public Input readContainerLine(String prompt) {
      String next = containerLines.poll();
      while (next != null && next.startsWith("#w=")) {
        width = Integer.parseInt(next.substring(3));
        next = containerLines.poll();
      }
      return next == null ? new EndOfInput() : new Line(next);
    }

    @Override
    public Input readWhileRunning(long timeoutMillis) {
      return new EndOfInput();
    }

    @Override
    public void out(String text) {
      out.append(text);
    }

    @Override
    public void err(String text) {
      out.append(text);
    }

    @Override
    public void clear() {}

    @Override
    public boolean live() {
      return true;
    }

    @Override
    public int width() {
      return width;
    }

    @Override
    public int readKey(long timeoutMillis) {
      return END;
    }

    @Override
    public java.util.List<String> history() {
      return java.util.List.of();
    }

    @Override
    public void close() {}
  }
}
