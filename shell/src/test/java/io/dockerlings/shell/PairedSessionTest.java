package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.InteractiveSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedSessionTest {
  /** A shell that records what it is sent and ends on exit. */
  private static final class Shell implements InteractiveSession {
    final List<String> got = new ArrayList<>();
    final String name;
    boolean open = true;
    boolean detached;
    int ended;

    Shell(String name) {
      this.name = name;
    }

    @Override
    public String prompt() {
      return name + "# ";
    }

    @Override
    public String send(String line) {
      got.add(line);
      if (line.startsWith("exit")) {
        open = false;
      }
      return name + ":" + line + "\n";
    }

    @Override
    public String endOfInput() {
      got.add("^D");
      open = false;
      return "";
    }

    @Override
    public String interrupt() {
      got.add("^C");
      return "^C\n";
    }

    @Override
    public void detach() {
      detached = true;
      open = false;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public int exitCode() {
      ended++;
      return 3;
    }
  }

  private final Shell sim = new Shell("sim");
  private final Shell engine = new Shell("engine");
  private final PairedSession paired = new PairedSession(sim, engine);

  @Test
  void linesAndCtrlC_goToBoth_andTheLearnerSeesTheSimulator() {
    assertEquals("sim# ", paired.prompt());
    assertEquals("sim:echo hi\n", paired.send("echo hi"));
    assertEquals("^C\n", paired.interrupt());
    assertEquals(List.of("echo hi", "^C"), sim.got);
    assertEquals(List.of("echo hi", InteractiveSession.CTRL_C), engine.got);
  }

  @Test
  void exit_endsBoth_andTheEnginesStatusIsRead() {
    paired.send("exit 3");
    assertFalse(paired.isOpen());
    assertEquals(3, paired.exitCode());
    assertEquals(1, engine.ended);
    assertFalse(engine.detached);
  }

  @Test
  void anEngineStillOpenWhenTheSimulatorEnds_isDetachedAndLeftRunning() {
    engine.open = true;
    sim.endOfInput();
    paired.poll();
    assertTrue(engine.detached);
    assertEquals(0, engine.ended);
  }

  @Test
  void detach_detachesBoth_once() {
    paired.detach();
    assertTrue(sim.detached);
    assertTrue(engine.detached);
    assertEquals(List.of(), engine.got);
  }

  @Test
  void answer_dropsTheEchoTheCarriageReturnsTheCursorQueryAndThePrompt() {
    assertEquals("130\n", PairedSession.answer("echo $?\r\n130\r\n/ # \u001b[6n", "echo $?"));
    assertEquals("", PairedSession.answer("cd /tmp\r\n/tmp # \u001b[6n", "cd /tmp"));
  }

  @Test
  void send_showsTheComparison_onlyWhereTheAnswersDiffer() {
    Shell sim = new Shell("sim");
    Shell engine = new Shell("sim");
    List<String> compared = new ArrayList<>();
    PairedSession paired =
        new PairedSession(
            sim,
            engine,
            (left, right) -> {
              compared.add(left + "|" + right);
              return left.equals(right) ? "" : "DIFF\n";
            });
    // The stand-in engine answers "sim:LINE\n" and the stand-in simulator the same: no note.
    assertEquals("sim:ls\n", paired.send("ls"));
    Shell other = new Shell("eng");
    PairedSession differing =
        new PairedSession(sim, other, (left, right) -> left.equals(right) ? "" : "DIFF\n");
    assertEquals("sim:ps\nDIFF\n", differing.send("ps"));
    assertEquals(List.of("sim:ls\n|sim:ls\n"), compared);
  }
}
