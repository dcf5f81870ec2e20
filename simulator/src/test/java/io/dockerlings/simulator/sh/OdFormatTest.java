package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OdFormatTest {
  @Test
  void decode_sizesByLetterOrDigit_withBusyboxWidths() {
    assertEquals(
        List.of(new OdFormat('x', 1, 2, false), new OdFormat('d', 4, 11, false)),
        OdFormat.decode("xCd"));
    assertEquals(List.of(new OdFormat('o', 2, 6, true)), OdFormat.decode("oSz"));
    assertEquals(List.of(new OdFormat('u', 8, 20, false)), OdFormat.decode("uL"));
  }

  @Test
  void decode_sizeRunningIntoLetters_isRefusedAsBusyboxWordsIt() {
    OdFormat.BadType e = assertThrows(OdFormat.BadType.class, () -> OdFormat.decode("x1c"));
    assertEquals(
        "invalid type string 'x1c'; 4294967295-byte integral type is not supported",
        e.getMessage());
    assertEquals(
        "invalid character 'q' in type string 'q'",
        assertThrows(OdFormat.BadType.class, () -> OdFormat.decode("q")).getMessage());
  }

  @Test
  void format_signedDecimal_andCharacters_andTheTrailer() {
    StringBuilder out = new StringBuilder();
    OdFormat.decode("d1").get(0).format(new byte[] {-1, 65}, 2, out);
    assertEquals("   -1   65", out.toString());
    out.setLength(0);
    OdFormat.decode("c").get(0).format(new byte[] {'a', 0, (byte) 0303}, 3, out);
    assertEquals("   a  \\0 303", out.toString());
    out.setLength(0);
    OdFormat.decode("xCz").get(0).format(new byte[] {'h', 'i'}, 4, out);
    assertEquals(" 68 69        >hi<", out.toString());
  }
}
