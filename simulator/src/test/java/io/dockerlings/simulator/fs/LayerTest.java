package io.dockerlings.simulator.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LayerTest {
  private static final Instant T1 = Instant.parse("2023-07-18T23:19:33Z");
  private static final Instant T2 = Instant.parse("2026-12-01T09:00:00Z");

  private static Layer.Builder files(Instant at) {
    return Layer.builder(at)
        .file("/etc/passwd", "root:x:0:0::/root:/bin/sh\n")
        .syntheticFile("/bin/busybox", 1000, 0755)
        .symlink("/bin/sh", "busybox");
  }

  @Test
  void dated_keepsIdAndSize_andDatesEveryEntry() {
    Layer old = files(T1).build();
    Layer dated = old.dated(T2);
    assertEquals(old.diffId(), dated.diffId());
    assertEquals(old.size(), dated.size());
    assertEquals(old.entries().keySet(), dated.entries().keySet());
    dated.entries().values().forEach(e -> assertEquals(T2, e.mtime()));
    old.entries().values().forEach(e -> assertEquals(T1, e.mtime()));
    // The same as building it afresh at that time, id included.
    Layer fresh = files(T2).build();
    assertEquals(fresh.diffId(), dated.diffId());
    assertEquals(fresh.entries().get("/bin/sh").mtime(), dated.entries().get("/bin/sh").mtime());
  }

  @Test
  void diffId_computedOnDemand_dependsOnContentNotTime() {
    Layer a = files(T1).build();
    Layer b = files(T2).build();
    assertEquals(a.diffId(), b.diffId());
    assertEquals(a.diffId(), a.diffId());
    Layer c = files(T1).file("/etc/group", "root:x:0:\n").build();
    assertNotEquals(a.diffId(), c.diffId());
    assertEquals(71, a.diffId().length());
  }

  @Test
  void frozen_isKnownByTheContainerThatWroteIt_asWellAsByContent() {
    java.util.TreeMap<String, LayerEntry> entries =
        new java.util.TreeMap<>(files(T1).build().entries());
    Layer once = Layer.frozen(new java.util.TreeMap<>(entries), "aaa");
    Layer again = Layer.frozen(new java.util.TreeMap<>(entries), "aaa");
    Layer other = Layer.frozen(new java.util.TreeMap<>(entries), "bbb");
    assertEquals(once.diffId(), again.diffId());
    assertNotEquals(once.diffId(), other.diffId());
    assertNotEquals(files(T1).build().diffId(), once.diffId());
    assertEquals(Layer.EMPTY, Layer.frozen(new java.util.TreeMap<>(), "aaa"));
  }

  @Test
  void identifiedAs_takesADigest_andIgnoresAnythingElse() {
    Layer a = files(T1).build();
    String id = "sha256:" + "ab".repeat(32);
    assertEquals(id, a.identifiedAs(id).diffId());
    assertEquals(a.entries(), a.identifiedAs(id).entries());
    assertEquals(a.diffId(), a.identifiedAs("not a digest").diffId());
    assertEquals(Layer.EMPTY, Layer.EMPTY.identifiedAs(id));
  }
}
