package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.fs.NodeType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulated busybox applets that work on files ({@code ls}, {@code cat}, {@code cp}...),
 * printing what busybox 1.35 prints, errors included. Text tools live in {@link TextApplets},
 * system tools in {@link SystemApplets}.
 */
public final class FileApplets {
  private static final DateTimeFormatter LS_TIME =
      DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private FileApplets() {}

  /** Every applet the simulator carries out, by name. */
  public static Map<String, Applet> all() {
    Map<String, Applet> m = new LinkedHashMap<>();
    m.put("ls", FileApplets::ls);
    m.put("cat", FileApplets::cat);
    m.put("touch", FileApplets::touch);
    m.put("mkdir", FileApplets::mkdir);
    m.put("rm", FileApplets::rm);
    m.put("rmdir", FileApplets::rmdir);
    m.put("cp", FileApplets::cp);
    m.put("mv", FileApplets::mv);
    m.put("ln", FileApplets::ln);
    m.put("chmod", FileApplets::chmod);
    m.put("dd", FileApplets::dd);
    m.put("readlink", FileApplets::readlink);
    m.putAll(TextApplets.all());
    m.putAll(SystemApplets.all());
    m.putAll(NetApplets.all());
    m.putAll(PackageApplets.all());
    return m;
  }

  /** Splits {@code -abc} style options from operands; returns the option letters. */
  static String options(List<String> argv, List<String> operands) {
    StringBuilder opts = new StringBuilder();
    boolean done = false;
    for (String a : argv.subList(1, argv.size())) {
      if (!done && a.equals("--")) {
        done = true;
      } else if (!done && a.startsWith("-") && a.length() > 1) {
        opts.append(a.substring(1));
      } else {
        operands.add(a);
      }
    }
    return opts.toString();
  }

