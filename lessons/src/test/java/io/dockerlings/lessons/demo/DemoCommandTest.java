package io.dockerlings.lessons.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void parse_hereDocument_becomesStdin() {
    DemoCommand c =
        DemoCommand.parse("docker build -t x - <<'EOF'\nFROM busybox\nRUN true\nEOF")
            .command()
            .orElseThrow();
    assertEquals(List.of("docker", "build", "-t", "x", "-"), c.argv());
    assertEquals("FROM busybox\nRUN true\n", c.stdin());
  }

  @Test
  void parse_unterminatedHereDocumentOrNonDocker_isRefused() {
    assertTrue(
        DemoCommand.parse("docker build - <<EOF\nFROM busybox\n").error().contains("does not end"));
    assertTrue(DemoCommand.parse("ls /").error().contains("starts with docker"));
    assertTrue(DemoCommand.parse("docker run 'unclosed").command().isEmpty());
  }
}
