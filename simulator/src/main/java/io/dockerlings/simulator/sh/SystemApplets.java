package io.dockerlings.simulator.sh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The busybox tools that report on the system: hostname, id, env, date, uname, ps, mount... */
final class SystemApplets {
  private SystemApplets() {}

  static Map<String, Applet> all() {
    Map<String, Applet> m = new LinkedHashMap<>();
    m.put(
        "hostname",
        (a, c) -> {
          c.out(c.container().hostname() + "\n");
          return 0;
        });
    m.put("id", SystemApplets::id);
    m.put(
        "whoami",
        (a, c) -> {
          c.out(SystemNames.user(c.container().uid()) + "\n");
          return 0;
        });
    m.put("env", SystemApplets::env);
    m.put("printenv", SystemApplets::env);
    m.put("date", DateApplet::run);
    m.put("uname", SystemApplets::uname);
    m.put("ps", SystemApplets::ps);
    m.put(
        "mount",
        (a, c) -> {
          c.container().mounts().forEach(l -> c.out(l + "\n"));
          return 0;
        });
    m.put(
        "which",
        (a, c) -> {
          int status = 0;
          for (String n : a.subList(1, a.size())) {
            boolean found = false;
            for (String dir : c.env().getOrDefault("PATH", "/bin").split(":")) {
              String p = Paths.resolve("/", dir + "/" + n);
              if (c.fs().exists(p) && !c.fs().stat(p).isDirectory()) {
                c.out(p + "\n");
                found = true;
                break;
              }
            }
            if (!found) {
              status = 1;
            }
          }
          return status;
        });
    m.put(
        "nproc",
        (a, c) -> {
          c.out(c.container().cpus() + "\n");
          return 0;
        });
    m.put(
        "free",
        (a, c) -> {
          long kb = c.container().memoryBytes() / 1024;
          long used = MachineFiles.USED_KB;
          // -m shows MiB, -g GiB (busybox divides the KiB figures).
          long div = a.contains("-g") ? 1024 * 1024 : a.contains("-m") ? 1024 : 1;
          c.out(
              "              total        used        free      shared  buff/cache   available\n");
          c.out(
              String.format(
                  "Mem:   %12d%12d%12d%12d%12d%12d%n",
                  kb / div,
                  used / div,
                  (kb - used - MachineFiles.BUFF_CACHE_KB) / div,
                  MachineFiles.SHARED_KB / div,
                  MachineFiles.BUFF_CACHE_KB / div,
                  (kb - used) / div));
          c.out(String.format("Swap:  %12d%12d%12d%n", 0, 0, 0));
          return 0;
        });
    m.put("df", SystemApplets::df);
    return m;
  }

  private static final String ID_USAGE =
      "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n"
          + "Usage: id [-ugGnr] [USER]\n\n"
          + "Print information about USER or the current user\n\n"
          + "\t-u\tUser ID\n"
          + "\t-g\tGroup ID\n"
          + "\t-G\tSupplementary group IDs\n"
          + "\t-n\tPrint names instead of numbers\n"
          + "\t-r\tPrint real ID instead of effective ID\n";

  private static int id(List<String> argv, AppletContext c) {
    int uid = c.container().uid();
    int gid = c.container().gid();
    StringBuilder flags = new StringBuilder();
    for (String a : argv.subList(1, argv.size())) {
      if (a.startsWith("-") && a.length() > 1) {
        flags.append(a.substring(1));
      }
    }
    String f = flags.toString();
    boolean names = f.contains("n");
    if (f.chars().anyMatch(ch -> "ugGnr".indexOf(ch) < 0)
        || (names && !f.contains("u") && !f.contains("g") && !f.contains("G"))) {
      c.err(ID_USAGE);
      return 1;
    }
    if (f.contains("u") || f.contains("g") || f.contains("G")) {
      int value = f.contains("u") ? uid : gid;
      if (!names) {
        c.out(value + "\n");
        return 0;
      }
      String name = f.contains("u") ? userName(value) : groupName(value);
      if (name == null) {
        // busybox still prints the number, then complains.
        c.out(value + "\n");
        c.err("id: unknown ID " + value + "\n");
        return 1;
      }
      c.out(name + "\n");
      return 0;
    }
    String u = "uid=" + uid + named(userName(uid));
    String g = "gid=" + gid + named(groupName(gid));
    c.out(u + " " + g + " groups=" + g.substring(4) + "\n");
    return 0;
  }

  /** The names busybox's /etc/passwd and /etc/group give; other ids have none. */
  private static String userName(int uid) {
    return uid == 0 ? "root" : uid == 65534 ? "nobody" : null;
  }

