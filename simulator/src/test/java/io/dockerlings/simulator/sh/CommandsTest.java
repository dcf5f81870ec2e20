package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Simple commands and pipelines: xtrace, pipefail, negation, case, background jobs. */
class CommandsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  private CommandResult sh(String script) {
    return sim.host("sh -c '" + script + "'");
  }

  @Test
  void xtrace_quotesWhatTheShellWouldNeedToQuote() {
    assertEquals("+ echo a 'b c'\n", sh("set -x; echo a \"b c\"").stderr());
  }

  @Test
  void pipefail_reportsTheLastFailingStage_andBangNegates() {
    assertEquals(
        "0\n3\n1\n",
        sh("false | true; echo $?; set -o pipefail;" + " (exit 3) | true; echo $?; ! true; echo $?")
            .stdout());
  }

  @Test
  void case_runsTheFirstMatchingArm() {
    assertEquals("b\n", sh("case bee in a*) echo a;; b*) echo b;; *) echo c;; esac").stdout());
  }

  @Test
  void background_setsBang_andReturnsAtOnce() {
    assertEquals("0 yes\n", sh("sleep 5 & [ -n \"$!\" ] && echo $? yes").stdout());
  }
}
