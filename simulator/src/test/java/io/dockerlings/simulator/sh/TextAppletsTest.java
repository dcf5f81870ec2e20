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
 * The text tools on bytes that are not text: a tar from {@code docker save} counted and cut byte
 * for byte on the simulated host, whether it comes through a pipe, a redirection or a file name
 * (engine goldens for the text side: {@code golden/shell/byte-counts.golden}).
 */
class TextAppletsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  private String host(String line) {
    CommandResult r = sim.host(line);
    assertEquals(0, r.exitCode(), line + ": " + r.stderr());
    return r.stdout().strip();
  }

  @Test
  void wcC_countsATarsBytes_theSameThroughAPipeARedirectionAndAFileName() {
    host("docker save busybox -o /root/bb.tar");
    String size = host("ls -l /root/bb.tar").split("\\s+")[4];
    assertEquals(size, host("docker save busybox | wc -c"));
    assertEquals(size, host("wc -c < /root/bb.tar"));
    assertEquals(size + " /root/bb.tar", host("wc -c /root/bb.tar"));
    assertEquals(size, host("cat /root/bb.tar | wc -c"));
    assertEquals(size, host("echo -n | cat - /root/bb.tar | wc -c"));
  }

  @Test
  void headAndTailC_cutATarByBytes_andKeepThemBytes() {
    assertEquals("512", host("docker save busybox | head -c 512 | wc -c"));
    assertEquals("1000", host("docker save busybox | tail -c 1000 | wc -c"));
    host("docker save busybox | head -c 700 > /root/part.tar");
    assertTrue(host("ls -l /root/part.tar").contains(" 700 "), host("ls -l /root/part.tar"));
  }

  @Test
  void textBeforeBytesInOnePipe_countsAsItsUtf8Bytes() {
    // é is two bytes, then three raw bytes: five in all.
    assertEquals("5", host("{ printf 'é'; printf '\\377\\376\\375'; } | wc -c"));
    assertEquals("2", host("printf 'é' | wc -c"));
  }
}
