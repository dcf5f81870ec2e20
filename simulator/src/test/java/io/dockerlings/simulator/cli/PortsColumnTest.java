package io.dockerlings.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.cli.PortsColumn.Port;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsColumnTest {
  @Test
  void of_nothing_isEmpty() {
    assertEquals("", PortsColumn.of(List.of()));
  }

  @Test
  void of_samePortMappingsAndExposedPorts_comeBeforeOtherMappings() {
    // docker run -p 80:80 -p 8090:90 --expose 82 -p 7000:7000/udp, as Engine 20.10 lists it.
    List<Port> ports =
        List.of(
            new Port("0.0.0.0", 90, 8090, "tcp"),
            new Port("::", 90, 8090, "tcp"),
            new Port("0.0.0.0", 7000, 7000, "udp"),
            new Port("::", 7000, 7000, "udp"),
            new Port("", 82, 0, "tcp"),
            new Port("0.0.0.0", 80, 80, "tcp"),
            new Port("::", 80, 80, "tcp"));
    assertEquals(
        "0.0.0.0:80->80/tcp, :::80->80/tcp, 82/tcp, 0.0.0.0:7000->7000/udp, :::7000->7000/udp,"
            + " 0.0.0.0:8090->90/tcp, :::8090->90/tcp",
        PortsColumn.of(ports));
  }

  @Test
  void of_consecutiveExposedPorts_becomeOneRange_andAGapClosesItAtOnce() {
    // --expose 80-82 --expose 90 --expose 53/udp, as Engine 20.10 lists it: the range closed by
    // the gap comes first, then the open groups in the order their protocol first appeared.
    List<Port> ports =
        List.of(
            new Port("", 80, 0, "tcp"),
            new Port("", 81, 0, "tcp"),
            new Port("", 82, 0, "tcp"),
            new Port("", 90, 0, "tcp"),
            new Port("", 53, 0, "udp"));
    assertEquals("80-82/tcp, 53/udp, 90/tcp", PortsColumn.of(ports));
  }
}
