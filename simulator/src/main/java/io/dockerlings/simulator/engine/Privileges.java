package io.dockerlings.simulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --privileged}, {@code --cap-add} and {@code --cap-drop} asked for, kept as typed (the
 * way inspect shows them), and the capability sets they give a container's processes, computed with
 * the engine's rules: privileged gets every capability the kernel has, {@code ALL} in the adds
 * starts from every capability, {@code ALL} in the drops starts from nothing, and otherwise the
 * drops are taken from the default set before the adds are put in.
 */
record Privileges(boolean privileged, List<String> capAdd, List<String> capDrop) {
  static final Privileges NONE = new Privileges(false, List.of(), List.of());

  /** Capability names without {@code CAP_}, at the index of their bit. */
  static final List<String> NAMES =
      List.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "DAC_READ_SEARCH",
          "FOWNER",
          "FSETID",
          "KILL",
          "SETGID",
          "SETUID",
          "SETPCAP",
          "LINUX_IMMUTABLE",
          "NET_BIND_SERVICE",
          "NET_BROADCAST",
          "NET_ADMIN",
          "NET_RAW",
          "IPC_LOCK",
          "IPC_OWNER",
          "SYS_MODULE",
          "SYS_RAWIO",
          "SYS_CHROOT",
          "SYS_PTRACE",
          "SYS_PACCT",
          "SYS_ADMIN",
          "SYS_BOOT",
          "SYS_NICE",
          "SYS_RESOURCE",
          "SYS_TIME",
          "SYS_TTY_CONFIG",
          "MKNOD",
          "LEASE",
          "AUDIT_WRITE",
          "AUDIT_CONTROL",
          "SETFCAP",
          "MAC_OVERRIDE",
          "MAC_ADMIN",
          "SYSLOG",
          "WAKE_ALARM",
          "BLOCK_SUSPEND",
          "AUDIT_READ",
          "PERFMON",
          "BPF",
          "CHECKPOINT_RESTORE");

  /** The engine's default set: {@code 00000000a80425fb} in {@code /proc/self/status}. */
  static final long DEFAULT =
      mask(
          List.of(
              "CHOWN",
              "DAC_OVERRIDE",
              "FSETID",
              "FOWNER",
              "MKNOD",
              "NET_RAW",
              "SETGID",
              "SETUID",
              "SETFCAP",
              "SETPCAP",
              "NET_BIND_SERVICE",
              "SYS_CHROOT",
              "KILL",
              "AUDIT_WRITE"));

  private static final String ALL = "ALL";

  /**
   * Device nodes of the host that a privileged container sees in {@code /dev} besides the usual
   * ones: a representative set for a virtual machine with one disk, not this machine's own list.
   */
  static final List<String> HOST_DEVICES =
      List.of(
          "autofs",
          "btrfs-control",
          "cpu_dma_latency",
          "fuse",
          "kmsg",
          "loop-control",
          "loop0",
          "loop1",
          "mem",
          "port",
          "rtc0",
          "sda",
          "sda1",
          "tty0",
          "tty1",
          "ttyS0",
          "vcs");

  Privileges {
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
  }

  /**
   * The privileges of {@code docker create}/{@code run}, with every capability name checked.
   *
   * @throws Failure worded as the daemon rejects an unknown capability
   */
  static Privileges of(boolean privileged, List<String> capAdd, List<String> capDrop) {
    normalize(capAdd, "CapAdd");
    normalize(capDrop, "CapDrop");
    return new Privileges(privileged, capAdd, capDrop);
  }

  /**
   * Upper-cased names without {@code CAP_}; {@code ALL} stays as it is.
   *
   * @throws Failure for a name the engine does not know
   */
  private static List<String> normalize(List<String> names, String field) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String upper = n.toUpperCase(Locale.ROOT);
      if (upper.equals(ALL)) {
        out.add(ALL);
        continue;
      }
      String bare = upper.startsWith("CAP_") ? upper.substring(4) : upper;
      if (!NAMES.contains(bare)) {
        throw Failure.daemon("invalid " + field + ": unknown capability: \"CAP_" + bare + "\"");
      }
      out.add(bare);
    }
    return out;
  }

  /** The bounding set ({@code CapBnd}) on a kernel whose highest capability is {@code lastCap}. */
  long bounding(int lastCap) {
    long all = lastCap >= 63 ? -1L : (1L << (lastCap + 1)) - 1;
    List<String> add = normalize(capAdd, "CapAdd");
    List<String> drop = normalize(capDrop, "CapDrop");
    long set;
    if (privileged) {
      set = all;
    } else if (add.contains(ALL)) {
      set = all & ~mask(drop);
    } else if (drop.contains(ALL)) {
      set = mask(add);
    } else {
      set = (DEFAULT & ~mask(drop)) | mask(add);
    }
    return set & all;
  }

  /**
   * The permitted and effective sets ({@code CapPrm}, {@code CapEff}): the bounding set for root,
   * none for any other user, since the runtime gives a non-root process no ambient capabilities.
   */
  long effective(int lastCap, int uid) {
    return uid == 0 ? bounding(lastCap) : 0;
  }

  /**
   * The seccomp mode of the container's processes: 2 (filter) unless privileged, which has none.
   */
  int seccompMode() {
    return privileged ? 0 : 2;
  }

  private static long mask(List<String> names) {
    long m = 0;
    for (String n : names) {
      int bit = NAMES.indexOf(n);
      if (bit >= 0) {
        m |= 1L << bit;
      }
    }
    return m;
  }

  /**
   * The highest capability number ({@code /proc/sys/kernel/cap_last_cap}) of a kernel release such
   * as {@code 6.1.0-18-amd64} or {@code 3.10.0-1160.el7.x86_64}: the number of the newest
   * capability that release line added.
   */
  static int lastCap(String kernelRelease) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+)\\.(\\d+).*").matcher(kernelRelease);
    if (!m.matches()) {
      return NAMES.size() - 1;
    }
    int version = Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
    if (version >= 5009) {
      return NAMES.indexOf("CHECKPOINT_RESTORE");
    }
    if (version >= 5008) {
      return NAMES.indexOf("BPF");
    }
    if (version >= 3016) {
      return NAMES.indexOf("AUDIT_READ");
    }
    return NAMES.indexOf("BLOCK_SUSPEND");
  }
}
