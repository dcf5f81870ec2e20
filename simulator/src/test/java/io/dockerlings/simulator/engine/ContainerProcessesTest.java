package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerProcessesTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void pidContainer_psShowsTheDonorsProcessesFirst() {
    docker("run -d --name web1 busybox httpd -f -p 80");
    CommandResult ps = docker("run --rm --pid container:web1 busybox ps");
    assertEquals(
        "PID   USER     COMMAND\n    1 root     httpd -f -p 80\n    8 root     ps\n", ps.stdout());
  }

  @Test
  void pidHost_psShowsTheHostsProcesses() {
    CommandResult ps = docker("run --rm --pid host busybox ps");
    assertTrue(ps.stdout().contains("dockerd"), ps.stdout());
  }

  @Test
  void netContainer_sharesTheDonorsHostnameAddressAndServers() {
    docker("run -d --name web1 -h webhost busybox httpd -f -p 80");
    CommandResult r =
        docker(
            "run --rm --net container:web1 busybox sh -c 'hostname; ip addr | grep -c \"inet \";"
                + " wget -qO- localhost:80'");
    assertEquals("webhost\n2\n", r.stdout());
    assertEquals("wget: server returned error: HTTP/1.1 404 Not Found\n", r.stderr());
  }

  @Test
  void ipcContainer_needsAShareableDonor() {
    docker("run -d --name plain1 busybox sleep 100");
    CommandResult refused = docker("run --rm --ipc container:plain1 busybox true");
    assertEquals(125, refused.exitCode());
    assertTrue(refused.stderr().contains("non-shareable IPC"), refused.stderr());
    docker("run -d --name share1 --ipc shareable busybox sleep 100");
    assertEquals(0, docker("run --rm --ipc container:share1 busybox true").exitCode());
  }
}
