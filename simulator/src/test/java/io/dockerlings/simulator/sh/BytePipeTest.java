package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BytePipeTest {
  @Test
  void text_staysText_untilRawBytesArrive_thenAllIsBytes() {
    BytePipe pipe = new BytePipe();
    pipe.write("é");
    assertFalse(pipe.bytes);
    assertEquals("é", pipe.text.toString());
    pipe.writeBytes(new byte[] {(byte) 0xff});
    pipe.write("é");
    assertTrue(pipe.bytes);
    assertEquals("\u00c3\u00a9\u00ff\u00c3\u00a9", pipe.text.toString());
  }
}