  /** Whether {@code b} is valid UTF-8 text. */
  static boolean utf8(byte[] b) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static String modeString(FileStat st) {
    char type = st.isDirectory() ? 'd' : st.isSymlink() ? 'l' : '-';
    StringBuilder b = new StringBuilder().append(type);
    int m = st.isSymlink() ? 0777 : st.mode();
    String rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      b.append((m & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
    }
    if ((m & 01000) != 0) {
      b.setCharAt(9, (m & 1) != 0 ? 't' : 'T');
    }
    return b.toString();
  }

  private static String group(int gid) {
    return gid == 0 ? "root" : gid == 65534 ? "nogroup" : Integer.toString(gid);
  }

  private static int ls(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    String o = options(argv, ops);
    boolean all = o.contains("a");
    boolean almost = o.contains("A");
    boolean longFmt = o.contains("l");
    boolean dirSelf = o.contains("d");
    // busybox writes names in columns when stdout is a terminal, unless -1 or -l.
    int width = !longFmt && !o.contains("1") && c.stdoutIsTty() ? terminalWidth(c) : 0;
    if (ops.isEmpty()) {
      ops.add(".");
    }
    FileSystem fs = c.fs();
    int status = 0;
    List<String> files = new ArrayList<>();
    List<String> dirs = new ArrayList<>();
    for (String op : ops) {
      String p = c.resolve(op);
      try {
        FileStat st = fs.stat(p);
        if (st.isDirectory() && !dirSelf) {
          dirs.add(op);
        } else {
          files.add(op);
        }
      } catch (FsException e) {
        c.err("ls: " + op + ": " + e.reason().text() + "\n");
        status = 1;
      }
    }
    StringBuilder out = new StringBuilder();
    if (longFmt) {
      for (String f : files) {
        out.append(longLine(fs, c.resolve(f), f));
      }
    } else {
      out.append(columns(files, width));
    }
    boolean headers = ops.size() > 1;
    for (int i = 0; i < dirs.size(); i++) {
      String d = dirs.get(i);
      String p = c.resolve(d);
      if (headers) {
        if (out.length() > 0 || i > 0) {
          out.append('\n');
        }
        out.append(d).append(":\n");
      }
      List<String> names = new ArrayList<>();
      if (all) {
        names.add(".");
        names.add("..");
      }
      for (String n : fs.list(p)) {
        if (!n.startsWith(".") || all || almost) {
          names.add(n);
        }
      }
      if (longFmt) {
        long blocks = 0;
        for (String n : names) {
          FileStat st = fs.lstat(child(p, n));
          blocks += st.isDirectory() ? 4 : (st.size() + 4095) / 4096 * 4;
        }
        out.append("total ").append(blocks).append('\n');
      }
      if (longFmt) {
        for (String n : names) {
          out.append(longLine(fs, child(p, n), n));
        }
      } else {
        out.append(columns(names, width));
      }
    }
    c.out(out.toString());
    return status;
  }

  /**
   * The terminal's width as busybox reads it: {@code COLUMNS} when set to a number (it wins over
   * the window, as in busybox's {@code get_terminal_width}), else the window's width once the
   * client has sent it, else 80.
   */
  private static int terminalWidth(AppletContext c) {
    String columns = c.env().getOrDefault("COLUMNS", "");
    if (columns.matches("[0-9]{1,5}") && Integer.parseInt(columns) > 0) {
      return Integer.parseInt(columns);
    }
    int window = c.ttyColumns();
    return window > 1 && window < 30000 ? window : 80;
  }

  /**
   * Names laid out as busybox's ls does on a terminal {@code width} wide (0: one per line): each
   * column as wide as the longest name plus two, names running down the columns, no trailing
   * blanks.
   */
  static String columns(List<String> names, int width) {
    int columnWidth = 0;
    for (String n : names) {
      columnWidth = Math.max(columnWidth, n.length());
    }
    columnWidth += 2;
    int ncols = width / columnWidth;
    int nrows = names.size();
    if (ncols > 1) {
      nrows = (names.size() + ncols - 1) / ncols;
    } else {
      ncols = 1;
    }
    StringBuilder out = new StringBuilder();
    for (int row = 0; row < nrows; row++) {
      int column = 0;
      int nexttab = 0;
      for (int nc = 0; nc < ncols; nc++) {
        int i = nc * nrows + row;
        if (i >= names.size()) {
          break;
        }
        if (column > 0) {
          out.append(" ".repeat(nexttab - column));
          column = nexttab;
        }
        nexttab = column + columnWidth;
        out.append(names.get(i));
        column += names.get(i).length();
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String child(String dir, String name) {
    if (name.equals(".")) {
      return dir;
    }
    if (name.equals("..")) {
      return Paths.parent(dir);
    }
    return dir.equals("/") ? "/" + name : dir + "/" + name;
  }

  private static String longLine(FileSystem fs, String path, String shown) {
    FileStat st = fs.lstat(path);
    String link = st.isSymlink() ? " -> " + st.linkTarget() : "";
    int nlink = st.isDirectory() ? 2 : 1;
    return String.format(
        "%s %4d %-8s %-8s %9d %s %s%s%n",
        modeString(st),
        nlink,
        SystemNames.user(st.uid()),
        group(st.gid()),
        st.size(),
        LS_TIME.format(st.mtime()),
        shown,
        link);
  }

  private static int cat(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    options(argv, ops);
    if (ops.isEmpty()) {
      c.out(c.stdin());
      return 0;
    }
    int status = 0;
    for (String op : ops) {
      if (op.equals("-")) {
        c.out(c.stdin());
        continue;
      }
      try {
        byte[] bytes = c.fs().read(c.resolve(op), 16 << 20);
        if (utf8(bytes)) {
          c.out(text(bytes));
        } else {
          // A binary file (a tar) goes on byte for byte, so that a pipe into docker load works.
          c.outBytes(bytes);
        }
      } catch (FsException e) {
        c.err("cat: can't open '" + op + "': " + e.reason().text() + "\n");
        status = 1;
      }
    }
    return status;
  }

  private static int touch(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    options(argv, ops);
    int status = 0;
    for (String op : ops) {
      try {
        c.fs().touch(c.resolve(op));
      } catch (FsException e) {
        c.err("touch: " + op + ": " + e.reason().text() + "\n");
        status = 1;
      }
    }
    return status;
  }

  /** Linux's PATH_MAX, with its terminating NUL. */
  private static final int PATH_MAX = 4096;

  private static int mkdir(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    boolean parents = options(argv, ops).contains("p");
    int status = 0;
    for (String op : ops) {
      if (c.resolve(op).length() >= PATH_MAX) {
        // The kernel refuses a path of PATH_MAX bytes or more before looking at it.
        c.err("mkdir: can't create directory '" + op + "': File name too long\n");
        status = 1;
        continue;
      }
      try {
        c.fs().mkdir(c.resolve(op), parents);
      } catch (FsException e) {
        c.err("mkdir: can't create directory '" + op + "': " + e.reason().text() + "\n");
        status = 1;
      }
    }
    return status;
  }

  private static int rm(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    String o = options(argv, ops);
    boolean recursive = o.contains("r") || o.contains("R");
    boolean force = o.contains("f");
    int status = 0;
    for (String op : ops) {
      String p = c.resolve(op);
      try {
        FileStat st = c.fs().lstat(p);
        if (st.isDirectory() && !recursive) {
          c.err("rm: '" + op + "' is a directory\n");
          status = 1;
          continue;
        }
        c.fs().delete(p, recursive);
      } catch (FsException e) {
        if (!force) {
          c.err("rm: can't remove '" + op + "': " + e.reason().text() + "\n");
          status = 1;
        }
      }
    }
    return status;
  }

  private static int rmdir(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    options(argv, ops);
    int status = 0;
    for (String op : ops) {
      try {
        if (!c.fs().stat(c.resolve(op)).isDirectory()) {
          throw new FsException(FsException.Reason.NOT_A_DIRECTORY, op);
        }
        c.fs().delete(c.resolve(op), false);
      } catch (FsException e) {
        c.err("rmdir: '" + op + "': " + e.reason().text() + "\n");
        status = 1;
      }
    }
    return status;
  }

  private static int cp(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    String o = options(argv, ops);
    boolean recursive = o.contains("r") || o.contains("R") || o.contains("a");
    if (ops.size() < 2) {
      c.err("cp: missing destination file operand\n");
      return 1;
    }
    return copyOrMove("cp", ops, c, recursive, false);
  }

  private static int mv(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    options(argv, ops);
    if (ops.size() < 2) {
      c.err("mv: missing destination file operand\n");
      return 1;
    }
    return copyOrMove("mv", ops, c, true, true);
  }

  private static int copyOrMove(
      String name, List<String> ops, AppletContext c, boolean recursive, boolean move) {
    FileSystem fs = c.fs();
    String dest = c.resolve(ops.get(ops.size() - 1));
    boolean destIsDir = fs.exists(dest) && fs.stat(dest).isDirectory();
    int status = 0;
    for (String src : ops.subList(0, ops.size() - 1)) {
      String s = c.resolve(src);
      String target = destIsDir ? child(dest, Paths.name(s)) : dest;
      try {
        FileStat st = fs.lstat(s);
        if (move) {
          fs.rename(s, target);
        } else if (st.isDirectory()) {
          if (!recursive) {
            c.err("cp: omitting directory '" + src + "'\n");
            status = 1;
            continue;
          }
          copyTree(fs, s, target);
        } else {
          fs.write(target, fs.read(s));
          fs.chmod(target, st.mode());
        }
      } catch (FsException e) {
        String verb = move ? "can't rename" : "can't stat";
        c.err(name + ": " + verb + " '" + src + "': " + e.reason().text() + "\n");
        status = 1;
      }
    }
    return status;
  }

  private static void copyTree(FileSystem fs, String from, String to) {
    FileStat st = fs.lstat(from);
    if (st.isDirectory()) {
      fs.mkdir(to, true);
      for (String n : fs.list(from)) {
        copyTree(fs, child(from, n), child(to, n));
      }
    } else if (st.type() == NodeType.SYMLINK) {
      fs.symlink(st.linkTarget(), to);
    } else {
      fs.write(to, fs.read(from));
      fs.chmod(to, st.mode());
    }
  }

  private static int ln(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    String o = options(argv, ops);
    if (ops.size() != 2) {
      c.err("ln: missing operand\n");
      return 1;
    }
    try {
      if (o.contains("s")) {
        c.fs().symlink(ops.get(0), c.resolve(ops.get(1)));
      } else {
        c.fs().write(c.resolve(ops.get(1)), c.fs().read(c.resolve(ops.get(0))));
      }
      return 0;
    } catch (FsException e) {
      c.err("ln: " + ops.get(1) + ": " + e.reason().text() + "\n");
      return 1;
    }
  }

  private static int readlink(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    boolean canonical = options(argv, ops).contains("f");
    int status = 0;
    for (String op : ops) {
      try {
        c.out(
            (canonical ? c.fs().stat(c.resolve(op)).path() : c.fs().readlink(c.resolve(op)))
                + "\n");
      } catch (FsException e) {
        status = 1;
      }
    }
    return status;
  }

  private static int chmod(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>(argv.subList(1, argv.size()));
    if (ops.size() < 2) {
      c.err("chmod: missing operand\n");
      return 1;
    }
    String mode = ops.remove(0);
    int status = 0;
    for (String op : ops) {
      try {
        String p = c.resolve(op);
        int current = c.fs().stat(p).mode();
        c.fs().chmod(p, Modes.apply(mode, current));
      } catch (FsException e) {
        c.err("chmod: " + op + ": " + e.reason().text() + "\n");
        status = 1;
      } catch (IllegalArgumentException e) {
        c.err("chmod: invalid mode '" + mode + "'\n");
        return 1;
      }
    }
    return status;
  }

  /** Devices that never run out of data. */
  private static final java.util.Set<String> ENDLESS =
      java.util.Set.of("/dev/zero", "/dev/urandom", "/dev/random");

  /**
   * Whether a dd command line copies forever (from an endless device to {@code /dev/null}, with no
   * {@code count=}): it spins on a CPU until a signal ends it.
   */
  static boolean ddIsEndless(List<String> argv) {
    String in = "";
    String out = "";
    for (String a : argv.subList(1, argv.size())) {
      if (a.startsWith("count=")) {
        return false;
      }
      in = a.startsWith("if=") ? a.substring(3) : in;
      out = a.startsWith("of=") ? a.substring(3) : out;
    }
    return ENDLESS.contains(in) && out.equals("/dev/null");
  }

  /** The block size of a dd command line: 512 unless {@code bs=} says otherwise. */
  static long ddBlockSize(List<String> argv) {
    long bs = 512;
    for (String a : argv.subList(1, argv.size())) {
      if (a.startsWith("bs=")) {
        try {
          bs = Sizes.parse(a.substring(3));
        } catch (NumberFormatException e) {
          return 512;
        }
      }
    }
    return bs;
  }

  private static int dd(List<String> argv, AppletContext c) {
    String in = null;
    String out = null;
    long bs = 512;
    long count = -1;
    for (String a : argv.subList(1, argv.size())) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String k = a.substring(0, eq);
      String v = a.substring(eq + 1);
      switch (k) {
        case "if" -> in = v;
        case "of" -> out = v;
        case "bs" -> bs = Sizes.parse(v);
        case "count" -> count = Long.parseLong(v);
        default -> {
          // other operands do not change what the simulation writes
        }
      }
    }
    if (c.memoryLimit() > 0 && ShellProcess.BASE_MEMORY + bs > c.memoryLimit()) {
      // dd holds one block in memory: a block as large as the limit cannot be had.
      throw new ShellProcess.OutOfMemory();
    }
    // What one command may copy is bounded by the simulated disk; the rest is ENOSPC below.
    long limit =
        count < 0 || bs <= 0 || count > Limits.FILE_BYTES / Math.max(bs, 1)
            ? Limits.FILE_BYTES + 1
            : bs * count;
    byte[] data;
    try {
      data =
          in == null
              ? c.stdin().getBytes(StandardCharsets.UTF_8)
              : c.fs().read(c.resolve(in), limit);
    } catch (FsException e) {
      c.err("dd: can't open '" + in + "': " + e.reason().text() + "\n");
      return 1;
    }
    if (data.length > limit) {
      data = java.util.Arrays.copyOf(data, (int) limit);
    }
    if (out == null) {
      c.out(text(data));
    } else if (data.length > Limits.FILE_BYTES) {
      c.fs().write(c.resolve(out), java.util.Arrays.copyOf(data, (int) Limits.FILE_BYTES));
      long full = Limits.FILE_BYTES / Math.max(bs, 1);
      long part = Limits.FILE_BYTES % Math.max(bs, 1) == 0 ? 0 : 1;
      c.err(
          "dd: error writing '"
              + out
              + "': No space left on device\n"
              + full
              + "+"
              + part
              + " records in\n"
              + full
              + "+"
              + part
              + " records out\n");
      return 1;
    } else {
      try {
        c.fs().write(c.resolve(out), data);
      } catch (FsException e) {
        c.err("dd: can't open '" + out + "': " + e.reason().text() + "\n");
        return 1;
      }
    }
    long blocks = bs == 0 ? 0 : data.length / bs;
    long partial = bs == 0 ? 0 : (data.length % bs == 0 ? 0 : 1);
    // The image's busybox is built without dd's third status line (bytes copied, speed).
    c.err(blocks + "+" + partial + " records in\n" + blocks + "+" + partial + " records out\n");
    return 0;
  }
}
