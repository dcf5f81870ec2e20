package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatusTest {
  private static final Workload.Proc SLEEP =
      new Workload.Proc(7, 4242, 1, 1000, "1000", Instant.EPOCH, "sleep 100");

  @Test
  void text_showsIdentityAndCapabilityLinesInTheKernelsLayout() {
    String text = ProcStatus.text(SLEEP, false, Privileges.NONE, 40);
    assertTrue(text.startsWith("Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\n"), text);
    assertTrue(text.contains("\nPid:\t7\nPPid:\t1\n"), text);
    assertTrue(text.contains("\nUid:\t1000\t1000\t1000\t1000\n"), text);
    assertTrue(
        text.contains(
            "CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n"
                + "CapBnd:\t00000000a80425fb\nCapAmb:\t0000000000000000\n"),
        text);
    assertTrue(text.endsWith("NoNewPrivs:\t0\nSeccomp:\t2\nSeccomp_filters:\t1\n"), text);
  }

  @Test
  void text_forAPrivilegedRootReader_hasEveryCapabilityAndNoSeccomp() {
    Workload.Proc root = new Workload.Proc(1, 4000, 0, 0, "root", Instant.EPOCH, "grep Cap x");
    String text = ProcStatus.text(root, true, Privileges.of(true, List.of(), List.of()), 40);
    assertTrue(text.contains("State:\tR (running)\n"), text);
    assertTrue(text.contains("CapEff:\t000001ffffffffff\n"), text);
    assertTrue(text.contains("Seccomp:\t0\nSeccomp_filters:\t0\n"), text);
  }

  @Test
  void name_isTheFileNameCutTo15Bytes() {
    assertEquals("sh", ProcStatus.name("/bin/sh -c true"));
    assertEquals("a-very-long-pro", ProcStatus.name("/usr/bin/a-very-long-program-name"));
  }
}
