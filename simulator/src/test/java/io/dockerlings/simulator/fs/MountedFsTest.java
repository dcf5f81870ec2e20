package io.dockerlings.simulator.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountedFsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void writesBelowAMount_neverReachTheRoot() {
    UnionFs root =
        new UnionFs(List.of(Layer.builder(CLOCK.instant()).dir("/etc", 0755).build()), CLOCK);
    UnionFs files = new UnionFs(List.of(), CLOCK);
    files.write("/hostname", "abc\n".getBytes(StandardCharsets.UTF_8));
    MountedFs view = new MountedFs(root).mount("/etc/hostname", files, "/hostname", false);
    view.write("/etc/hostname", "new\n".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("new\n".getBytes(StandardCharsets.UTF_8), files.read("/hostname"));
    assertEquals(List.of(), root.diff());
    assertTrue(view.list("/etc").contains("hostname"));
  }

  @Test
  void readOnlyMount_refusesWrites() {
    UnionFs root = new UnionFs(List.of(), CLOCK);
    MountedFs view = new MountedFs(root).mount("/ro", new UnionFs(List.of(), CLOCK), "/", true);
    FsException e = assertThrows(FsException.class, () -> view.write("/ro/x", new byte[0]));
    assertEquals(FsException.Reason.READ_ONLY, e.reason());
  }

  @Test
  void devZero_readsAsManyZerosAsAsked() {
    DevFs dev = new DevFs(CLOCK, 1);
    assertEquals(1000, dev.read("/zero", 1000).length);
    assertEquals(0, dev.read("/null", 1000).length);
  }
}
