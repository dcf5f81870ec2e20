package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.cli.DockerException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code docker top}: the daemon runs the host's procps {@code ps} with the user's options, then
 * keeps the lines whose PID column names one of the container's processes.
 */
final class PsTable {
  /** One container process as the host's ps sees it. */
  record Proc(
      int hostPid,
      int ppid,
      int uid,
      String user,
      Instant started,
      String args,
      boolean busy,
      boolean tty) {
    String comm() {
      String first = args.split(" ", 2)[0];
      return first.substring(first.lastIndexOf('/') + 1);
    }
  }

  /** What ps knows of a process beyond its own fields: its session, group and the clock. */
  private record Row(Proc p, int sid, Instant now) {
    boolean leader() {
      return p.hostPid() == sid;
    }

    long elapsed() {
      return Math.max(Duration.between(p.started(), now).toSeconds(), 0);
    }

    long cpuSeconds() {
      return p.busy() ? elapsed() : 0;
    }

    String stat() {
      String s = p.busy() ? "R" : "S";
      if (leader()) {
        s += "s";
      }
      // A terminal's foreground group is the container's session: its processes get a '+'.
      return p.tty() ? s + "+" : s;
    }
  }

  /** A format specifier: the header procps prints and how it prints a value. */
  private record Spec(String header, Function<Row, String> value) {}

