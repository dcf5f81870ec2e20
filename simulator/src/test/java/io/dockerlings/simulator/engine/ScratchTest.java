package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScratchTest {
  private static final Instant AT = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  void image_isEmpty_withOnlyTheDefaultPath() {
    Image scratch = Scratch.image(AT);
    assertEquals("", scratch.id());
    assertEquals(Optional.empty(), scratch.parent());
    assertTrue(scratch.layers().isEmpty());
    assertTrue(scratch.history().isEmpty());
    assertEquals(0, scratch.size());
    assertEquals(List.of(ImageConfig.DEFAULT_PATH), scratch.config().env());
    assertEquals(Optional.empty(), scratch.config().cmd());
  }

  @Test
  void is_trueOnlyForTheScratchBase() {
    assertTrue(Scratch.is(Scratch.image(AT)));
    Image busybox =
        Images.build(
            Optional.empty(),
            AT,
            ImageConfig.of(List.of("sh")),
            List.of(),
            List.of(),
            "",
            "",
            Optional.empty());
    assertFalse(Scratch.is(busybox));
  }
}
