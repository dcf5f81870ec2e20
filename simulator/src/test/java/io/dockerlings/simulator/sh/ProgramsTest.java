package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramsTest {
  @Test
  void listens_acceptsListenFlagAloneOrBundled() {
    assertTrue(Programs.listens(List.of("nc", "-l", "-p", "80")));
    assertTrue(Programs.listens(List.of("nc", "-lp", "80")));
    assertTrue(Programs.listens(List.of("nc", "-vlp", "80")));
    assertFalse(Programs.listens(List.of("nc", "example.com", "80")));
    assertFalse(Programs.listens(List.of("nc", "-w", "1", "host", "80")));
  }

  @Test
  void daemonizes_withoutForegroundFlag() {
    assertTrue(Programs.daemonizes("httpd", List.of("httpd", "-p", "80")));
    assertFalse(Programs.daemonizes("httpd", List.of("httpd", "-f", "-p", "80")));
    assertTrue(Programs.daemonizes("telnetd", List.of("telnetd")));
    assertFalse(Programs.daemonizes("telnetd", List.of("telnetd", "-F")));
    assertFalse(Programs.daemonizes("nc", List.of("nc", "-l")));
  }
}
