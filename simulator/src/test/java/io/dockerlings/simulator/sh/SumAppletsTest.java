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
 * The checksum tools beyond the engine goldens ({@code golden/shell/checksums.golden}): a tar's
 * bytes hash the same from a pipe and from a file, and a list they wrote checks back.
 */
class SumAppletsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  @Test
  void sha256sum_ofATar_isTheSameThroughAPipeAndFromTheFile() {
    sim.host("docker save busybox -o /root/bb.tar");
    String piped = sim.host("docker save busybox | sha256sum").stdout();
    String file = sim.host("sha256sum /root/bb.tar").stdout();
    assertEquals(piped.replace("-", "/root/bb.tar"), file);
    assertTrue(file.matches("[0-9a-f]{64}  /root/bb.tar\n"), file);
  }

  @Test
  void check_readsBackWhatItWrote_andReportsAChange() {
    sim.host("cd /root && echo one > a && echo two > b && md5sum a b > sums");
    CommandResult ok = sim.host("cd /root && md5sum -c sums");
    assertEquals("a: OK\nb: OK\n", ok.stdout());
    assertEquals(0, ok.exitCode());
    sim.host("echo three > /root/b");
    CommandResult bad = sim.host("cd /root && md5sum -c sums");
    assertEquals("a: OK\nb: FAILED\n", bad.stdout());
    assertEquals("md5sum: WARNING: 1 of 2 computed checksums did NOT match\n", bad.stderr());
    assertEquals(1, bad.exitCode());
  }

  @Test
  void silentOrWarn_withoutCheck_showsTheUsage() {
    CommandResult r = sim.host("echo a | sha1sum -w");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("Usage: sha1sum [-c[sw]] [FILE]..."), r.stderr());
  }
}
