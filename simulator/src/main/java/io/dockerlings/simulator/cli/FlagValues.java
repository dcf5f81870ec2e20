package io.dockerlings.simulator.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The checks the docker CLI makes on a flag value while parsing, before any command runs: the type
 * of the value ({@code int}, {@code bytes}, {@code duration}...) and the validators of a few list
 * flags ({@code --add-host}, {@code --dns}, {@code -e}...). A failure is reported as {@code invalid
 * argument "V" for "-x, --flag" flag: REASON}, exit 125.
 */
final class FlagValues {
  private static final Set<String> SYSCTLS =
      Set.of(
          "kernel.msgmax",
          "kernel.msgmnb",
          "kernel.msgmni",
          "kernel.sem",
          "kernel.shmall",
          "kernel.shmmax",
          "kernel.shmmni",
          "kernel.shm_rmid_forced");

  private static final Set<String> ULIMITS =
      Set.of(
          "core",
          "cpu",
          "data",
          "fsize",
          "locks",
          "memlock",
          "msgqueue",
          "nice",
          "nofile",
          "nproc",
          "rss",
          "rtprio",
          "rttime",
          "sigpending",
          "stack");

  private static final Set<String> MOUNT_SWITCHES =
      Set.of("readonly", "ro", "volume-nocopy", "bind-nonrecursive");

  private static final Set<String> MOUNT_KEYS =
      Set.of(
          "type",
          "source",
          "src",
          "target",
          "dst",
          "destination",
          "readonly",
          "ro",
          "consistency",
          "bind-propagation",
          "bind-nonrecursive",
          "volume-nocopy",
          "volume-label",
          "volume-driver",
          "volume-opt",
          "tmpfs-size",
          "tmpfs-mode");

  private FlagValues() {}

  /**
   * The value to keep for {@code f} ({@code "true"}/{@code "false"} for switches, otherwise as
   * typed).
   *
   * @throws IllegalArgumentException whose message is the CLI's reason
   */
  static String check(FlagSpec f, String v) {
    switch (f.typeWord()) {
      case "" -> {
        return Boolean.toString(GoParse.parseBool(v));
      }
      case "int", "int64" -> GoParse.parseInt(v, 64);
      case "int32" -> GoParse.parseInt(v, 32);
      case "uint16" -> GoParse.parseUint(v, 16);
      case "uint32" -> GoParse.parseUint(v, 32);
      case "uint", "uint64" -> GoParse.parseUint(v, 64);
      case "bytes" -> {
        // --memory-swap takes -1 for unlimited swap, the other sizes do not.
        if (!(f.longName().equals("memory-swap") && v.equals("-1"))) {
          Units.ramInBytes(v);
        }
      }
      case "decimal" -> checkDecimal(v);
      case "duration" -> GoParse.parseDuration(v);
      case "filter" -> {
        if (!v.isEmpty() && !v.contains("=")) {
          throw new IllegalArgumentException("bad format of filter (expected name=value)");
        }
      }
      case "list" -> checkListItem(f.longName(), v);
      case "ulimit" -> checkUlimit(v);
      case "mount" -> checkMount(v);
      case "map" -> checkMapItem(f.longName(), v);
      default -> {
        // string, strings, network...: taken as typed; the command judges them.
      }
    }
    return v;
  }

  private static void checkDecimal(String v) {
    BigDecimal value;
    try {
      value = GoParse.parseRational(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("failed to parse " + v + " as a rational number");
    }
    if (value.movePointRight(9).stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("value is too precise");
    }
  }

  private static void checkListItem(String flag, String v) {
    switch (flag) {
      case "add-host" -> checkExtraHost(v);
      case "dns" -> {
        if (!isIp(v)) {
          throw new IllegalArgumentException(v + " is not an ip address");
        }
      }
      case "dns-search" -> checkDnsSearch(v);
      case "attach" -> {
        if (!List.of("stdin", "stdout", "stderr").contains(v.toLowerCase(java.util.Locale.ROOT))) {
          throw new IllegalArgumentException("valid streams are STDIN, STDOUT and STDERR");
        }
      }
      case "label" -> {
        if (v.split("=", 2)[0].isBlank()) {
          throw new IllegalArgumentException("invalid label '" + v + "': empty name");
        }
      }
      case "env" -> {
        if (v.isEmpty() || v.startsWith("=")) {
          throw new IllegalArgumentException("invalid environment variable: " + v);
        }
      }
      case "link" -> {
        if (v.isEmpty()) {
          throw new IllegalArgumentException("empty string specified for links");
        }
        if (v.split(":", -1).length > 2) {
          throw new IllegalArgumentException("bad format for links: " + v);
        }
      }
      default -> {
        // Other lists (-p, -v, --expose...) are judged when the command runs.
      }
    }
  }

  private static void checkExtraHost(String v) {
    int colon = v.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("bad format for add-host: " + GoParse.quote(v));
    }
    String ip = v.substring(colon + 1);
    if (!ip.equals("host-gateway") && !isIp(ip)) {
      throw new IllegalArgumentException("invalid IP address in add-host: " + GoParse.quote(ip));
    }
  }

