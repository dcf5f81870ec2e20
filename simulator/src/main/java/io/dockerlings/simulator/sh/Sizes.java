package io.dockerlings.simulator.sh;

/** Size operands ({@code 1M}, {@code 100m}, {@code 512k}) and busybox's human-readable sizes. */
final class Sizes {
  private Sizes() {}

  static long parse(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      throw new NumberFormatException("empty size");
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
    return Long.parseLong(num) * mult;
  }
}
