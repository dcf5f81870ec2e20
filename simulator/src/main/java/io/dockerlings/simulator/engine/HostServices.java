package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.sh.AppletContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code systemctl} for the docker service of the course's CentOS 7 host (systemd 219): start,
 * stop, restart, enable, disable, status, is-active, is-enabled and daemon-reload, with the daemon
 * down between a stop and the next start, as {@code docker} commands then find it. The other units
 * the notes touch are {@link HostUnits}'.
 */
final class HostServices {
  private static final String UNIT_FILE = "/usr/lib/systemd/system/docker.service";
  private static final String WANTS = "/etc/systemd/system/multi-user.target.wants/docker.service";
  private static final String EXEC =
      "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Engine engine;
  private final HostUnits units;
  private boolean enabled;
  private Instant since;
  private int mainPid = 2396;

  HostServices(Engine engine) {
    this.engine = engine;
    this.units = new HostUnits(() -> engine.lifecycle().now(), this::boot);
  }

  /** The host's other units: firewalld, sshd, and those it has not installed. */
  HostUnits units() {
    return units;
  }

  /** A time as systemd 219's status writes it: {@code Sat 2026-12-05 12:00:00 UTC}. */
  static String stamp(Instant at) {
    return STAMP.format(at);
  }

  /** When the daemon last started or stopped: at first, when it made the default bridge. */
  private Instant since() {
    return since == null ? boot() : since;
  }

  /** When the host's services started: when the daemon made the default bridge. */
  private Instant boot() {
    for (Network n : engine.networks().all()) {
      if (n.name.equals("bridge")) {
        return n.created;
      }
    }
    return engine.lifecycle().now();
  }

  int systemctl(List<String> argv, AppletContext c) {
    String verb = argv.size() > 1 ? argv.get(1) : "";
    if (verb.equals("daemon-reload")) {
      return 0;
    }
    String unit = argv.size() > 2 ? argv.get(2).replace(".service", "") : "";
    boolean other = units.knows(unit);
    if (other) {
      int answered = units.systemctl(verb, unit, c);
      if (answered >= 0) {
        return answered;
      }
    }
    if (!unit.equals("docker") && !other) {
      c.err(engine.notes().get("host.systemctl.unit") + "\n");
      return 1;
    }
    Instant now = engine.lifecycle().now();
    switch (verb) {
      case "start", "restart" -> {
        if (verb.equals("start") && !engine.daemonDown()) {
          return 0;
        }
        since = now;
        mainPid += 1_711;
        if (!engine.restartDaemon().isEmpty()) {
          c.err(
              "Job for docker.service failed because the control process exited with error code."
                  + " See \"systemctl status docker.service\" and \"journalctl -xe\" for"
                  + " details.\n");
          return 1;
        }
        return 0;
      }
      case "stop" -> {
        if (!engine.daemonDown()) {
          engine.stopDaemon();
          since = now;
        }
        return 0;
      }
      case "enable" -> {
        if (!enabled) {
          enabled = true;
          c.err("Created symlink from " + WANTS + " to " + UNIT_FILE + ".\n");
        }
        return 0;
      }
      case "disable" -> {
        if (enabled) {
          enabled = false;
          c.err("Removed symlink " + WANTS + ".\n");
        }
        return 0;
      }
      case "is-enabled" -> {
        c.out(enabled ? "enabled\n" : "disabled\n");
        return enabled ? 0 : 1;
      }
      case "is-active" -> {
        c.out(state() + "\n");
        return engine.daemonDown() ? 3 : 0;
      }
      case "status" -> {
        c.out(status(now));
        return engine.daemonDown() ? 3 : 0;
      }
      default -> {
        c.err(engine.notes().get("host.systemctl.verb", verb) + "\n");
        return 1;
      }
    }
  }

  private String state() {
    return !engine.daemonDown() ? "active" : engine.daemonFailed() ? "failed" : "inactive";
  }

  private String status(Instant now) {
    StringBuilder b =
        new StringBuilder("● docker.service - Docker Application Container Engine\n")
            .append("   Loaded: loaded (")
            .append(UNIT_FILE)
            .append("; ")
            .append(enabled ? "enabled" : "disabled")
            .append("; vendor preset: disabled)\n")
            .append("   Active: ");
    Instant at = since();
    String when = " since " + STAMP.format(at) + "; " + ago(Duration.between(at, now)) + "\n";
    if (!engine.daemonDown()) {
      return b.append("active (running)")
          .append(when)
          .append("     Docs: https://docs.docker.com\n")
          .append(" Main PID: ")
          .append(mainPid)
          .append(" (dockerd)\n   CGroup: /system.slice/docker.service\n           └─")
          .append(mainPid)
          .append(' ')
          .append(EXEC)
          .append('\n')
          .toString();
    }
    boolean failed = engine.daemonFailed();
    String code = failed ? "status=1/FAILURE" : "status=0/SUCCESS";
    return b.append(failed ? "failed (Result: exit-code)" : "inactive (dead)")
        .append(when)
        .append("     Docs: https://docs.docker.com\n")
        .append("  Process: ")
        .append(mainPid)
        .append(" ExecStart=")
        .append(EXEC)
        .append(" (code=exited, ")
        .append(code)
        .append(")\n Main PID: ")
        .append(mainPid)
        .append(" (code=exited, ")
        .append(code)
        .append(")\n")
        .toString();
  }

  /** systemd's relative time: "3s ago", "5min ago", "1h 2min ago", "2 days ago". */
  static String ago(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long day = 86_400;
    if (s >= 2 * day) {
      return s / day + " days ago";
    }
    if (s >= 25 * 3_600) {
      return "1 day " + (s - day) / 3_600 + "h ago";
    }
    if (s >= 3_600) {
      return s / 3_600 + "h " + s % 3_600 / 60 + "min ago";
    }
    if (s >= 300) {
      return s / 60 + "min ago";
    }
    if (s >= 60) {
      return s / 60 + "min " + s % 60 + "s ago";
    }
    return s + "s ago";
  }
}