  private static String groupName(int gid) {
    return gid == 0 ? "root" : gid == 65534 ? "nogroup" : null;
  }

  private static String named(String name) {
    return name == null ? "" : "(" + name + ")";
  }

  private static int env(List<String> argv, AppletContext c) {
    if (argv.size() > 1 && argv.get(0).equals("printenv")) {
      String v = c.env().get(argv.get(1));
      if (v == null) {
        return 1;
      }
      c.out(v + "\n");
      return 0;
    }
    c.env().forEach((k, v) -> c.out(k + "=" + v + "\n"));
    return 0;
  }

  private static int uname(List<String> argv, AppletContext c) {
    String opts =
        argv.size() > 1 ? String.join("", argv.subList(1, argv.size())).replace("-", "") : "s";
    String kernel = c.container().kernelRelease();
    if (opts.contains("a")) {
      c.out(
          "Linux "
              + c.container().hostname()
              + " "
              + kernel
              + " #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n");
      return 0;
    }
    List<String> parts = new ArrayList<>();
    if (opts.contains("s")) {
      parts.add("Linux");
    }
    if (opts.contains("n")) {
      parts.add(c.container().hostname());
    }
    if (opts.contains("r")) {
      parts.add(kernel);
    }
    if (opts.contains("m")) {
      parts.add("x86_64");
    }
    c.out(String.join(" ", parts) + "\n");
    return 0;
  }

  private static int ps(List<String> argv, AppletContext c) {
    int o = argv.indexOf("-o");
    if (o > 0) {
      return psColumns(o + 1 < argv.size() ? argv.get(o + 1) : "", c);
    }
    StringBuilder b = new StringBuilder("PID   USER     COMMAND\n");
    for (ContainerFacts.ProcessRow p : c.container().processes()) {
      b.append(String.format("%5d %-8s %s%n", p.pid(), p.user(), p.command()));
    }
    c.out(b.toString());
    return 0;
  }

  /** The {@code -o} columns busybox's ps knows: name, width (negative: left-aligned), header. */
  private static final java.util.Map<String, Object[]> PS_COLUMNS = psColumns();

  private static java.util.Map<String, Object[]> psColumns() {
    java.util.Map<String, Object[]> m = new java.util.LinkedHashMap<>();
    m.put("user", new Object[] {-8, "USER"});
    m.put("group", new Object[] {-8, "GROUP"});
    m.put("comm", new Object[] {-16, "COMMAND"});
    m.put("args", new Object[] {0, "COMMAND"});
    m.put("pid", new Object[] {5, "PID"});
    m.put("ppid", new Object[] {5, "PPID"});
    m.put("pgid", new Object[] {5, "PGID"});
    m.put("nice", new Object[] {5, "NI"});
    m.put("rgroup", new Object[] {-8, "RGROUP"});
    m.put("ruser", new Object[] {-8, "RUSER"});
    m.put("tty", new Object[] {-8, "TT"});
    m.put("vsz", new Object[] {6, "VSZ"});
    m.put("sid", new Object[] {5, "SID"});
    m.put("stat", new Object[] {-4, "STAT"});
    m.put("rss", new Object[] {5, "RSS"});
    return m;
  }

  /**
   * {@code ps -o LIST}: the named columns in busybox's widths. The model knows pid, user and
   * command line; pid 1 has parent 0, everything else the container's first process; group ids
   * follow the user (root or not), and the ps itself is running (R), the rest sleeping (S).
   */
  private static int psColumns(String list, AppletContext c) {
    List<String> names = List.of(list.split(","));
    for (String n : names) {
      if (!PS_COLUMNS.containsKey(n)) {
        c.err(
            "ps: bad -o argument '"
                + n
                + "', supported arguments: "
                + String.join(",", PS_COLUMNS.keySet())
                + "\n");
        return 1;
      }
    }
    List<ContainerFacts.ProcessRow> rows = c.container().processes();
    StringBuilder b = new StringBuilder();
    b.append(psLine(names, n -> (String) PS_COLUMNS.get(n)[1], true));
    for (int i = 0; i < rows.size(); i++) {
      ContainerFacts.ProcessRow p = rows.get(i);
      boolean self = i == rows.size() - 1;
      String comm = p.command().split(" ")[0];
      comm = comm.substring(comm.lastIndexOf('/') + 1);
      String name = comm;
      b.append(
          psLine(
              names,
              n ->
                  switch (n) {
                    case "user", "ruser" -> p.user();
                    case "group", "rgroup" -> p.user().equals("root") ? "root" : p.user();
                    case "comm" -> name;
                    case "args" -> p.command();
                    case "pid", "pgid", "sid" -> Integer.toString(p.pid());
                    case "ppid" -> p.pid() == 1 ? "0" : "1";
                    case "nice" -> "0";
                    case "tty" -> "?";
                    case "vsz" -> "1328";
                    case "rss" -> "4";
                    default -> self ? "R" : "S";
                  },
              false));
    }
    c.out(b.toString());
    return 0;
  }

