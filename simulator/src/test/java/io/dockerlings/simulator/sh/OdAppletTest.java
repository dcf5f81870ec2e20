package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * od beyond the engine goldens ({@code golden/shell/od.golden}): raw bytes of a tar, floats, {@code
 * -S}, the width warning and a type it does not simulate, run on the simulated host.
 */
class OdAppletTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  @Test
  void od_readsATarsRawBytes_fromAPipeAndFromAFile_alike() {
    sim.host("docker save busybox -o /root/bb.tar");
    CommandResult piped = sim.host("docker save busybox | head -c 64 | od -A d -t x1");
    CommandResult file = sim.host("od -A d -t x1 -N 64 /root/bb.tar");
    assertEquals(0, piped.exitCode(), piped.stderr());
    assertEquals(piped.stdout(), file.stdout());
    assertTrue(file.stdout().endsWith("0000064\n"), file.stdout());
  }

  @Test
  void floats_printAsC_withTheirFieldWidth() {
    CommandResult r = sim.host("printf '\\000\\000\\200\\077' | od -A n -t fF");
    assertEquals("   1.0000000e+00\n", r.stdout());
  }

  @Test
  void strings_listRunsThatANulEnds_atLeastTheGivenLength() {
    CommandResult r = sim.host("printf 'ab\\000hello\\000tail' | od -S 3");
    assertEquals("0000003 hello\n", r.stdout());
  }

  @Test
  void width_thatIsNoMultipleOfTheTypes_isWarnedAboutAndReplaced() {
    CommandResult r = sim.host("printf 'abcd' | od -w3 -t x2");
    assertEquals("od: warning: invalid width 3; using 2 instead\n", r.stderr());
    assertEquals("0000000 6261\n0000002 6463\n0000004\n", r.stdout());
  }

  @Test
  void longDouble_isNamedAsNotSimulated_insteadOfGuessed() {
    CommandResult r = sim.host("echo x | od -t fL");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("od -t fL"), r.stderr());
    assertEquals("", r.stdout());
  }

  @Test
  void badNumbers_andSkipsPastTheEnd_areRefused() {
    assertEquals("od: invalid number '1q'\n", sim.host("echo x | od -N 1q").stderr());
    CommandResult r = sim.host("printf 'ab' | od -j 3");
    assertEquals("od: can't skip past end of combined input\n", r.stderr());
    assertEquals(1, r.exitCode());
  }
}
