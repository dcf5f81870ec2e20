package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FsException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * busybox {@code od} as this image builds it (the full one): blocks of 16 bytes by default, one
 * line per output type ({@code -t} types and the traditional letters, {@code -t o2} when none),
 * addresses in {@code -A} radix, {@code -j}/{@code -N}/{@code -w}, and repeated blocks folded into
 * {@code *} unless {@code -v}. It reads bytes, so a two-byte é shows as {@code 303 251}.
 */
final class OdApplet {
  private OdApplet() {}

  static final String USAGE =
      Usage.HEADER
          + "Usage: od [-abcdfhilovxs] [-t TYPE] [-A RADIX] [-N SIZE] [-j SKIP] [-S MINSTR]"
          + " [-w WIDTH] [FILE]...\n\n"
          + "Print FILEs (or stdin) unambiguously, as octal bytes by default\n";

  /** Thrown for an error that ends od at once, with its message. */
  private static final class Die extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Die(String message) {
      super(message, null, false, false);
    }
  }

  /** What the command line asked for. */
  private static final class Options {
    char radix = 'o';
    Long count;
    long skip;
    Integer width;
    boolean verbose;

    /** The shortest string {@code -S} lists, or null without -S. */
    Long strings;

    final List<String> types = new ArrayList<>();
    final List<String> files = new ArrayList<>();
  }

  static int run(List<String> argv, AppletContext c) {
    Options o;
    List<OdFormat> specs;
    try {
      o = parse(argv);
      if (o == null) {
        return 1;
      }
      specs = new ArrayList<>();
      for (String t : o.types) {
        specs.addAll(OdFormat.decode(t));
      }
      if (specs.isEmpty()) {
        specs.addAll(OdFormat.decode("o2"));
      }
    } catch (Die d) {
      c.err("od: " + d.getMessage() + "\n");
      return 1;
    } catch (OdFormat.BadType t) {
      c.err(
          t.getMessage() == null
              ? c.notes().get("sh.notSimulated", "od -t fL") + "\n"
              : "od: " + t.getMessage() + "\n");
      return 1;
    } catch (UsageError u) {
      c.err(u.getMessage());
      return 1;
    }
    int[] status = {0};
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    boolean opened = read(o.files.isEmpty() ? List.of("-") : o.files, c, all, status);
    byte[] data = all.toByteArray();
    if (o.skip > data.length) {
      c.err("od: can't skip past end of combined input\n");
      return 1;
    }
    if (!opened) {
      return 1;
    }
    int end = o.count == null ? data.length : (int) Math.min(data.length, o.skip + o.count);
    byte[] input = Arrays.copyOfRange(data, (int) o.skip, Math.max((int) o.skip, end));
    if (o.strings != null) {
      c.out(strings(input, o.skip, o.strings, o.radix));
      return status[0];
    }
    int lcm = 1;
    for (OdFormat f : specs) {
      lcm = lcm(lcm, f.size());
    }
    int perLine;
    if (o.width != null) {
      perLine = o.width;
      if (perLine == 0 || perLine % lcm != 0) {
        c.err("od: warning: invalid width " + perLine + "; using " + lcm + " instead\n");
        perLine = lcm;
      }
    } else {
      perLine = lcm < 16 ? lcm * (16 / lcm) : lcm;
    }
    c.out(dump(input, o.skip, perLine, lcm, specs, o.radix, o.verbose));
    return status[0];
  }

  private static String dump(
      byte[] in, long start, int perLine, int lcm, List<OdFormat> specs, char radix, boolean v) {
    StringBuilder out = new StringBuilder();
    int pad = radix == 'x' ? 6 : 7;
    byte[] prev = null;
    boolean folded = false;
    int pos = 0;
    while (pos < in.length) {
      int n = Math.min(perLine, in.length - pos);
      byte[] block = Arrays.copyOfRange(in, pos, pos + n);
      if (n == perLine && !v && prev != null && Arrays.equals(prev, block)) {
        if (!folded) {
          out.append("*\n");
          folded = true;
        }
      } else {
        folded = false;
        if (n < perLine) {
          // The last, short block is padded with zero bytes to a whole number of every type.
          block = Arrays.copyOf(block, lcm * ((n + lcm - 1) / lcm));
        }
        for (int i = 0; i < specs.size(); i++) {
          out.append(i == 0 ? address(start + pos, radix) : " ".repeat(pad));
          specs.get(i).format(block, perLine, out);
          out.append('\n');
        }
      }
      prev = Arrays.copyOfRange(in, pos, pos + n);
      pos += n;
    }
    out.append(address(start + in.length, radix));
    if (radix != 'n') {
      out.append('\n');
    }
    return out.toString();
  }

  /** {@code -S N}: each run of at least N printable bytes that a NUL ends, after its address. */
  private static String strings(byte[] in, long start, long min, char radix) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int i = 0; i < in.length; i++) {
      int b = in[i] & 0xff;
      if (b == 0) {
        if (i - from >= min) {
          out.append(address(start + from, radix));
          out.append(radix == 'n' ? "" : " ");
          for (int j = from; j < i; j++) {
            out.append((char) (in[j] & 0xff));
          }
          out.append('\n');
        }
        from = i + 1;
      } else if (b < 0x20 || b >= 0x7f) {
        from = i + 1;
      }
    }
    return out.toString();
  }

  private static String address(long at, char radix) {
    return switch (radix) {
      case 'd' -> String.format(Locale.ROOT, "%07d", at);
      case 'x' -> String.format(Locale.ROOT, "%06x", at);
      case 'n' -> "";
      default -> String.format(Locale.ROOT, "%07o", at);
    };
  }

  /** Reads the files one after the other; false when none could be opened. */
  private static boolean read(
      List<String> files, AppletContext c, ByteArrayOutputStream all, int[] status) {
    boolean any = false;
    for (String f : files) {
      if (f.equals("-")) {
        all.writeBytes(c.stdinBytes());
        any = true;
        continue;
      }
      String p = c.resolve(f);
      if (!c.fs().exists(p)) {
        c.err("od: " + f + ": No such file or directory\n");
        status[0] = 1;
        continue;
      }
      any = true;
      if (c.fs().stat(p).isDirectory()) {
        c.err("od: " + f + ": read error\n");
        status[0] = 1;
        continue;
      }
      try {
        all.writeBytes(c.fs().read(p, Limits.FILE_BYTES));
      } catch (FsException e) {
        c.err("od: " + f + ": " + e.reason().text() + "\n");
        status[0] = 1;
      }
    }
    return any;
  }

  /** A usage error: the complaint, then busybox's usage text. */
  private static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String complaint) {
      super("od: " + complaint + "\n" + USAGE, null, false, false);
    }
  }

  /** Reads the options as busybox's getopt does; the types in the order od decodes them. */
  private static Options parse(List<String> argv) {
    Options o = new Options();
    StringBuilder letters = new StringBuilder();
    List<String> typed = new ArrayList<>();
    boolean options = true;
    for (int i = 1; i < argv.size(); i++) {
      String w = argv.get(i);
      if (!options || !w.startsWith("-") || w.length() < 2) {
        o.files.add(w);
        continue;
      }
      if (w.equals("--")) {
        options = false;
        continue;
      }
      for (int j = 1; j < w.length(); j++) {
        char ch = w.charAt(j);
        if ("ANjtS".indexOf(ch) >= 0) {
          String value;
          if (j + 1 < w.length()) {
            value = w.substring(j + 1);
          } else if (i + 1 < argv.size()) {
            value = argv.get(++i);
          } else {
            throw new UsageError("option requires an argument -- '" + ch + "'");
          }
          switch (ch) {
            case 'A' -> {
              char r = value.isEmpty() ? '\0' : value.charAt(0);
              if ("doxn".indexOf(r) < 0 || r == '\0') {
                throw new Die("bad output address radix '" + r + "' (must be [doxn])");
              }
              o.radix = r;
            }
            case 'N' -> o.count = number(value);
            case 'j' -> o.skip = number(value);
            case 't' -> typed.add(value);
            default -> o.strings = number(value);
          }
          break;
        }
        if (ch == 'w') {
          o.width = j + 1 < w.length() ? width(w.substring(j + 1)) : 32;
          break;
        }
        if ("abcdfhilovxs".indexOf(ch) < 0) {
          throw new UsageError("invalid option -- '" + ch + "'");
        }
        if (ch == 'v') {
          o.verbose = true;
        } else {
          letters.append(ch);
        }
      }
    }
    // busybox decodes the letters in a fixed order, whatever their order on the line.
    String[][] order = {
      {"a", "a"},
      {"b", "oC"},
      {"c", "c"},
      {"d", "u2"},
      {"f", "fF"},
      {"h", "x2"},
      {"i", "d2"},
      {"l", "d4"},
      {"o", "o2"}
    };
    for (String[] e : order) {
      if (letters.indexOf(e[0]) >= 0) {
        o.types.add(e[1]);
      }
    }
    o.types.addAll(typed);
    if (letters.indexOf("x") >= 0) {
      o.types.add("x2");
    }
    if (letters.indexOf("s") >= 0) {
      o.types.add("d2");
    }
    return o;
  }

  /** A count as busybox's xstrtooff_sfx reads it: 0x hex, 0 octal, b/k/m suffixes. */
  private static long number(String text) {
    long mult = 1;
    String t = text;
    if (t.endsWith("b") || t.endsWith("k") || t.endsWith("m")) {
      char last = t.charAt(t.length() - 1);
      mult = last == 'b' ? 512 : last == 'k' ? 1024 : 1024 * 1024;
      t = t.substring(0, t.length() - 1);
    }
    try {
      long n;
      if (t.matches("0[xX][0-9a-fA-F]+")) {
        n = Long.parseLong(t.substring(2), 16);
      } else if (t.matches("0[0-7]+")) {
        n = Long.parseLong(t.substring(1), 8);
      } else if (t.matches("\\d+")) {
        n = Long.parseLong(t);
      } else {
        throw new NumberFormatException(text);
      }
      return Math.multiplyExact(n, mult);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new Die("invalid number '" + text + "'");
    }
  }

  private static int width(String text) {
    if (!text.matches("\\d{1,9}")) {
      throw new Die("invalid number '" + text + "'");
    }
    return Integer.parseInt(text);
  }

  private static int lcm(int a, int b) {
    int x = a;
    int y = b;
    while (y != 0) {
      int t = x % y;
      x = y;
      y = t;
    }
    return a / x * b;
  }
}
