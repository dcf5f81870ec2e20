package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultsTest {
  @Test
  void line_namesTheFaultInOneLine() {
    String line = Faults.line(new IllegalStateException("first\nsecond"));
    assertEquals(
        "dockerlings: the simulator failed on this command (IllegalStateException: first); this"
            + " is a simulator fault, not docker's answer. Please report it.\n",
        line);
  }

  @Test
  void line_ofAnErrorWithoutMessage_andOfALongMessage_staysShort() {
    assertTrue(Faults.line(new StackOverflowError()).contains("(StackOverflowError)"));
    String line = Faults.line(new RuntimeException("x".repeat(1_000)));
    assertEquals(1, line.lines().count());
    assertTrue(line.length() < 400, line);
  }

  @Test
  void line_inChinese_saysTheSameFaultInChinese() {
    String line =
        Faults.line(new IllegalStateException("first"), java.util.Locale.forLanguageTag("zh-CN"));
    assertEquals(
        "dockerlings：模拟器执行这条命令时出错（IllegalStateException: first）。这是模拟器自身的故障，"
            + "不是 docker 的回答，请报告这个问题。\n",
        line);
    assertEquals(
        Faults.line(new IllegalStateException("x")),
        Faults.line(new IllegalStateException("x"), java.util.Locale.ENGLISH));
  }
}
