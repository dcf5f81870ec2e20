package io.dockerlings.simulator.engine;

import java.util.Locale;

/**
 * The text of {@code /proc/PID/status} for one simulated process: identity, state and the security
 * lines (capability sets, no_new_privs, seccomp) in the kernel's order and layout. Memory, signal
 * and scheduling lines, which the simulator does not model, are left out.
 */
final class ProcStatus {
  private ProcStatus() {}

  /**
   * The status file of {@code proc}.
   *
   * @param reading whether {@code proc} is the process reading it (running, not sleeping)
   * @param privileges what the container was given
   * @param lastCap the host kernel's highest capability number
   */
  static String text(Workload.Proc proc, boolean reading, Privileges privileges, int lastCap) {
    StringBuilder b = new StringBuilder();
    line(b, "Name", name(proc.command()));
    line(b, "Umask", "0022");
    line(b, "State", reading ? "R (running)" : "S (sleeping)");
    line(b, "Tgid", Integer.toString(proc.pid()));
    line(b, "Ngid", "0");
    line(b, "Pid", Integer.toString(proc.pid()));
    line(b, "PPid", Integer.toString(proc.ppid()));
    line(b, "TracerPid", "0");
    String uid = Integer.toString(proc.uid());
    line(b, "Uid", uid + "\t" + uid + "\t" + uid + "\t" + uid);
    line(b, "NStgid", Integer.toString(proc.pid()));
    line(b, "NSpid", Integer.toString(proc.pid()));
    line(b, "Threads", "1");
    long effective = privileges.effective(lastCap, proc.uid());
    line(b, "CapInh", hex(0));
    line(b, "CapPrm", hex(effective));
    line(b, "CapEff", hex(effective));
    line(b, "CapBnd", hex(privileges.bounding(lastCap)));
    line(b, "CapAmb", hex(0));
    line(b, "NoNewPrivs", "0");
    int seccomp = privileges.seccompMode();
    line(b, "Seccomp", Integer.toString(seccomp));
    line(b, "Seccomp_filters", seccomp == 0 ? "0" : "1");
    return b.toString();
  }

  /** The kernel's comm: the program's file name, cut to 15 bytes. */
  static String name(String command) {
    String first = command.trim().split("\\s+", 2)[0];
    String base = first.substring(first.lastIndexOf('/') + 1);
    return base.length() > 15 ? base.substring(0, 15) : base;
  }

  private static String hex(long mask) {
    return String.format(Locale.ROOT, "%016x", mask);
  }

  private static void line(StringBuilder b, String key, String value) {
    b.append(key).append(":\t").append(value).append('\n');
  }
}
