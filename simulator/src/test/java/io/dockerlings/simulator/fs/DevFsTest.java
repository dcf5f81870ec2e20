package io.dockerlings.simulator.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevFsTest {
  @Test
  void list_withoutExtras_isWhatAContainerWithoutTerminalHas() {
    DevFs dev = new DevFs(Clock.systemUTC(), 1);
    List<String> names = dev.list("/").stream().sorted().toList();
    assertEquals(
        List.of(
            "fd", "full", "mqueue", "null", "ptmx", "pts", "random", "shm", "stderr", "stdin",
            "stdout", "tty", "urandom", "zero"),
        names);
  }

  @Test
  void extraDevices_areListed_readEmpty_andSwallowWrites() {
    DevFs dev = new DevFs(Clock.systemUTC(), 1, List.of("console", "sda"));
    assertTrue(dev.exists("/sda"));
    assertTrue(dev.list("/").contains("console"));
    dev.write("/sda", new byte[] {1, 2, 3});
    assertArrayEquals(new byte[0], dev.read("/sda"));
    assertFalse(new DevFs(Clock.systemUTC(), 1).exists("/sda"));
  }

  @Test
  void zero_readsAsManyZerosAsAsked() {
    assertArrayEquals(new byte[4], new DevFs(Clock.systemUTC(), 1).read("/zero", 4));
  }

  @Test
  void full_opensButRefusesEveryByte() {
    DevFs dev = new DevFs(Clock.systemUTC(), 1);
    // Opening for writing (an empty write, as a shell's > does) succeeds.
    dev.write("/full", new byte[0]);
    FsException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            FsException.class, () -> dev.append("/full", new byte[] {'x'}));
    assertEquals(FsException.Reason.NO_SPACE, e.reason());
  }
}
