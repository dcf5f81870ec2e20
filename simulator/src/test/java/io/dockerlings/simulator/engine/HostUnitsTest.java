package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostUnitsTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 3));

  @Test
  void firewalld_runsAtFirst_andStopsAsTheNotesStopIt() {
    CommandResult status = sim.host("systemctl status firewalld");
    assertEquals(0, status.exitCode());
    List<String> lines = status.stdout().lines().toList();
    assertEquals("● firewalld.service - firewalld - dynamic firewall daemon", lines.get(0));
    assertEquals(
        "   Loaded: loaded (/usr/lib/systemd/system/firewalld.service; enabled; vendor preset:"
            + " enabled)",
        lines.get(1));
    assertTrue(lines.get(2).startsWith("   Active: active (running) since "), lines.get(2));
    assertEquals(0, sim.host("systemctl stop firewalld").exitCode());
    CommandResult stopped = sim.host("systemctl status firewalld.service");
    assertEquals(3, stopped.exitCode());
    assertTrue(stopped.stdout().contains("   Active: inactive (dead) since "), stopped.stdout());
    assertTrue(
        stopped.stdout().contains(" Main PID: 712 (code=exited, status=0/SUCCESS)\n"),
        stopped.stdout());
    assertEquals("inactive\n", sim.host("systemctl is-active firewalld").stdout());
    // The docker daemon goes on as before.
    assertEquals(0, sim.execute(List.of("docker", "ps")).exitCode());
  }

  @Test
  void disableThenEnable_printsTheSymlinksSystemdRemovesAndMakes() {
    CommandResult off = sim.host("systemctl disable firewalld");
    assertEquals(
        "Removed symlink /etc/systemd/system/multi-user.target.wants/firewalld.service.\n"
            + "Removed symlink /etc/systemd/system/dbus-org.fedoraproject.FirewallD1.service.\n",
        off.stderr());
    assertEquals("disabled\n", sim.host("systemctl is-enabled firewalld").stdout());
    CommandResult on = sim.host("systemctl enable sshd.service");
    assertEquals("", on.stderr());
    assertEquals(0, on.exitCode());
  }

  @Test
  void sshd_stopped_closesPort22_untilStartedAgain() {
    assertTrue(sim.host("ss -lnt").stdout().contains("*:22 "));
    sim.host("systemctl stop sshd");
    assertFalse(sim.host("ss -lnt").stdout().contains(":22 "));
    assertFalse(sim.host("netstat -lnt").stdout().contains(":22 "));
    sim.host("systemctl start sshd");
    String ss = sim.host("ss -lntp").stdout();
    assertTrue(ss.contains("*:22 "), ss);
    assertFalse(ss.contains("pid=1013,"), ss);
  }

  @Test
  void iptablesService_isNotInstalled_soSystemdFindsNoUnit() {
    CommandResult start = sim.host("systemctl start iptables");
    assertEquals(5, start.exitCode());
    assertEquals("Failed to start iptables.service: Unit not found.\n", start.stderr());
    CommandResult status = sim.host("systemctl status iptables");
    assertEquals(4, status.exitCode());
    assertEquals("Unit iptables.service could not be found.\n", status.stderr());
    assertEquals(
        "Failed to stop httpd.service: Unit httpd.service not loaded.\n",
        sim.host("systemctl stop httpd").stderr());
    assertEquals(3, sim.host("systemctl is-active iptables").exitCode());
  }

  @Test
  void aVerbTheseUnitsDoNotTake_isRefusedInOneLine() {
    CommandResult r = sim.host("systemctl reload firewalld");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("reload"), r.stderr());
  }
}
