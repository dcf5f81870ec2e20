package io.dockerlings.simulator.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnionFsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  private static UnionFs image() {
    Layer base =
        Layer.builder(T0)
            .file("/etc/passwd", "root:x:0:0\n")
            .file("/etc/group", "root:x:0:\n")
            .file("/data/keep.txt", "keep\n")
            .symlink("/bin/sh", "busybox")
            .syntheticFile("/bin/busybox", 1_000_000, 0755)
            .build();
    Layer top = Layer.builder(T0).file("/data/top.txt", "top\n").build();
    return new UnionFs(List.of(base, top), CLOCK);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void read_lowerFile_copiesNothingUp() {
    UnionFs fs = image();
    assertArrayEquals(bytes("root:x:0:0\n"), fs.read("/etc/passwd"));
    assertEquals(List.of(), fs.diff());
    assertEquals(0, fs.upperSize());
  }

  @Test
  void append_toLowerFile_copiesUpWithParents() {
    UnionFs fs = image();
    fs.append("/etc/passwd", bytes("x\n"));
    assertEquals(
        List.of(new Change(Change.Kind.C, "/etc"), new Change(Change.Kind.C, "/etc/passwd")),
        fs.diff());
    assertArrayEquals(bytes("root:x:0:0\nx\n"), fs.read("/etc/passwd"));
  }

  @Test
  void delete_lowerFile_leavesWhiteout() {
    UnionFs fs = image();
    fs.delete("/etc/group", false);
    assertFalse(fs.exists("/etc/group"));
    assertEquals(List.of("passwd"), fs.list("/etc"));
    assertEquals(
        List.of(new Change(Change.Kind.C, "/etc"), new Change(Change.Kind.D, "/etc/group")),
        fs.diff());
    assertEquals(NodeType.WHITEOUT, fs.toLayer().entries().get("/etc/group").type());
  }

  @Test
  void mkdir_whereLowerDirWasDeleted_isOpaque() {
    UnionFs fs = image();
    fs.delete("/data", true);
    fs.mkdir("/data", false);
    assertEquals(List.of(), fs.list("/data"));
    assertTrue(fs.toLayer().entries().get("/data").opaque());
  }

  @Test
  void newFiles_areAddedBelowNewDirectories() {
    UnionFs fs = image();
    fs.mkdir("/new/sub", true);
    fs.write("/new/sub/f", bytes("1"));
    assertEquals(
        List.of(
            new Change(Change.Kind.A, "/new"),
            new Change(Change.Kind.A, "/new/sub"),
            new Change(Change.Kind.A, "/new/sub/f")),
        fs.diff());
    assertEquals(1, fs.upperSize());
  }

  @Test
  void symlinks_areFollowedForReadsButNotForLstat() {
    UnionFs fs = image();
    assertTrue(fs.lstat("/bin/sh").isSymlink());
    assertEquals(1_000_000, fs.stat("/bin/sh").size());
    assertEquals(5, fs.read("/bin/sh", 5).length);
  }

  @Test
  void symlinkLoop_isReported() {
    UnionFs fs = new UnionFs(List.of(), CLOCK);
    fs.symlink("/b", "/a");
    fs.symlink("/a", "/b");
    FsException e = assertThrows(FsException.class, () -> fs.read("/a"));
    assertEquals(FsException.Reason.TOO_MANY_LINKS, e.reason());
  }

  @Test
  void errors_leaveTheTreeUnchanged() {
    UnionFs fs = image();
    assertThrows(FsException.class, () -> fs.write("/nope/x", bytes("1")));
    assertThrows(FsException.class, () -> fs.mkdir("/etc", false));
    assertThrows(FsException.class, () -> fs.delete("/data", false));
    assertEquals(List.of(), fs.diff());
  }

  @Test
  void rename_movesSubtreeAndHidesSource() {
    UnionFs fs = image();
    fs.rename("/data", "/moved");
    assertEquals(List.of("keep.txt", "top.txt"), fs.list("/moved"));
    assertFalse(fs.exists("/data/keep.txt"));
  }

  @Test
  void layerIds_dependOnContent() {
    Layer a = Layer.builder(T0).file("/x", "1").build();
    Layer b = Layer.builder(T0).file("/x", "1").build();
    Layer c = Layer.builder(T0).file("/x", "2").build();
    assertEquals(a.diffId(), b.diffId());
    assertFalse(a.diffId().equals(c.diffId()));
    assertTrue(a.diffId().matches("sha256:[0-9a-f]{64}"));
  }
}
