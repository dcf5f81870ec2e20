package io.dockerlings.shell;

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
      new Repl(backend, console, Messages.forTag(lang)).run();
    }
    return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
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
  void detach_leavesTheContainerRunning() {
    String s =
        session(
            "docker run -it --name d busybox sh\n\u0010\u0011\ndocker ps --format '{{.Names}}'\n",
            "en");
    assertTrue(s.contains("read escape sequence\n"), s);
    assertTrue(s.contains("dockerlings[sim]$ d\n"), s);
  }

  @Test
  void badLines_andNonDockerWords_getAnErrorAndTheReplLivesOn() {
    String s = session("docker run 'unbalanced\nls -l\nhelp\nreset\nexit\n", "en");
    assertTrue(s.contains("dockerlings: unterminated quoted string"), s);
    assertTrue(s.contains("\"ls\" is not a docker command here"), s);
    assertTrue(s.contains("REPL commands:"), s);
    assertTrue(s.contains("A fresh engine is ready."), s);
  }

  @Test
  void chinese_messagesAreUsedWhenAsked() {
    String s = session("help\n", "zh-CN");
    assertTrue(s.contains("欢迎使用 dockerlings"), s);
    assertTrue(s.contains("本环境的命令："), s);
  }
}
