package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintfTest {
  @Test
  void format_floatsWidthsAndEscapes_matchBusybox() {
    // busybox: printf '%b|%c|%5.2f\n' 'x\ty' hello 3.14159 -> "x<TAB>y|h| 3.14"
    assertEquals(
        "x\ty|h| 3.14\n", Printf.format("%b|%c|%5.2f\\n", List.of("x\\ty", "hello", "3.14159")));
    assertEquals("   ab|7  |ff\n", Printf.format("%5s|%-3d|%x\\n", List.of("ab", "7", "255")));
  }

  @Test
  void format_badNumber_printsZeroAndComplains() {
    List<String> errors = new ArrayList<>();
    assertEquals("0\n", Printf.format("%d\\n", List.of("abc"), errors));
    assertEquals(List.of("invalid number 'abc'"), errors);
  }
}
