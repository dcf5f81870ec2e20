package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {
  @Test
  void shared_isOneCatalog_whoseImagesAreBuiltOnce() {
    Catalog c = Catalog.shared();
    assertSame(c, Catalog.shared());
    Image nginx = c.find(ImageRef.parse("nginx")).orElseThrow();
    assertSame(nginx, c.find(ImageRef.parse("nginx:latest")).orElseThrow());
    assertEquals(Optional.empty(), c.find(ImageRef.parse("nginx:no-such-tag")));
    assertEquals(Optional.empty(), c.find(ImageRef.parse("nosuchrepo")));
    assertFalse(c.hasRepository(ImageRef.parse("nosuchrepo:1")));
    assertTrue(c.hasRepository(ImageRef.parse("nginx:no-such-tag")));
  }

  @Test
  void busybox_madeAtAnotherTime_hasTheSameLayerIdAndThatTimeOnEveryEntry() {
    Catalog c = Catalog.shared();
    Image hub = c.find(ImageRef.parse("busybox")).orElseThrow();
    Instant at = Instant.parse("2026-12-01T08:59:00Z");
    Image local = c.busybox(at);
    assertEquals(hub.layers().get(0).diffId(), local.layers().get(0).diffId());
    assertEquals(hub.size(), local.size());
    local.layers().get(0).entries().values().forEach(e -> assertEquals(at, e.mtime()));
    assertEquals(at, local.history().get(0).created());
    assertTrue(local.layers().get(0).entries().containsKey("/bin/sh"));
  }
}
