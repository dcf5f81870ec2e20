package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellOptionsTest {
  @Test
  void flags_listLettersLastOptionFirst_withCAfterX() {
    ShellOptions o = new ShellOptions();
    assertEquals("c", o.flags(true, false, false));
    assertEquals("s", o.flags(false, true, false));
    o.setByName("errexit", true);
    o.setByName("nounset", true);
    assertEquals("uce", o.flags(true, false, false));
    o.setByName("xtrace", true);
    assertEquals("uxce", o.flags(true, false, false));
    assertEquals("uxe", o.flags(false, false, false));
  }

  @Test
  void flags_terminalShell_readsSmi() {
    ShellOptions o = new ShellOptions();
    o.setByName("monitor", true);
    assertEquals("smi", o.flags(false, true, true));
  }

  @Test
  void setByName_refusesUnknownNames() {
    ShellOptions o = new ShellOptions();
    assertTrue(o.setByName("pipefail", true));
    assertFalse(o.setByName("bogus", true));
    assertTrue(o.on("pipefail"));
  }

  @Test
  void nameOf_mapsLettersToOptionNames() {
    assertEquals(Optional.of("errexit"), ShellOptions.nameOf('e'));
    assertEquals(Optional.of("noclobber"), ShellOptions.nameOf('C'));
    assertEquals(Optional.empty(), ShellOptions.nameOf('Q'));
  }

  @Test
  void listing_andRestoreCommands_followAshsOrder() {
    ShellOptions o = new ShellOptions();
    o.setByName("noglob", true);
    assertTrue(o.listing().startsWith("errexit         off\nnoglob          on\n"));
    assertTrue(o.restoreCommands().startsWith("set +o errexit\nset -o noglob\n"));
    assertTrue(o.listing().endsWith("pipefail        off\n"));
  }
}
