package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path work;

  /** Runs with the workspace in a temporary directory, so that nothing lands in the real home. */
  private int main(String input, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--workspace";
    all[1] = work.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Main.run(
        all,
        new BufferedReader(new StringReader(input)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownOption_isAUsageError() {
    assertEquals(2, main("", "--bogus"));
    assertEquals("dockerlings: unknown option --bogus (see --help)\n", err());
  }

  @Test
  void unknownBackend_isAUsageError() {
    assertEquals(2, main("", "--batch", "--backend", "docker"));
    assertEquals(
        "dockerlings: there is no backend 'docker'; --backend takes sim, real, compare\n", err());
  }

  @Test
  void optionWithoutItsValue_isAUsageError() {
    assertEquals(2, main("", "--lang"));
    assertEquals("dockerlings: --lang needs a value (see --help)\n", err());
  }

  @Test
  void unknownLanguage_isAUsageError() {
    assertEquals(2, main("", "--lang", "fr"));
    assertEquals("dockerlings: no messages in fr; --lang takes en or zh-CN\n", err());
  }

  @Test
  void jsonWithoutBatch_isAUsageError() {
    assertEquals(2, main("", "--json"));
    assertTrue(err().contains("--json goes with --batch"));
  }

  @Test
  void batch_runsTheScript() {
    assertEquals(0, main("docker run --rm busybox echo ok\n", "--batch", "--backend", "sim"));
    assertEquals("ok\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutATerminal_theReplReadsTheStream() throws java.io.IOException {
    assertEquals(0, main("docker run --rm busybox echo ok\n", "--lang", "en"));
    String s = out.toString(StandardCharsets.UTF_8);
    assertTrue(s.startsWith("Your workspace is " + work.toRealPath().toString()), s);
    assertTrue(s.contains("Welcome to dockerlings (sim backend)."), s);
    assertTrue(s.contains("dockerlings[sim]$ ok\n"), s);
  }

  @Test
  void help_hasNoStrayQuoting_inEitherLanguage() {
    assertEquals(0, main("", "--lang", "en", "--help"));
    assertEquals(0, main("", "--lang", "zh-CN", "--help"));
    String s = out.toString(StandardCharsets.UTF_8);
    assertTrue(s.contains("REPL's own messages"), s);
    assertTrue(!s.contains("''"), s);
    assertTrue(s.contains("--workspace"), s);
  }

  @Test
  void workspace_isWhereHostLinesAndDockerCpWrite() throws java.io.IOException {
    String script = "docker run -d --name wsct busybox sleep 100\ndocker cp wsct:/etc/hostname .\n";
    assertEquals(0, main(script, "--batch"));
    assertTrue(java.nio.file.Files.exists(work.resolve("hostname")), err());
  }

  @Test
  void help_inTheChosenLanguage_andVersion() {
    assertEquals(0, main("", "--lang", "zh-CN", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("用法：dockerlings"));
    out.reset();
    assertEquals(0, main("", "--version"));
    assertEquals(Main.VERSION + "\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void home_isThePropertyThenTheEnvironmentThenTheUsersDirectory() {
    assertEquals(Path.of("/p"), Main.home(Map.of("DOCKERLINGS_HOME", "/e"), "/p"));
    assertEquals(Path.of("/e"), Main.home(Map.of("DOCKERLINGS_HOME", "/e"), null));
    assertEquals(
        Path.of(System.getProperty("user.home"), ".dockerlings"), Main.home(Map.of(), null));
  }

  @Test
  void grade_isTheGradingCommand_andAMissingDirectoryIsAUsageError() {
    assertEquals(2, main("", "grade"));
    assertTrue(err().contains("usage: dockerlings grade"), err());
    assertEquals(2, main("", "grade", "no-such-exercise", "."));
  }

  private static final String NOTES_SCRIPT =
      "docker swarm init\n"
          + "brctl addbr x\n"
          + "docker run --name fg busybox sh -c 'while true; do echo on; sleep 1; done'\n"
          + "docker run --rm busybox ls /nope\n";

  @Test
  void batch_inChinese_saysTheSimulatorsOwnNotesInChinese_andDockersWordsAsDockerPrintsThem() {
    main(NOTES_SCRIPT, "--batch", "--lang", "zh-CN");
    String all = out.toString(StandardCharsets.UTF_8) + err();
    assertTrue(all.contains("dockerlings：docker swarm 是真实的 docker 命令，但本模拟器不执行它。\n"), all);
    assertTrue(all.contains("dockerlings：只模拟了 brctl show。\n"), all);
    assertTrue(all.contains("dockerlings：fg 仍在运行。真实的 docker 客户端会一直附着在容器上，直到按下 Ctrl-C；"), all);
    assertTrue(all.contains("ls: /nope: No such file or directory\n"), all);
    assertTrue(
        !all.contains("simulator does not carry out") && !all.contains("keeps running"), all);
  }

  @Test
  void batch_byDefault_saysTheSimulatorsOwnNotesInEnglish() {
    main(NOTES_SCRIPT, "--batch");
    String all = out.toString(StandardCharsets.UTF_8) + err();
    assertTrue(
        all.contains(
            "dockerlings: 'docker swarm' is a real docker command that this simulator does not"
                + " carry out.\n"),
        all);
    assertTrue(all.contains("dockerlings: only brctl show is simulated\n"), all);
    assertTrue(all.contains("dockerlings: fg keeps running; a real docker CLI would stay"), all);
    assertTrue(all.contains("ls: /nope: No such file or directory\n"), all);
  }

  @Test
  void sessionName_isTheStartInUtc_andTheProcessId() {
    // 2026-12-05 15:22:00 UTC, and one second before the new year.
    assertEquals("session-20261205-152200Z-4242", Main.sessionName(1796484120L, 4242));
    assertEquals("session-20261231-235959Z-7", Main.sessionName(1798761599L, 7));
    assertEquals("session-19700101-000000Z-1", Main.sessionName(0, 1));
  }

  @Test
  void atTerminal_believesTheLauncher_andOtherwiseAsksTheJvm() {
    assertTrue(Main.atTerminal("true"));
    assertEquals(false, Main.atTerminal("false"));
    // Tests run on pipes: without the launcher's word the JVM's own test says no terminal.
    assertEquals(System.console() != null, Main.atTerminal(null));
    assertEquals(System.console() != null, Main.atTerminal("maybe"));
  }

  private int mainIn(Map<String, String> env, String... args) {
    return Main.run(
        args,
        env,
        new BufferedReader(new StringReader("")),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
  }

  @Test
  void usageErrors_speakChinese_whenLangComesLater_orTheLocaleIsChinese() {
    assertEquals(2, mainIn(Map.of(), "--bogus", "--lang", "zh-CN"));
    assertEquals("dockerlings：没有 --bogus 这个选项（见 --help）\n", err());
    err.reset();
    assertEquals(2, mainIn(Map.of("LANG", "zh_CN.UTF-8"), "--lang"));
    assertEquals("dockerlings：--lang 后面要跟一个值（见 --help）\n", err());
    err.reset();
    assertEquals(2, mainIn(Map.of("LANG", "zh_CN.UTF-8"), "--backend", "docker"));
    assertEquals("dockerlings：没有名为“docker”的后端；--backend 可以取 sim, real, compare\n", err());
    err.reset();
    assertEquals(2, mainIn(Map.of("LANG", "zh_CN.UTF-8"), "--lang", "fr"));
    assertEquals("dockerlings：没有 fr 语言的提示；--lang 可以取 en 或 zh-CN\n", err());
    err.reset();
    assertEquals(2, mainIn(Map.of("LC_ALL", "zh_CN.UTF-8", "LANG", "en_US.UTF-8"), "--json"));
    assertEquals("dockerlings：--json 只能和 --batch 一起用\n", err());
  }

  @Test
  void usageErrors_speakEnglish_whenAskedOrTheLocaleIsNotChinese() {
    assertEquals(2, mainIn(Map.of("LANG", "zh_CN.UTF-8"), "--bogus", "--lang", "en"));
    assertEquals("dockerlings: unknown option --bogus (see --help)\n", err());
    err.reset();
    assertEquals(2, mainIn(Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8"), "--json"));
    assertEquals("dockerlings: --json goes with --batch\n", err());
  }

  @Test
  void substitutionOfAHostCommand_andAnUnclosedQuote_areSaidInChinese() {
    assertEquals(
        0,
        main(
            "docker inspect $(ls /)\ndocker run 'x\ndocker run $(docker ps\n",
            "--batch",
            "--lang",
            "zh-CN"));
    assertTrue(err().contains("dockerlings：$(...) 里只能替换 docker 命令：ls /\n"), err());
    assertTrue(err().contains("dockerlings：引号没有闭合\n"), err());
    assertTrue(err().contains("dockerlings：$(...) 替换没有闭合\n"), err());
  }

  @Test
  void withoutLang_aChineseLangVariable_makesTheSessionChinese_asTheLauncherDecides() {
    int status =
        Main.run(
            new String[] {"--workspace", work.toString(), "--batch"},
            Map.of("LANG", "zh_CN.UTF-8"),
            new BufferedReader(new StringReader("docker swarm init\n")),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    assertEquals(0, status);
    assertTrue(err().contains("dockerlings：docker swarm 是真实的 docker 命令"), err());
  }
}
