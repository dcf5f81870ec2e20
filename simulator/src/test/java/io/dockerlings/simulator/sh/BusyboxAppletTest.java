package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** busybox itself: its list agrees with the image's /bin, and it runs the applets it names. */
class BusyboxAppletTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 2));

  @Test
  void list_isExactlyTheNamesLinkedInTheImagesBin() {
    CommandResult list = sim.host("docker run --rm busybox busybox --list");
    CommandResult bin = sim.host("docker run --rm busybox ls -1 /bin");
    List<String> listed = Arrays.stream(list.stdout().split("\n")).sorted().toList();
    List<String> linked = Arrays.stream(bin.stdout().split("\n")).sorted().toList();
    assertEquals(linked, listed);
    assertEquals(BusyboxApplet.NAMES.size(), listed.size());
  }

  @Test
  void functions_wrapBelowEightyColumns_commaSeparated() {
    String text = BusyboxApplet.functions(80);
    assertTrue(text.startsWith("\t[, [[, acpid, adjtimex,"), text);
    for (String line : text.split("\n")) {
      assertTrue(line.replace("\t", "      ").length() <= 79, line);
    }
  }

  @Test
  void anAppletThroughBusybox_runs_andAnUnknownNameIsRefused() {
    assertEquals("hi\n", sim.host("docker run --rm busybox busybox echo hi").stdout());
    CommandResult r = sim.host("docker run --rm busybox busybox nosuch");
    assertEquals(127, r.exitCode());
    assertEquals("nosuch: applet not found\n", r.stderr());
  }
}
