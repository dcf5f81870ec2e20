package io.dockerlings.simulator.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.sh.ShellProcess.Listener;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServersTest {
  @Test
  void httpd_listensOnItsDashP_andServesItsDashH() {
    assertEquals(
        Optional.of(new Listener("httpd", 8080, "/www")),
        Servers.listener(
            null, List.of("httpd", "-f", "-p", "0.0.0.0:8080", "-h", "www"), "/", null));
    assertEquals(
        Optional.of(new Listener("httpd", 80, "/srv")),
        Servers.listener(null, List.of("httpd", "-f"), "/srv", null));
  }

  @Test
  void knownServers_haveTheirPorts_andOtherProgramsListenNowhere() {
    assertEquals(80, Servers.listener(null, List.of("nginx"), "/", null).orElseThrow().port());
    assertEquals(
        5000, Servers.listener(null, List.of("registry", "serve"), "/", null).orElseThrow().port());
    assertEquals(Optional.empty(), Servers.listener(null, List.of("sleep", "100"), "/", null));
    assertEquals(Optional.empty(), Servers.listener(null, List.of("python", "x.py"), "/", null));
  }
}
