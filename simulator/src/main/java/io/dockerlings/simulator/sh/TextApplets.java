package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The busybox text tools: head, tail, wc, grep, tr, cut, sort, uniq, seq, basename, dirname, and
 * od, the checksum tools and busybox itself from their own classes.
 */
final class TextApplets {
  private TextApplets() {}

  static Map<String, Applet> all() {
    Map<String, Applet> m = new LinkedHashMap<>();
    m.put("head", (a, c) -> headTail(a, c, true));
    m.put("tail", (a, c) -> headTail(a, c, false));
    m.put("wc", TextApplets::wc);
    m.put("grep", TextApplets::grep);
    m.put("tr", TextApplets::tr);
    m.put("cut", CutApplet::run);
    m.put("sort", TextApplets::sort);
    m.put("uniq", TextApplets::uniq);
    m.put("seq", TextApplets::seq);
    m.put("yes", TextApplets::yes);
    m.put(
        "basename",
        (a, c) -> {
          if (a.size() < 2) {
            c.err("basename: missing operand\n");
            return 1;
          }
          String n = Paths.name(Paths.normalize("/" + a.get(1)));
          if (a.size() > 2 && n.endsWith(a.get(2))) {
            n = n.substring(0, n.length() - a.get(2).length());
          }
          c.out(n + "\n");
          return 0;
        });
    m.put(
        "dirname",
        (a, c) -> {
          if (a.size() < 2) {
            c.err("dirname: missing operand\n");
            return 1;
          }
          String p = a.get(1);
          int slash = p.lastIndexOf('/');
          c.out((slash < 0 ? "." : slash == 0 ? "/" : p.substring(0, slash)) + "\n");
          return 0;
        });
    m.put("od", OdApplet::run);
    SumApplets.register(m);
    m.put("busybox", BusyboxApplet::run);
    return m;
  }

  /** The input of a filter: the named files, or stdin when none. */
  static List<String[]> inputs(String name, List<String> files, AppletContext c, int[] status) {
    List<String[]> out = new ArrayList<>();
    if (files.isEmpty()) {
      out.add(new String[] {"-", c.stdin()});
      return out;
    }
    for (String f : files) {
      if (f.equals("-")) {
        out.add(new String[] {f, c.stdin()});
        continue;
      }
      try {
        out.add(new String[] {f, FileApplets.text(c.fs().read(c.resolve(f), 16 << 20))});
      } catch (FsException e) {
        c.err(name + ": can't open '" + f + "': " + e.reason().text() + "\n");
        status[0] = 1;
      }
    }
    return out;
  }

  /** One input of a byte-counting tool: its name ({@code -} for stdin) and its bytes. */
  record Bytes(String name, byte[] data) {}

  /** The input of a tool that counts or cuts bytes: the named files, or stdin, as bytes. */
  static List<Bytes> inputBytes(String name, List<String> files, AppletContext c, int[] status) {
    List<Bytes> out = new ArrayList<>();
    if (files.isEmpty()) {
      out.add(new Bytes("-", c.stdinBytes()));
      return out;
    }
    for (String f : files) {
      if (f.equals("-")) {
        out.add(new Bytes(f, c.stdinBytes()));
        continue;
      }
      try {
        out.add(new Bytes(f, c.fs().read(c.resolve(f), 16 << 20)));
      } catch (FsException e) {
        c.err(name + ": can't open '" + f + "': " + e.reason().text() + "\n");
        status[0] = 1;
      }
    }
    return out;
  }

