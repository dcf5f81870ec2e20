package io.dockerlings.simulator.sh;

/** Parses {@code chmod} modes: octal ({@code 755}) or symbolic ({@code u+x,go-w}). */
final class Modes {
  private Modes() {}

  static int apply(String mode, int current) {
    if (mode.matches("[0-7]{1,4}")) {
      return Integer.parseInt(mode, 8);
    }
    int result = current;
    for (String clause : mode.split(",")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("([ugoa]*)([+=-])([rwxst]*)").matcher(clause);
      if (!m.matches()) {
        throw new IllegalArgumentException(mode);
      }
      String who = m.group(1).isEmpty() ? "a" : m.group(1);
      int bits = 0;
      for (char w : who.toCharArray()) {
        int shift =
            switch (w) {
              case 'u' -> 6;
              case 'g' -> 3;
              case 'o' -> 0;
              default -> -1;
            };
        for (char p : m.group(3).toCharArray()) {
          int v = p == 'r' ? 4 : p == 'w' ? 2 : p == 'x' ? 1 : 0;
          if (shift < 0) {
            bits |= v << 6 | v << 3 | v;
          } else {
            bits |= v << shift;
          }
        }
      }
      switch (m.group(2)) {
        case "+" -> result |= bits;
        case "-" -> result &= ~bits;
        default -> result = (result & ~0777) | bits;
      }
    }
    return result;
  }
}
