package io.dockerlings.lessons.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JournalTest {
  @Test
  void append_andWithoutLast_keepOrderAndLeaveTheOriginal() {
    Journal a = Journal.empty().append(new Journal.Entry("docker ps", 0, ""));
    Journal b = a.append(new Journal.Entry("docker images", 0, ""));
    assertEquals(List.of("docker ps", "docker images"), b.lines());
    assertEquals(List.of("docker ps"), b.withoutLast().lines());
    assertEquals(1, a.size());
    assertEquals("docker images", b.last().orElseThrow().line());
  }

  @Test
  void withoutLast_ofEmpty_isEmpty() {
    Journal e = Journal.empty();
    assertSame(e, e.withoutLast());
    assertTrue(e.last().isEmpty());
  }
}
