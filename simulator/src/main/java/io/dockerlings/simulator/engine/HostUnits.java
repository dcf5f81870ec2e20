package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.sh.AppletContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The course host's systemd units other than docker that the notes touch, in systemd 219 (CentOS 7)
 * wording: {@code firewalld} and {@code sshd}, running and enabled as the install leaves them, and
 * {@code iptables} and {@code httpd}, whose packages the host does not have, so systemd finds no
 * such unit. Stopping sshd closes its port 22 in {@code ss} and {@code netstat}; a stopped
 * firewalld changes nothing else (the daemon's iptables rules stay).
 */
final class HostUnits {
  /** A service the host has installed. */
  private static final class Unit {
    final String name;
    final String description;
    final List<String> docs;
    final String exec;
    final String running;
    int pid;
    final List<String> wants;
    boolean enabled = true;
    boolean active = true;
    Instant since;

    Unit(
        String name,
        String description,
        List<String> docs,
        String exec,
        String running,
        int pid,
        List<String> wants) {
      this.name = name;
      this.description = description;
      this.docs = docs;
      this.exec = exec;
      this.running = running;
      this.pid = pid;
      this.wants = wants;
    }

    String file() {
      return "/usr/lib/systemd/system/" + name + ".service";
    }
  }

  /** Units the notes name whose packages are not installed on the host. */
  private static final List<String> ABSENT = List.of("iptables", "httpd");

  private final Map<String, Unit> units = new TreeMap<>();
  private final Supplier<Instant> now;
  private final Supplier<Instant> boot;

  /**
   * @param now the host's time now
   * @param boot when the host's services started (the docker daemon's first start)
   */
  HostUnits(Supplier<Instant> now, Supplier<Instant> boot) {
    this.now = now;
    this.boot = boot;
    add(
        new Unit(
            "firewalld",
            "firewalld - dynamic firewall daemon",
            List.of("man:firewalld(1)"),
            "/usr/sbin/firewalld --nofork --nopid $FIREWALLD_ARGS",
            "/usr/bin/python2 -Es /usr/sbin/firewalld --nofork --nopid",
            712,
            List.of(
                "/etc/systemd/system/dbus-org.fedoraproject.FirewallD1.service",
                "/etc/systemd/system/multi-user.target.wants/firewalld.service")));
    add(
        new Unit(
            "sshd",
            "OpenSSH server daemon",
            List.of("man:sshd(8)", "man:sshd_config(5)"),
            "/usr/sbin/sshd -D $OPTIONS",
            "/usr/sbin/sshd -D",
            HostTools.SSHD_PID,
            List.of("/etc/systemd/system/multi-user.target.wants/sshd.service")));
  }

  private void add(Unit u) {
    units.put(u.name, u);
  }

  /** Whether {@code unit} (without {@code .service}) is one of these. */
  boolean knows(String unit) {
    return units.containsKey(unit) || ABSENT.contains(unit);
  }

  /** Whether the installed unit {@code unit} is running. */
  boolean active(String unit) {
    Unit u = units.get(unit);
    return u != null && u.active;
  }

  /** The main process of the installed unit {@code unit}, running or last run. */
  int pid(String unit) {
    return units.get(unit).pid;
  }

  /** {@code systemctl VERB UNIT} for a unit {@link #knows} knows. */
  int systemctl(String verb, String unit, AppletContext c) {
    Unit u = units.get(unit);
    if (u == null) {
      return absent(verb, unit + ".service", c);
    }
    switch (verb) {
      case "start", "restart" -> {
        if (verb.equals("restart") || !u.active) {
          u.active = true;
          u.since = now.get();
          u.pid += 1_187;
        }
        return 0;
      }
      case "stop" -> {
        if (u.active) {
          u.active = false;
          u.since = now.get();
        }
        return 0;
      }
      case "enable" -> {
        if (!u.enabled) {
          u.enabled = true;
          for (String w : u.wants) {
            c.err("Created symlink from " + w + " to " + u.file() + ".\n");
          }
        }
        return 0;
      }
      case "disable" -> {
        if (u.enabled) {
          u.enabled = false;
          for (int i = u.wants.size() - 1; i >= 0; i--) {
            c.err("Removed symlink " + u.wants.get(i) + ".\n");
          }
        }
        return 0;
      }
      case "is-enabled" -> {
        c.out(u.enabled ? "enabled\n" : "disabled\n");
        return u.enabled ? 0 : 1;
      }
      case "is-active" -> {
        c.out(u.active ? "active\n" : "inactive\n");
        return u.active ? 0 : 3;
      }
      case "status" -> {
        c.out(status(u));
        return u.active ? 0 : 3;
      }
      default -> {
        return -1;
      }
    }
  }

  /** systemd's answers for a unit it cannot find. */
  private static int absent(String verb, String unit, AppletContext c) {
    switch (verb) {
      case "start", "restart" -> {
        c.err("Failed to " + verb + " " + unit + ": Unit not found.\n");
        return 5;
      }
      case "stop" -> {
        c.err("Failed to stop " + unit + ": Unit " + unit + " not loaded.\n");
        return 5;
      }
      case "status" -> {
        c.err("Unit " + unit + " could not be found.\n");
        return 4;
      }
      case "enable", "disable" -> {
        c.err("Failed to execute operation: No such file or directory\n");
        return 1;
      }
      case "is-active" -> {
        c.out("unknown\n");
        return 3;
      }
      case "is-enabled" -> {
        c.err("Failed to get unit file state for " + unit + ": No such file or directory\n");
        return 1;
      }
      default -> {
        return -1;
      }
    }
  }

  private String status(Unit u) {
    Instant at = u.since == null ? boot.get() : u.since;
    StringBuilder b =
        new StringBuilder("● ")
            .append(u.name)
            .append(".service - ")
            .append(u.description)
            .append("\n   Loaded: loaded (")
            .append(u.file())
            .append("; ")
            .append(u.enabled ? "enabled" : "disabled")
            .append("; vendor preset: enabled)\n   Active: ")
            .append(u.active ? "active (running)" : "inactive (dead)")
            .append(" since ")
            .append(HostServices.stamp(at))
            .append("; ")
            .append(HostServices.ago(Duration.between(at, now.get())))
            .append('\n');
    for (int i = 0; i < u.docs.size(); i++) {
      b.append(i == 0 ? "     Docs: " : "           ").append(u.docs.get(i)).append('\n');
    }
    if (u.active) {
      return b.append(" Main PID: ")
          .append(u.pid)
          .append(" (")
          .append(u.name)
          .append(")\n   CGroup: /system.slice/")
          .append(u.name)
          .append(".service\n           └─")
          .append(u.pid)
          .append(' ')
          .append(u.running)
          .append('\n')
          .toString();
    }
    return b.append("  Process: ")
        .append(u.pid)
        .append(" ExecStart=")
        .append(u.exec)
        .append(" (code=exited, status=0/SUCCESS)\n Main PID: ")
        .append(u.pid)
        .append(" (code=exited, status=0/SUCCESS)\n")
        .toString();
  }
}
