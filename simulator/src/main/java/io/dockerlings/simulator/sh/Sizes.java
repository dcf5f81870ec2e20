package io.dockerlings.simulator.sh;

/** Size operands ({@code 1M}, {@code 100m}, {@code 512k}) and busybox's human-readable sizes. */
final class Sizes {
  private Sizes() {}

  /** The operand a {@link NumberFormatException} of the JDK or of {@link #parse} names. */
  static String operand(NumberFormatException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    int open = m.indexOf('"');
    int close = m.lastIndexOf('"');
    return open >= 0 && close > open ? m.substring(open + 1, close) : m;
  }

  /** A size operand in bytes; throws {@link NumberFormatException} beyond a long, as xatoull. */
  static long parse(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      throw new NumberFormatException("For input string: \"" + s + "\"");
    }
    char last = Character.toLowerCase(t.charAt(t.length() - 1));
    long mult =
        switch (last) {
          case 'k' -> 1024;
          case 'm' -> 1024 * 1024;
          case 'g' -> 1024L * 1024 * 1024;
          case 'b' -> 512;
          default -> 1;
        };
    String num = mult == 1 ? t : t.substring(0, t.length() - 1);
    long n = Long.parseLong(num);
    if (n > Long.MAX_VALUE / mult || n < Long.MIN_VALUE / mult) {
      throw new NumberFormatException("For input string: \"" + s + "\"");
    }
    return n * mult;
  }
}
