package io.dockerlings.lessons.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SizesTest {
  @Test
  void parse_dockerFlagUnitsAreBinary_andBytesUnitsDecimal() {
    assertEquals(64L << 20, Sizes.parse("64m"));
    assertEquals(64L << 20, Sizes.parse("64MiB"));
    assertEquals(10_000_000L, Sizes.parse("10MB"));
    assertEquals(512, Sizes.parse("512"));
    assertEquals(1536L << 20, Sizes.parse("1.5g"));
  }

  @Test
  void parse_unknownUnit_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Sizes.parse("64q"));
    assertThrows(IllegalArgumentException.class, () -> Sizes.parse("lots"));
  }

  @Test
  void human_readsLikeAPerson() {
    assertEquals("64MiB", Sizes.human(64L << 20));
    assertEquals("1.5GiB", Sizes.human(1536L << 20));
    assertEquals("512B", Sizes.human(512));
  }
}