  private static void checkDnsSearch(String v) {
    String domain = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    if (domain.equals(".")) {
      return;
    }
    if (domain.startsWith(".") || domain.endsWith(".") || !domain.matches("[\\w.-]*")) {
      throw new IllegalArgumentException(v + " is not a valid domain");
    }
    if (domain.length() > 255) {
      throw new IllegalArgumentException(v + " is not a valid domain");
    }
  }

  private static void checkUlimit(String v) {
    String[] parts = v.split("=", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("invalid ulimit argument: " + v);
    }
    if (!ULIMITS.contains(parts[0])) {
      throw new IllegalArgumentException("invalid ulimit type: " + parts[0]);
    }
    String[] limits = parts[1].split(":", -1);
    if (limits.length > 2) {
      throw new IllegalArgumentException(
          "too many limit value arguments - "
              + parts[1]
              + ", can only have up to two, `soft[:hard]`");
    }
    // go-units reads the hard limit first, in base 10.
    long hard = limits.length == 2 ? GoParse.parseInt10(limits[1]) : 0;
    long soft = GoParse.parseInt10(limits[0]);
    if (limits.length == 1) {
      hard = soft;
    }
    if (hard != -1 && soft > hard) {
      throw new IllegalArgumentException(
          "ulimit soft limit must be less than or equal to hard limit: " + soft + " > " + hard);
    }
  }

  private static void checkMount(String v) {
    boolean hasTarget = false;
    for (String field : v.split(",")) {
      String[] kv = field.split("=", 2);
      String key = kv[0].toLowerCase(java.util.Locale.ROOT);
      if (kv.length == 1 && MOUNT_SWITCHES.contains(key)) {
        continue;
      }
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "invalid field '" + field + "' must be a key=value pair");
      }
      if (!MOUNT_KEYS.contains(key)) {
        throw new IllegalArgumentException("unexpected key '" + kv[0] + "' in '" + field + "'");
      }
      hasTarget |= List.of("target", "dst", "destination").contains(key);
      checkTmpfsOption(key, kv[1]);
    }
    if (!hasTarget) {
      throw new IllegalArgumentException("target is required");
    }
  }

  /**
   * {@code tmpfs-size} (a size with a unit) and {@code tmpfs-mode} (octal), read as the CLI does.
   */
  private static void checkTmpfsOption(String key, String value) {
    boolean bad =
        switch (key) {
          case "tmpfs-size" -> {
            try {
              Units.ramInBytes(value);
              yield false;
            } catch (IllegalArgumentException e) {
              yield true;
            }
          }
          case "tmpfs-mode" ->
              !value.matches("[0-7]{1,11}") || Long.parseLong(value, 8) > 0xFFFFFFFFL;
          default -> false;
        };
    if (bad) {
      throw new IllegalArgumentException("invalid value for " + key + ": " + value);
    }
  }

  private static void checkMapItem(String flag, String v) {
    if (!flag.equals("sysctl")) {
      return;
    }
    String[] parts = v.split("=");
    boolean ok =
        parts.length >= 2
            && (SYSCTLS.contains(parts[0])
                || parts[0].startsWith("net.")
                || parts[0].startsWith("fs.mqueue."));
    if (!ok) {
      throw new IllegalArgumentException("sysctl '" + v + "' is not whitelisted");
    }
  }

  /** An IPv4 dotted quad or an IPv6 address, as Go's net.ParseIP accepts them. */
  static boolean isIp(String s) {
    if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      for (String part : s.split("\\.")) {
        if (Integer.parseInt(part) > 255 || part.length() > 1 && part.startsWith("0")) {
          return false;
        }
      }
      return true;
    }
    if (!s.contains(":") || !s.matches("[0-9a-fA-F:.]+")) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(s) instanceof java.net.Inet6Address
          || s.startsWith("::ffff:");
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
