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

  @Test
  void format_octalEscapes_areBytes_whichSpellTextWhenTheyAreUtf8() {
    String e = Printf.format("\\303\\251", List.of());
    assertEquals(true, Printf.hasRawBytes(e));
    assertEquals(2, Printf.bytes(e).length);
    assertEquals(java.util.Optional.of("\u00e9"), Printf.utf8(Printf.bytes(e)));
    String ff = Printf.format("a\\377", List.of());
    assertEquals(java.util.Optional.empty(), Printf.utf8(Printf.bytes(ff)));
    assertEquals(2, Printf.bytes(ff).length);
    assertEquals("A\n", Printf.format("\\101\\n", List.of()), "below 0x80 a byte is its char");
    assertEquals(false, Printf.hasRawBytes(Printf.format("\u00e9", List.of())));
  }
}