  /** Writes bytes to stdout: as text when they are well-formed UTF-8, else as raw bytes. */
  static void emitBytes(AppletContext c, byte[] data) {
    java.util.Optional<String> text = Printf.utf8(data);
    if (text.isPresent()) {
      c.out(text.get());
    } else {
      c.outBytes(data);
    }
  }

  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static int headTail(List<String> argv, AppletContext c, boolean head) {
    long n = 10;
    long bytes = -1;
    // tail -n +N: from line N on rather than the last N lines.
    boolean fromStart = false;
    List<String> files = new ArrayList<>();
    argv = GetOpt.split(argv, head ? "n:c:qv" : "n:c:qvfFs:").argv();
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if ((a.equals("-n") || a.equals("-c")) && i + 1 < argv.size()) {
        String value = argv.get(++i);
        fromStart = !head && a.equals("-n") && value.startsWith("+");
        long v = Sizes.parse(value.replace("+", ""));
        if (a.equals("-n")) {
          n = v;
        } else {
          bytes = v;
        }
      } else if (a.equals("-q") || a.equals("-v") || a.equals("-F")) {
        continue;
      } else if (a.equals("-s") && i + 1 < argv.size()) {
        i++;
      } else if (a.matches("-\\d+")) {
        n = Long.parseLong(a.substring(1));
      } else if (a.equals("-f")) {
        continue;
      } else {
        files.add(a);
      }
    }
    String name = head ? "head" : "tail";
    int[] status = {0};
    if (bytes >= 0 && head && files.size() == 1) {
      // Bounded read: devices such as /dev/zero never end.
      try {
        // At most what the simulator lets one command write, plus one byte to overflow a file.
        emitBytes(c, c.fs().read(c.resolve(files.get(0)), Math.min(bytes, Limits.FILE_BYTES + 1)));
        return 0;
      } catch (FsException e) {
        c.err(name + ": can't open '" + files.get(0) + "': " + e.reason().text() + "\n");
        return 1;
      }
    }
    if (bytes >= 0) {
      // -c counts bytes, not characters: an é is two.
      for (Bytes in : inputBytes(name, files, c, status)) {
        if (files.size() > 1) {
          c.out("==> " + in.name() + " <==\n");
        }
        byte[] d = in.data();
        int b = (int) Math.min(bytes, d.length);
        emitBytes(
            c,
            head
                ? java.util.Arrays.copyOfRange(d, 0, b)
                : java.util.Arrays.copyOfRange(d, d.length - b, d.length));
      }
      return status[0];
    }
    for (String[] in : inputs(name, files, c, status)) {
      if (files.size() > 1) {
        c.out("==> " + in[0] + " <==\n");
      }
      String text = in[1];
      if (head && !fromStart) {
        // head needs only its first n lines: the rest of a long input is never split.
        text = firstLines(text, n);
      }
      List<String> ls = lines(text);
      int k = (int) Math.min(n, ls.size());
      List<String> shown =
          fromStart
              ? ls.subList((int) Math.min(Math.max(n - 1, 0), ls.size()), ls.size())
              : head ? ls.subList(0, k) : ls.subList(ls.size() - k, ls.size());
      for (String l : shown) {
        c.out(l);
      }
    }
    return status[0];
  }

  /** Words as wc counts them: runs of non-blank characters, counted without splitting. */
  private static long words(String t) {
    long n = 0;
    boolean in = false;
    for (int i = 0; i < t.length(); i++) {
      boolean blank = Character.isWhitespace(t.charAt(i));
      if (!blank && !in) {
        n++;
      }
      in = !blank;
    }
    return n;
  }

  /** The prefix of {@code text} that holds its first {@code n} lines. */
  private static String firstLines(String text, long n) {
    int end = 0;
    for (long i = 0; i < n && end < text.length(); i++) {
      int nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length() : nl + 1;
    }
    return text.substring(0, end);
  }

  private static int wc(List<String> argv, AppletContext c) {
    List<String> files = new ArrayList<>();
    String o = FileApplets.options(argv, files);
    boolean l = o.contains("l");
    boolean w = o.contains("w");
    boolean ch = o.contains("c") || o.contains("m");
    boolean all = !l && !w && !ch;
    int[] status = {0};
    for (Bytes in : inputBytes("wc", files, c, status)) {
      // Counted over the bytes as they are (a tar's bytes above 0x7f are one each).
      byte[] d = in.data();
      String t = new String(d, java.nio.charset.StandardCharsets.UTF_8);
      long lines = 0;
      for (byte x : d) {
        if (x == '\n') {
          lines++;
        }
      }
      long words = words(t);
      long chars = d.length;
      StringBuilder b = new StringBuilder();
      boolean single = (l ? 1 : 0) + (w ? 1 : 0) + (ch ? 1 : 0) == 1;
      if (all) {
        b.append(String.format("%9d %9d %9d", lines, words, chars));
      } else if (single) {
        b.append(l ? lines : w ? words : chars);
      } else {
        if (l) {
          b.append(String.format("%9d ", lines));
        }
        if (w) {
          b.append(String.format("%9d ", words));
        }
        if (ch) {
          b.append(String.format("%9d ", chars));
        }
        b.setLength(b.length() - 1);
      }
      if (!in.name().equals("-")) {
        b.append(' ').append(in.name());
      }
      c.out(b.append('\n').toString());
    }
    return status[0];
  }

  private static int grep(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    StringBuilder o = new StringBuilder();
    String pattern = null;
    long max = Long.MAX_VALUE;
    argv = GetOpt.split(argv, "e:m:HhnlLoqvsrRiwFEcx").argv();
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-e") && i + 1 < argv.size()) {
        pattern = argv.get(++i);
      } else if (a.equals("-m") && i + 1 < argv.size()) {
        // -m N: stop reading a file after its Nth selected line.
        max = Sizes.parse(argv.get(++i));
      } else if (a.startsWith("-") && a.length() > 1) {
        o.append(a.substring(1));
      } else if (pattern == null) {
        pattern = a;
      } else {
        ops.add(a);
      }
    }
    if (pattern == null) {
      c.err(
          "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n");
      return 2;
    }
    String opts = o.toString();
    Pattern re;
    try {
      String p =
          opts.contains("F")
              ? Pattern.quote(pattern)
              : opts.contains("E") ? pattern : basicToExtended(pattern);
      re = Pattern.compile(p, opts.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      c.err("grep: bad regex '" + pattern + "'\n");
      return 2;
    }
    boolean invert = opts.contains("v");
    boolean count = opts.contains("c");
    boolean quiet = opts.contains("q");
    boolean number = opts.contains("n");
    boolean only = opts.contains("o");
    // -x: the pattern must match the whole line.
    boolean whole = opts.contains("x");
    int[] status = {0};
    boolean any = false;
    List<String[]> inputs = inputs("grep", ops, c, status);
    for (String[] in : inputs) {
      int n = 0;
      int matched = 0;
      for (String line : lines(in[1])) {
        if (matched >= max) {
          break;
        }
        n++;
        String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        Matcher m = re.matcher(body);
        boolean hit = (whole ? m.matches() : m.find()) != invert;
        if (!hit) {
          continue;
        }
        matched++;
        any = true;
        if (quiet || count) {
          continue;
        }
        String prefix = (inputs.size() > 1 ? in[0] + ":" : "") + (number ? n + ":" : "");
        if (only && !invert && whole) {
          c.out(prefix + body + "\n");
        } else if (only && !invert) {
          m.reset();
          while (m.find()) {
            c.out(prefix + m.group() + "\n");
          }
        } else {
          c.out(prefix + body + "\n");
        }
      }
      if (count && !quiet) {
        c.out((inputs.size() > 1 ? in[0] + ":" : "") + matched + "\n");
      }
    }
    if (status[0] != 0 && !any) {
      return 2;
    }
    return any ? 0 : 1;
  }

  /** Basic regular expressions: {@code \( \) \{ \} \|} are operators, bare ones literal. */
  private static String basicToExtended(String p) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char ch = p.charAt(i);
      if (ch == '\\' && i + 1 < p.length() && "(){}|+?".indexOf(p.charAt(i + 1)) >= 0) {
        b.append(p.charAt(++i));
      } else if ("(){}|+?".indexOf(ch) >= 0) {
        b.append('\\').append(ch);
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static String expandSet(String set) {
    String s = Printf.unescape(set.replace("\\0", "\\00"));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i + 2 < s.length() && s.charAt(i + 1) == '-') {
        for (char ch = s.charAt(i); ch <= s.charAt(i + 2); ch++) {
          b.append(ch);
        }
        i += 2;
      } else if (s.startsWith("[:upper:]", i)) {
        b.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        i += 8;
      } else if (s.startsWith("[:lower:]", i)) {
        b.append("abcdefghijklmnopqrstuvwxyz");
        i += 8;
      } else if (s.startsWith("[:digit:]", i)) {
        b.append("0123456789");
        i += 8;
      } else if (s.startsWith("[:space:]", i)) {
        b.append(" \t\n\r\f\u000b");
        i += 8;
      } else {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  private static int tr(List<String> argv, AppletContext c) {
    List<String> ops = new ArrayList<>();
    String o = FileApplets.options(argv, ops);
    if (ops.isEmpty()) {
      c.err("tr: missing operand\n");
      return 1;
    }
    String from = expandSet(ops.get(0));
    String to = ops.size() > 1 ? expandSet(ops.get(1)) : "";
    boolean delete = o.contains("d");
    boolean squeeze = o.contains("s");
    StringBuilder out = new StringBuilder(c.stdin().length());
    char last = 0;
    boolean hasLast = false;
    for (char ch : c.stdin().toCharArray()) {
      int idx = from.indexOf(ch);
      char r = ch;
      if (idx >= 0) {
        if (delete) {
          continue;
        }
        if (!to.isEmpty()) {
          r = to.charAt(Math.min(idx, to.length() - 1));
        }
      }
      if (squeeze && hasLast && r == last && (to.isEmpty() ? from : to).indexOf(r) >= 0) {
        continue;
      }
      out.append(r);
      last = r;
      hasLast = true;
    }
    c.out(out.toString());
    return 0;
  }

  private static int sort(List<String> argv, AppletContext c) {
    List<String> files = new ArrayList<>();
    String o = FileApplets.options(argv, files);
    int[] status = {0};
    List<String> all = new ArrayList<>();
    for (String[] in : inputs("sort", files, c, status)) {
      for (String l : lines(in[1])) {
        all.add(l.endsWith("\n") ? l.substring(0, l.length() - 1) : l);
      }
    }
    if (o.contains("n")) {
      all.sort((a, b) -> Double.compare(num(a), num(b)));
    } else {
      all.sort(null);
    }
    if (o.contains("r")) {
      java.util.Collections.reverse(all);
    }
    String prev = null;
    for (String l : all) {
      if (o.contains("u") && l.equals(prev)) {
        continue;
      }
      c.out(l + "\n");
      prev = l;
    }
    return status[0];
  }

  private static double num(String s) {
    Matcher m = Pattern.compile("^\\s*-?\\d+(\\.\\d+)?").matcher(s);
    return m.find() ? Double.parseDouble(m.group().trim()) : 0;
  }

  private static int uniq(List<String> argv, AppletContext c) {
    List<String> files = new ArrayList<>();
    String o = FileApplets.options(argv, files);
    int[] status = {0};
    String prev = null;
    int count = 0;
    StringBuilder out = new StringBuilder();
    List<String> all = new ArrayList<>();
    for (String[] in : inputs("uniq", files, c, status)) {
      all.addAll(lines(in[1]));
    }
    all.add(null);
    for (String l : all) {
      String body = l == null ? null : l.endsWith("\n") ? l.substring(0, l.length() - 1) : l;
      if (prev != null && !prev.equals(body)) {
        out.append(o.contains("c") ? String.format("%7d %s%n", count, prev) : prev + "\n");
        count = 0;
      }
      prev = body;
      count++;
    }
    c.out(out.toString());
    return status[0];
  }

  /** How much an endless writer ({@code seq}, {@code yes}) writes at a time: a pipe's capacity. */
  private static final int CHUNK = 64 * 1024;

  /**
   * {@code yes [STRING]...}: the line, again and again, until the pipe's reader is gone or the disk
   * is full; the simulator's bound on an endless writer ends it.
   */
  private static int yes(List<String> argv, AppletContext c) {
    String line = (argv.size() > 1 ? String.join(" ", argv.subList(1, argv.size())) : "y") + "\n";
    String chunk = line.repeat(Math.max(1, CHUNK / line.length()));
    for (long written = 0; written < Limits.ENDLESS_BYTES; written += chunk.length()) {
      c.out(chunk);
    }
    return 0;
  }

  private static int seq(List<String> argv, AppletContext c) {
    List<String> ops = argv.subList(1, argv.size());
    try {
      long first = 1;
      long step = 1;
      long last;
      switch (ops.size()) {
        case 1 -> last = Long.parseLong(ops.get(0));
        case 2 -> {
          first = Long.parseLong(ops.get(0));
          last = Long.parseLong(ops.get(1));
        }
        case 3 -> {
          first = Long.parseLong(ops.get(0));
          step = Long.parseLong(ops.get(1));
          last = Long.parseLong(ops.get(2));
        }
        default -> {
          c.err("seq: missing operand\n");
          return 1;
        }
      }
      // Written in pipe-sized chunks, so a reader's pipe or a full disk stops it where it would.
      StringBuilder b = new StringBuilder();
      long written = 0;
      for (long v = first; step > 0 ? v <= last : v >= last; v += step) {
        b.append(v).append('\n');
        if (b.length() >= CHUNK) {
          written += b.length();
          c.out(b.toString());
          b.setLength(0);
          if (written >= Limits.MEMORY_BYTES) {
            return 0;
          }
        }
        if (step == 0) {
          break;
        }
      }
      c.out(b.toString());
      return 0;
    } catch (NumberFormatException e) {
      c.err("seq: invalid number '" + String.join(" ", ops) + "'\n");
      return 1;
    }
  }
}
