package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Each kind of frame runs its structure: loops' statuses, case, groups' redirections. */
class ControlFramesTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  private String sh(String script) {
    return sim.host("sh -c '" + script + "'").stdout();
  }

  @Test
  void whileAndUntil_endWithTheirLastBodysStatus() {
    assertEquals("3\n0\n", sh("i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i; echo $?"));
    assertEquals("2\n", sh("i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i"));
  }

  @Test
  void ifWithoutElse_isZero_andForWalksItsWords() {
    assertEquals(
        "0\nabc\n", sh("if false; then :; fi; echo $?; for w in a b c; do printf $w; done; echo"));
  }

  @Test
  void aGroupsRedirection_holdsForItsWholeBody() {
    assertEquals("one\ntwo\n", sh("{ echo one; echo two; } > /tmp/g; cat /tmp/g"));
  }
}
