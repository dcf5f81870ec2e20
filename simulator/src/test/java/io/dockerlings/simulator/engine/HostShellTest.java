package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The simulated host's shell keeps its variables, exports, functions and status between lines. */
class HostShellTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

  private static Engine engine() {
    return new Engine(new SimulatorOptions(HostSpec.courseServer(), CLOCK, 3));
  }

  private static String out(Engine e, String line) {
    CommandResult r = e.hostCommand(line);
    return r.stdout();
  }

  @Test
  void run_variableSetOnOneLine_isSeenOnTheNext() {
    Engine e = engine();
    out(e, "Y=2");
    assertEquals("2\n", out(e, "echo $Y"));
  }

  @Test
  void run_plainVariable_isNotInAChildsEnvironment() {
    Engine e = engine();
    out(e, "Y=2");
    assertEquals("\n", out(e, "sh -c 'echo $Y'"));
  }

  @Test
  void run_exportedVariable_isInAChildsEnvironmentOnLaterLines() {
    Engine e = engine();
    out(e, "export X=1");
    assertEquals("1\n", out(e, "sh -c 'echo $X'"));
  }

  @Test
  void run_statusOfTheLastLine_isDollarQuestion() {
    Engine e = engine();
    out(e, "false");
    assertEquals("1\n", out(e, "echo $?"));
    assertEquals("0\n", out(e, "echo $?"));
  }

  @Test
  void run_functionDefinedOnOneLine_canBeCalledOnTheNext() {
    Engine e = engine();
    out(e, "greet() { echo hi $1; }");
    assertEquals("hi you\n", out(e, "greet you"));
  }

  @Test
  void run_containerIdInAVariable_stopsThatContainer() {
    Engine e = engine();
    out(e, "CID=$(docker run -d busybox sleep 100)");
    assertEquals("65\n", out(e, "echo $CID | wc -c"));
    String id = out(e, "echo $CID");
    assertEquals(id, out(e, "docker stop $CID"));
  }

  @Test
  void run_lineThatFaults_leavesTheVariablesAsTheyWere() {
    Engine e = engine();
    out(e, "X=1; export E=1");
    Engine counted = engine();
    counted.hostCommand("X=1; export E=1");
    counted.hostCommand("X=2; unset E; mkdir /root/q");
    int changes = counted.undo().recordedByLastCommand();
    e.undo().failAtRecord(changes);
    assertThrows(Undo.InjectedFault.class, () -> e.hostCommand("X=2; unset E; mkdir /root/q"));
    assertEquals("1 1\n", out(e, "echo $X $E"));
  }
}
