package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostToolsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 3));

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void ss_lnt_listsSshdAndOneDockerProxyPerPublishedPort_inCentos7Layout() {
    docker("run -d --name web -p 8080:80 busybox httpd -f -p 80");
    String ss = sim.host("ss -lnt").stdout();
    List<String> lines = ss.lines().toList();
    assertEquals(
        "State      Recv-Q Send-Q Local Address:Port               Peer Address:Port"
            + " ".repeat(14),
        lines.get(0));
    assertEquals(
        "LISTEN     0      128          *:22                       *:*" + " ".repeat(18),
        lines.get(1));
    assertTrue(ss.contains("LISTEN     0      128          *:8080                     *:*   "), ss);
    assertTrue(ss.contains("LISTEN     0      128         :::22                      :::*  "), ss);
    docker("stop web");
    assertTrue(!sim.host("ss -lnt").stdout().contains(":8080"));
  }

  @Test
  void ss_lntp_namesEachSocketsProcess() {
    docker("run -d --name web -p 8080:80 busybox httpd -f -p 80");
    String ss = sim.host("ss -lntp").stdout();
    assertTrue(ss.contains(":22 ") && ss.contains(" users:((\"sshd\",pid=1013,fd=3))\n"), ss);
    assertTrue(ss.contains(" users:((\"docker-proxy\",pid=2543,fd=4))\n"), ss);
  }

  @Test
  void ss_withoutListeningTcpFlags_isRefusedInOneLine() {
    CommandResult r = sim.host("ss -s");
    assertEquals(1, r.exitCode());
    assertEquals("dockerlings: only ss -lnt and -lntp are simulated on the host\n", r.stderr());
  }

  @Test
  void ss_inABusyboxContainer_isNotFound_asBusyboxHasNoSs() {
    CommandResult r = docker("run --rm busybox sh -c 'ss -lnt'");
    assertEquals(127, r.exitCode());
    assertEquals("sh: ss: not found\n", r.stderr());
  }
}
