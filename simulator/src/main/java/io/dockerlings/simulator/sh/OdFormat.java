package io.dockerlings.simulator.sh;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One output type of {@code od} ({@code -t x1}, {@code c}, {@code d4}, {@code fD}...): how wide
 * each item is, how many bytes it reads (little-endian, as on the engine's x86-64), and whether the
 * printable bytes follow the line ({@code z}).
 *
 * @param kind one of {@code d o u x f a c}
 * @param size the bytes one item reads
 * @param width the digits one item takes, before its leading space
 * @param trailer whether the line ends with the bytes as text between {@code >} and {@code <}
 */
record OdFormat(char kind, int size, int width, boolean trailer) {
  private static final int[] OCT = {0, 3, 6, 8, 11, 14, 16, 19, 22};
  private static final int[] SIGNED = {1, 4, 6, 8, 11, 13, 16, 18, 20};
  private static final int[] UNSIGNED = {0, 3, 5, 8, 10, 13, 15, 17, 20};
  private static final String[] NAMES = {
    "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", " bs", " ht", " nl", " vt", " ff",
        " cr",
    " so", " si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", " em", "sub",
        "esc",
    " fs", " gs", " rs", " us", " sp"
  };

  /** Thrown for a type string od refuses, with its message (null: a type not simulated). */
  static final class BadType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadType(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The types a {@code -t} string names, in order ({@code x1c} is refused as busybox refuses it: a
   * size must not run into letters).
   *
   * @throws BadType with od's message
   */
  static List<OdFormat> decode(String spec) {
    List<OdFormat> out = new ArrayList<>();
    int i = 0;
    while (i < spec.length()) {
      char k = spec.charAt(i++);
      int size;
      int width;
      switch (k) {
        case 'd', 'o', 'u', 'x' -> {
          size = 4;
          char next = i < spec.length() ? spec.charAt(i) : '\0';
          int letter = "CSIL".indexOf(next);
          if (letter >= 0 && next != '\0') {
            size = new int[] {1, 2, 4, 8}[letter];
            i++;
          } else if (Character.isDigit(next)) {
            int j = i;
            while (j < spec.length() && Character.isDigit(spec.charAt(j))) {
              j++;
            }
            boolean runsOn = j < spec.length() && Character.isLetterOrDigit(spec.charAt(j));
            long n = runsOn ? 4294967295L : parse(spec.substring(i, j));
            if (n != 1 && n != 2 && n != 4 && n != 8) {
              throw new BadType(
                  "invalid type string '"
                      + spec
                      + "'; "
                      + n
                      + "-byte integral type is not supported");
            }
            size = (int) n;
            i = j;
          }
          width =
              switch (k) {
                case 'd' -> SIGNED[size];
                case 'o' -> OCT[size];
                case 'u' -> UNSIGNED[size];
                default -> size * 2;
              };
        }
        case 'f' -> {
          size = 8;
          char next = i < spec.length() ? spec.charAt(i) : '\0';
          int letter = "FDL".indexOf(next);
          if (letter >= 0 && next != '\0') {
            size = new int[] {4, 8, 16}[letter];
            i++;
          } else if (Character.isDigit(next)) {
            int j = i;
            while (j < spec.length() && Character.isDigit(spec.charAt(j))) {
              j++;
            }
            boolean runsOn = j < spec.length() && Character.isLetterOrDigit(spec.charAt(j));
            long n = runsOn ? 4294967295L : parse(spec.substring(i, j));
            if (n != 4 && n != 8 && n != 16) {
              throw new BadType(
                  "invalid type string '"
                      + spec
                      + "'; "
                      + n
                      + "-byte floating point type is not supported");
            }
            size = (int) n;
            i = j;
          }
          if (size == 16) {
            // x86-64's 80-bit long double is not read here: the applet says so (no message).
            throw new BadType(null);
          }
          width = size == 4 ? 15 : 23;
        }
        case 'a', 'c' -> {
          size = 1;
          width = 3;
        }
        default -> throw new BadType("invalid character '" + k + "' in type string '" + spec + "'");
      }
      boolean trailer = i < spec.length() && spec.charAt(i) == 'z';
      if (trailer) {
        i++;
      }
      out.add(new OdFormat(k, size, width, trailer));
    }
    return out;
  }

  private static long parse(String digits) {
    return digits.length() > 10 ? 4294967295L : Math.min(Long.parseLong(digits), 4294967295L);
  }

  /**
   * Appends this type's items for {@code block} (a whole number of items), and the trailer padded
   * to a full line of {@code perLine} bytes when asked for.
   */
  void format(byte[] block, int perLine, StringBuilder out) {
    for (int at = 0; at + size <= block.length; at += size) {
      switch (kind) {
        case 'c' -> out.append(character(block[at] & 0xff));
        case 'a' -> out.append(named(block[at] & 0x7f));
        case 'f' -> out.append(floating(block, at));
        default -> out.append(integer(block, at));
      }
    }
    if (trailer) {
      int blank = (perLine - block.length) / size;
      out.append(" ".repeat(blank * (width + 1))).append("  >");
      for (byte b : block) {
        int v = b & 0xff;
        out.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
      }
      out.append('<');
    }
  }

  private String integer(byte[] block, int at) {
    BigInteger v = BigInteger.ZERO;
    for (int i = size - 1; i >= 0; i--) {
      v = v.shiftLeft(8).or(BigInteger.valueOf(block[at + i] & 0xff));
    }
    if (kind == 'd' && v.testBit(size * 8 - 1)) {
      v = v.subtract(BigInteger.ONE.shiftLeft(size * 8));
    }
    String digits =
        switch (kind) {
          case 'o' -> v.toString(8);
          case 'x' -> v.toString(16);
          default -> v.toString();
        };
    boolean zeros = kind == 'o' || kind == 'x';
    String padding = (zeros ? "0" : " ").repeat(Math.max(0, width - digits.length()));
    return " " + padding + digits;
  }

  private String floating(byte[] block, int at) {
    long bits = 0;
    for (int i = size - 1; i >= 0; i--) {
      bits = bits << 8 | (block[at + i] & 0xff);
    }
    double v = size == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    int digits = size == 4 ? 7 : 15;
    String text;
    if (Double.isNaN(v)) {
      text = (bits < 0 || size == 4 && (bits & 0x80000000L) != 0) ? "-nan" : "nan";
    } else if (Double.isInfinite(v)) {
      text = v < 0 ? "-inf" : "inf";
    } else {
      text = String.format(Locale.ROOT, "%." + digits + "e", v);
    }
    return " " + " ".repeat(Math.max(0, width - text.length())) + text;
  }

  private static String character(int c) {
    if (c >= 0x20 && c < 0x7f) {
      return "   " + (char) c;
    }
    return switch (c) {
      case 0 -> "  \\0";
      case 7 -> "  \\a";
      case '\b' -> "  \\b";
      case '\f' -> "  \\f";
      case '\n' -> "  \\n";
      case '\r' -> "  \\r";
      case '\t' -> "  \\t";
      case 0x0b -> "  \\v";
      default -> " " + (c >> 6 & 3) + (c >> 3 & 7) + (c & 7);
    };
  }

  private static String named(int c) {
    if (c == 0x7f) {
      return " del";
    }
    if (c > ' ') {
      return "   " + (char) c;
    }
    return " " + NAMES[c];
  }
}