  private static final DateTimeFormatter HM =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HMS =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MON_DD =
      DateTimeFormatter.ofPattern("MMM dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  // Per-process memory maps are not simulated: a busybox applet's typical figures stand in.
  private static final long VSZ_KB = 2268;
  private static final long RSS_KB = 1376;

  private static final Map<String, Spec> SPECS = new HashMap<>();

  static {
    spec("PID", r -> String.valueOf(r.p().hostPid()), "pid", "tgid");
    spec("PPID", r -> String.valueOf(r.p().ppid()), "ppid");
    spec("PGID", r -> String.valueOf(r.sid()), "pgid", "pgrp");
    spec("SID", r -> String.valueOf(r.sid()), "sid", "sess", "session");
    spec("TPGID", r -> r.p().tty() ? String.valueOf(r.sid()) : "-1", "tpgid");
    spec("USER", r -> r.p().user(), "user", "euser", "uname");
    spec("UID", r -> String.valueOf(r.p().uid()), "uid", "euid");
    spec("RUSER", r -> r.p().user(), "ruser");
    spec("COMMAND", r -> r.p().comm(), "comm", "ucmd", "ucomm");
    spec("COMMAND", r -> r.p().args(), "args", "command");
    spec("CMD", r -> r.p().args(), "cmd");
    spec("STAT", Row::stat, "stat");
    spec("S", r -> r.stat().substring(0, 1), "s", "state");
    // The container's terminal lives in its own devpts instance, which the host's ps cannot name.
    spec("TT", r -> "?", "tty", "tt");
    spec("TTY", r -> "?", "tname");
    spec("TIME", r -> clock(r.cpuSeconds(), true), "time", "cputime");
    spec("TIME", r -> r.cpuSeconds() / 60 + ":" + two(r.cpuSeconds() % 60), "bsdtime");
    spec("ELAPSED", r -> clock(r.elapsed(), false), "etime");
    spec("ELAPSED", r -> String.valueOf(r.elapsed()), "etimes");
    spec("NLWP", r -> "1", "nlwp", "thcount");
    spec("%CPU", r -> percent(r), "%cpu", "pcpu");
    spec("%MEM", r -> "0.0", "%mem", "pmem");
    spec("VSZ", r -> String.valueOf(VSZ_KB), "vsz", "vsize");
    spec("RSS", r -> String.valueOf(RSS_KB), "rss", "rssize", "rsz");
    spec("SZ", r -> String.valueOf(VSZ_KB / 4), "sz");
    spec("C", r -> r.p().busy() ? "99" : "0", "c");
    // -l prints the kernel's priority, 80 for a normal task, where -o pri counts from 0.
    spec("PRI", r -> "80", "opri");
    spec("NI", r -> "0", "ni", "nice");
    spec("PRI", r -> "19", "pri");
    spec("F", r -> r.leader() ? "4" : "0", "f", "flag", "flags");
    spec("ADDR", r -> "-", "addr");
    spec("WCHAN", PsTable::wchan, "wchan");
    spec("STIME", r -> startTime(r, HM), "stime", "start_time");
    spec("START", r -> startTime(r, HM), "bsdstart");
    spec("STARTED", r -> startTime(r, HMS), "start");
  }

  private static void spec(String header, Function<Row, String> value, String... names) {
    for (String n : names) {
      SPECS.put(n, new Spec(header, value));
    }
  }

  private static final List<String> FULL =
      List.of("user=UID", "pid", "ppid", "c", "stime", "tname", "time", "cmd");
  private static final List<String> LONG =
      List.of(
          "f",
          "s",
          "uid",
          "pid",
          "ppid",
          "c",
          "opri",
          "ni",
          "addr",
          "sz",
          "wchan",
          "tname",
          "time",
          "ucmd=CMD");
  private static final List<String> SYSV_JOBS =
      List.of("pid", "pgid", "sid", "tname", "time", "ucmd=CMD");
  private static final List<String> SYSV_DEFAULT = List.of("pid", "tname", "time", "ucmd=CMD");
  private static final List<String> BSD_USER =
      List.of(
          "user",
          "pid",
          "%cpu",
          "%mem",
          "vsz",
          "rss",
          "tname",
          "stat",
          "bsdstart",
          "bsdtime",
          "args");
  private static final List<String> BSD_JOBS =
      List.of("ppid", "pid", "pgid", "sid", "tname", "tpgid", "stat", "uid", "bsdtime", "args");
  private static final List<String> BSD_DEFAULT =
      List.of("pid", "tname", "stat", "bsdtime", "args");

  private PsTable() {}

  /**
   * The table {@code docker top} prints: titles, then one row per process of the container.
   *
   * @param psArgs the words after the container name, {@code -ef} when there are none
   */
  static List<List<String>> top(List<String> psArgs, List<Proc> procs, Instant now) {
    List<String> lines = ps(psArgs, procs, now);
    return parse(lines, procs);
  }

  /** The lines the host's ps prints, fields separated by single spaces. */
  private static List<String> ps(List<String> psArgs, List<Proc> procs, Instant now) {
    List<String> format = new ArrayList<>();
    boolean sysvFull = false;
    boolean sysvLong = false;
    boolean sysvJobs = false;
    boolean bsd = false;
    boolean bsdUser = false;
    boolean bsdJobs = false;
    boolean headers = true;
    Set<Integer> only = null;
    Comparator<Row> sort = null;
    // The daemon splits the options at single spaces, as the client joined them.
    List<String> words = new ArrayList<>();
    for (String a : psArgs) {
      words.addAll(List.of(a.split(" ", -1)));
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.isEmpty()) {
        continue;
      }
      if (w.startsWith("--")) {
        String name = w.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        switch (name) {
          case "sort" -> {
            if (value == null) {
              value = i + 1 < words.size() ? words.get(++i) : null;
            }
            if (value == null || value.isEmpty()) {
              throw psError("long sort specification must follow --sort");
            }
            sort = sortOrder(value);
          }
          case "no-headers", "no-heading", "no-headings", "noheader", "noheaders" ->
              headers = false;
          case "format" -> {
            String list = value != null ? value : i + 1 < words.size() ? words.get(++i) : null;
            if (list == null) {
              throw psError("format specification must follow --format");
            }
            format.addAll(formatList(list));
          }
          case "cols", "columns", "width", "lines", "rows" -> {
            if (value == null) {
              i++;
            }
          }
          default -> throw psError("unknown gnu long option");
        }
      } else if (w.startsWith("-")) {
        String letters = w.substring(1);
        for (int k = 0; k < letters.length(); k++) {
          char ch = letters.charAt(k);
          switch (ch) {
            case 'e', 'A', 'a', 'd', 'N', 'w', 'H', 'm', 'L', 'T' -> {}
            case 'f' -> sysvFull = true;
            case 'l' -> sysvLong = true;
            case 'j' -> sysvJobs = true;
            case 'o', 'p', 'q' -> {
              String rest = letters.substring(k + 1);
              if (rest.isEmpty()) {
                rest = i + 1 < words.size() ? words.get(++i) : "";
              }
              if (rest.isEmpty()) {
                throw psError(
                    ch == 'o'
                        ? "format specification must follow -o"
                        : "list of process IDs must follow -" + ch);
              }
              if (ch == 'o') {
                format.addAll(formatList(rest));
              } else {
                only = union(only, pidList(rest));
              }
              k = letters.length();
            }
            default -> throw psError("unsupported SysV option");
          }
        }
      } else {
        for (int k = 0; k < w.length(); k++) {
          char ch = w.charAt(k);
          bsd = true;
          switch (ch) {
            case 'a', 'x', 'w', 'e', 'r', 'H', 'm' -> {}
            case 'u' -> bsdUser = true;
            case 'j' -> bsdJobs = true;
            case 'o', 'p', 'q' -> {
              String rest = w.substring(k + 1);
              if (rest.isEmpty()) {
                rest = i + 1 < words.size() ? words.get(++i) : "";
              }
              if (rest.isEmpty()) {
                throw psError(
                    ch == 'o'
                        ? "format specification must follow o"
                        : "list of process IDs must follow " + ch);
              }
              if (ch == 'o') {
                format.addAll(formatList(rest));
              } else {
                only = union(only, pidList(rest));
              }
              k = w.length();
            }
            default -> throw psError("unsupported option (BSD syntax)");
          }
        }
      }
    }
    if (format.isEmpty()) {
      format =
          bsdUser
              ? BSD_USER
              : bsdJobs
                  ? BSD_JOBS
                  : sysvLong
                      ? LONG
                      : sysvFull ? FULL : sysvJobs ? SYSV_JOBS : bsd ? BSD_DEFAULT : SYSV_DEFAULT;
    }
    List<String> titles = new ArrayList<>();
    List<Spec> specs = new ArrayList<>();
    for (String item : format) {
      int eq = item.indexOf('=');
      String name = eq < 0 ? item : item.substring(0, eq);
      Spec s = SPECS.get(name);
      if (s == null) {
        throw psError("unknown user-defined format specifier \"" + name + "\"");
      }
      specs.add(s);
      titles.add(eq < 0 ? s.header() : item.substring(eq + 1));
    }
    List<Row> rows = rows(procs, now);
    if (only != null) {
      Set<Integer> keep = only;
      rows.removeIf(r -> !keep.contains(r.p().hostPid()));
    }
    if (sort != null) {
      rows.sort(sort);
    }
    List<String> lines = new ArrayList<>();
    if (headers && titles.stream().anyMatch(t -> !t.isEmpty())) {
      lines.add(String.join(" ", titles));
    }
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (Spec s : specs) {
        cells.add(s.value().apply(r));
      }
      lines.add(String.join(" ", cells));
    }
    return lines;
  }

  /**
   * The daemon's reading of ps output: titles from the first line, the PID column found by its
   * title, and the rest of a line beyond the last title joined into the last column.
   */
  private static List<List<String>> parse(List<String> lines, List<Proc> procs) {
    List<String> titles = lines.isEmpty() ? List.of() : List.of(lines.get(0).trim().split("\\s+"));
    int pidIndex = titles.indexOf("PID");
    if (pidIndex < 0) {
      throw DockerException.daemon("Couldn't find PID field in ps output");
    }
    Set<Integer> pids = new HashSet<>();
    procs.forEach(p -> pids.add(p.hostPid()));
    List<List<String>> table = new ArrayList<>();
    table.add(titles);
    boolean previousKept = false;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = List.of(line.trim().split("\\s+"));
      if (pidIndex >= fields.size()) {
        // Go would index out of range here; such a line cannot come from the formats above.
        continue;
      }
      String pid = fields.get(pidIndex);
      if (pid.equals("-")) {
        if (previousKept) {
          table.add(cells(fields, titles.size()));
        }
        continue;
      }
      int p;
      try {
        p = Integer.parseInt(pid);
      } catch (NumberFormatException e) {
        throw DockerException.daemon(
            "Unexpected pid '"
                + pid
                + "': strconv.Atoi: parsing "
                + io.dockerlings.simulator.format.GoQuote.quote(pid)
                + ": invalid syntax");
      }
      previousKept = pids.contains(p);
      if (previousKept) {
        table.add(cells(fields, titles.size()));
      }
    }
    return table;
  }

  private static List<String> cells(List<String> fields, int columns) {
    List<String> row = new ArrayList<>(fields.subList(0, Math.min(columns - 1, fields.size())));
    if (fields.size() >= columns) {
      row.add(String.join(" ", fields.subList(columns - 1, fields.size())));
    }
    return row;
  }

  private static List<Row> rows(List<Proc> procs, Instant now) {
    Map<Integer, Proc> byPid = new HashMap<>();
    procs.forEach(p -> byPid.put(p.hostPid(), p));
    List<Row> rows = new ArrayList<>();
    for (Proc p : procs) {
      // PID 1 and every docker exec start a session; a forked child stays in its parent's.
      Proc leader = p;
      while (byPid.containsKey(leader.ppid())) {
        leader = byPid.get(leader.ppid());
      }
      rows.add(new Row(p, leader.hostPid(), now));
    }
    return rows;
  }

  private static List<String> formatList(String list) {
    List<String> items = new ArrayList<>();
    for (String item : list.split(",")) {
      if (item.isEmpty()) {
        continue;
      }
      // "pid:10" sets a width and "comm=NAME" a header; the width is lost in docker's columns.
      int eq = item.indexOf('=');
      items.add(eq < 0 ? stripWidth(item) : stripWidth(item.substring(0, eq)) + item.substring(eq));
    }
    return items;
  }

  private static String stripWidth(String item) {
    int colon = item.indexOf(':');
    return colon < 0 ? item : item.substring(0, colon);
  }

  private static Set<Integer> pidList(String list) {
    Set<Integer> pids = new HashSet<>();
    for (String s : list.split("[, ]")) {
      try {
        pids.add(Integer.parseInt(s));
      } catch (NumberFormatException e) {
        throw psError("process ID list syntax error");
      }
    }
    return pids;
  }

  private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    if (a == null) {
      return b;
    }
    a.addAll(b);
    return a;
  }

  private static Comparator<Row> sortOrder(String keys) {
    Comparator<Row> order = null;
    for (String key : keys.split(",")) {
      boolean descending = key.startsWith("-");
      String name = key.startsWith("-") || key.startsWith("+") ? key.substring(1) : key;
      Comparator<Row> c =
          switch (name) {
            case "pid" -> Comparator.comparingInt(r -> r.p().hostPid());
            case "ppid" -> Comparator.comparingInt(r -> r.p().ppid());
            case "start_time", "etime", "etimes" -> Comparator.comparing(r -> r.p().started());
            case "comm", "cmd", "args", "command" -> Comparator.comparing(r -> r.p().args());
            case "pcpu", "%cpu", "time", "cputime" -> Comparator.comparingLong(Row::cpuSeconds);
            case "user", "uid" -> Comparator.comparingInt(r -> r.p().uid());
            case "rss", "vsz", "pmem", "%mem" -> (x, y) -> 0;
            default -> throw psError("unknown sort specifier");
          };
      if (descending) {
        c = c.reversed();
      }
      order = order == null ? c : order.thenComparing(c);
    }
    return order;
  }

  private static String percent(Row r) {
    long elapsed = r.elapsed();
    double pct = elapsed == 0 ? 0 : r.cpuSeconds() * 100.0 / elapsed;
    return String.format(Locale.ROOT, "%.1f", pct);
  }

  private static String wchan(Row r) {
    if (r.p().busy()) {
      return "-";
    }
    return switch (r.p().comm()) {
      case "sleep" -> "hrtime";
      case "httpd", "nc", "telnetd" -> "inet_c";
      case "sh", "ash", "bash" -> r.p().tty() ? "poll_s" : "do_wai";
      default -> "ep_pol";
    };
  }

  private static String startTime(Row r, DateTimeFormatter today) {
    boolean recent = Duration.between(r.p().started(), r.now()).toHours() < 24;
    return (recent ? today : MON_DD).format(r.p().started());
  }

  /** {@code [dd-]hh:mm:ss}, or for elapsed time {@code [[dd-]hh:]mm:ss}. */
  private static String clock(long seconds, boolean alwaysHours) {
    long days = seconds / 86400;
    long h = seconds / 3600 % 24;
    String hm = days > 0 ? days + "-" + two(h) + ":" : alwaysHours || h > 0 ? two(h) + ":" : "";
    return hm + two(seconds / 60 % 60) + ":" + two(seconds % 60);
  }

  private static String two(long n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  private static DockerException psError(String message) {
    return DockerException.daemon("ps: error: " + message);
  }
}
