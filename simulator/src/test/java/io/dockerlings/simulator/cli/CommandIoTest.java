package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CommandIoTest {
  @Test
  void requireTerminal_withoutTerminal_refusesOnlyInteractivePlusTty() {
    CommandIo piped = new CommandIo("hi\n", false);
    DockerException e =
        assertThrows(DockerException.class, () -> piped.requireTerminal(true, true));
    assertEquals("the input device is not a TTY", e.text());
    assertEquals(1, e.exitCode());
    assertDoesNotThrow(() -> piped.requireTerminal(true, false));
    assertDoesNotThrow(() -> piped.requireTerminal(false, true));
  }

  @Test
  void requireTerminal_onATerminal_acceptsEverything() {
    assertDoesNotThrow(() -> new CommandIo("").requireTerminal(true, true));
  }
}
