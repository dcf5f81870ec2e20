package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegesTest {
  private static final int KERNEL_6 = 40;

  private static long bounding(boolean privileged, List<String> add, List<String> drop) {
    return Privileges.of(privileged, add, drop).bounding(KERNEL_6);
  }

  @Test
  void bounding_withNoFlags_isTheEnginesDefaultSet() {
    assertEquals(0xa80425fbL, Privileges.NONE.bounding(KERNEL_6));
  }

  @Test
  void bounding_dropsThenAdds_namesInAnyCaseWithOrWithoutPrefix() {
    assertEquals(0xa80435fbL, bounding(false, List.of("net_admin"), List.of()));
    assertEquals(0xa80425faL, bounding(false, List.of(), List.of("CAP_CHOWN")));
    assertEquals(0xa82405fbL, bounding(false, List.of("cap_sys_admin"), List.of("NET_RAW")));
  }

  @Test
  void bounding_withAll_startsFromEverythingOrNothing() {
    assertEquals(0L, bounding(false, List.of(), List.of("ALL")));
    assertEquals(0x1000L, bounding(false, List.of("NET_ADMIN"), List.of("all")));
    assertEquals(0x1fffffffffeL, bounding(false, List.of("ALL"), List.of("CHOWN")));
  }

  @Test
  void bounding_privileged_isEveryCapabilityOfTheKernel_whateverTheDrops() {
    assertEquals(0x1ffffffffffL, bounding(true, List.of(), List.of("ALL")));
    assertEquals(0x1fffffffffL, Privileges.of(true, List.of(), List.of()).bounding(36));
  }

  @Test
  void effective_isNothingForANonRootUser() {
    assertEquals(0xa80425fbL, Privileges.NONE.effective(KERNEL_6, 0));
    assertEquals(0L, Privileges.NONE.effective(KERNEL_6, 1000));
  }

  @Test
  void seccompMode_isFilterUnlessPrivileged() {
    assertEquals(2, Privileges.NONE.seccompMode());
    assertEquals(0, Privileges.of(true, List.of(), List.of()).seccompMode());
  }

  @Test
  void of_unknownCapability_isRejectedWithItsPrefixedName() {
    Failure add =
        assertThrows(Failure.class, () -> Privileges.of(false, List.of("bogus"), List.of()));
    assertEquals("invalid CapAdd: unknown capability: \"CAP_BOGUS\"", add.getMessage());
    Failure drop =
        assertThrows(Failure.class, () -> Privileges.of(false, List.of(), List.of("CAP_NOPE")));
    assertEquals("invalid CapDrop: unknown capability: \"CAP_NOPE\"", drop.getMessage());
  }

  @Test
  void of_keepsTheNamesAsTyped_forInspect() {
    Privileges p = Privileges.of(false, List.of("net_admin", "SYS_TIME"), List.of("CAP_CHOWN"));
    assertEquals(List.of("net_admin", "SYS_TIME"), p.capAdd());
    assertEquals(List.of("CAP_CHOWN"), p.capDrop());
  }

  @Test
  void lastCap_followsTheKernelLineThatAddedTheNewestCapability() {
    assertEquals(40, Privileges.lastCap("6.18.44-fc-v669"));
    assertEquals(40, Privileges.lastCap("5.10.0-28-amd64"));
    assertEquals(39, Privileges.lastCap("5.8.0"));
    assertEquals(37, Privileges.lastCap("4.19.0"));
    assertEquals(36, Privileges.lastCap("3.10.0-1160.el7.x86_64"));
  }
}
