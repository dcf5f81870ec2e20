package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The stack's unwinding: set -e inside conditions, break/return, subshell exit, local. */
class FramesTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  private CommandResult sh(String script) {
    return sim.host("sh -c '" + script + "'");
  }

  @Test
  void errexit_spares_conditionsAndTheLeftOfAndOr_butEndsOnAPlainFailure() {
    CommandResult r = sh("set -e; if false; then :; fi; false && :; echo survived; false; echo no");
    assertEquals("survived\n", r.stdout());
    assertEquals(1, r.exitCode());
  }

  @Test
  void breakTwoLevels_andReturn_unwindToTheRightFrame() {
    CommandResult r =
        sh(
            "for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done;"
                + " f() { echo in; return 4; echo no; }; f; echo $?");
    assertEquals("1a\nin\n4\n", r.stdout());
  }

  @Test
  void exitInASubshell_endsOnlyTheSubshell_andItsVariablesGoBack() {
    CommandResult r = sh("x=1; (x=2; exit 3); echo $? $x");
    assertEquals("3 1\n", r.stdout());
  }

  @Test
  void local_isUndoneWhenTheFunctionReturns() {
    assertEquals("1\n", sh("x=1; f() { local x=2; }; f; echo $x").stdout());
  }
}