  /** One line of {@code ps -o}: numbers right-aligned, except in the header, which busybox pads. */
  private static String psLine(
      List<String> names, java.util.function.Function<String, String> value, boolean header) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      int width = (Integer) PS_COLUMNS.get(names.get(i))[0];
      String v = value.apply(names.get(i));
      boolean last = i == names.size() - 1;
      if (i > 0) {
        b.append(' ');
      }
      if (width > 0 && !header) {
        b.append(String.format("%" + width + "s", v));
      } else if (width != 0 && !last) {
        b.append(String.format("%-" + Math.abs(width) + "s", v));
      } else {
        b.append(v);
      }
    }
    return b.append('\n').toString();
  }

  private static final java.util.Set<String> FIXED_MOUNTS =
      java.util.Set.of("/", "/proc", "/dev", "/dev/pts", "/sys", "/dev/shm", "/sys/fs/cgroup");

  private static int df(List<String> argv, AppletContext c) {
    boolean human = argv.contains("-h");
    long disk = 264_212_084L;
    long used = 23_082_336L;
    long shm = 65_536L;
    long mem = c.container().memoryBytes() / 1024 / 2;
    String[][] rows = {
      {
        "overlay",
        Long.toString(disk),
        Long.toString(used),
        Long.toString(disk - used - 157_821_172L),
        "22%",
        "/"
      },
      {"tmpfs", Long.toString(shm), "0", Long.toString(shm), "0%", "/dev"},
      {"shm", Long.toString(shm), "0", Long.toString(shm), "0%", "/dev/shm"},
      {"tmpfs", Long.toString(mem), "0", Long.toString(mem), "0%", "/sys/fs/cgroup"},
    };
    List<String[]> all = new java.util.ArrayList<>(List.of(rows));
    // The container's own mounts (-v, --mount): volumes and binds on the host's disk, tmpfs in
    // memory (half the host's, or its size option).
    for (String line : c.container().mounts()) {
      String[] w = line.split(" ");
      if (w.length < 6 || w[2].startsWith("/etc/") || FIXED_MOUNTS.contains(w[2])) {
        continue;
      }
      if (w[0].equals("/dev/vda")) {
        all.add(
            new String[] {
              "/dev/vda",
              Long.toString(disk),
              Long.toString(used),
              Long.toString(disk - used - 157_821_172L),
              "22%",
              w[2]
            });
      } else if (w[4].equals("tmpfs")) {
        java.util.regex.Matcher size =
            java.util.regex.Pattern.compile("size=(\\d+)k").matcher(w[5]);
        String kb = size.find() ? size.group(1) : Long.toString(mem);
        all.add(new String[] {"tmpfs", kb, "0", kb, "0%", w[2]});
      }
    }
    List<String> paths = argv.stream().skip(1).filter(a -> !a.startsWith("-")).toList();
    if (!paths.isEmpty()) {
      // df PATH shows the filesystem the path is on: the mount with the longest matching prefix.
      List<String[]> chosen = new java.util.ArrayList<>();
      for (String path : paths) {
        String abs = path.startsWith("/") ? path : "/" + path;
        String[] best = all.get(0);
        for (String[] r : all) {
          String mp = r[5];
          boolean under = abs.equals(mp) || abs.startsWith(mp.equals("/") ? "/" : mp + "/");
          if (under && mp.length() > best[5].length()) {
            best = r;
          }
        }
        chosen.add(best);
      }
      all = chosen;
    }
    rows = all.toArray(new String[0][]);
    if (human) {
      c.out("Filesystem                Size      Used Available Use% Mounted on\n");
      for (String[] r : rows) {
        c.out(
            String.format(
                "%-20s%10s%10s%10s%5s %s%n", r[0], h(r[1]), h(r[2]), h(r[3]), r[4], r[5]));
      }
    } else {
      c.out("Filesystem           1K-blocks      Used Available Use% Mounted on\n");
      for (String[] r : rows) {
        c.out(String.format("%-20s%10s%10s%10s%5s %s%n", r[0], r[1], r[2], r[3], r[4], r[5]));
      }
    }
    return 0;
  }

  private static String h(String kb) {
    long k = Long.parseLong(kb);
    if (k == 0) {
      return "0";
    }
    String[] units = {"K", "M", "G", "T"};
    double v = k;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f%s", v, units[u]);
  }
}
