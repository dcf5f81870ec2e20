package io.dockerlings.simulator.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Linux signal names and numbers, parsed the way {@code docker kill -s} accepts them. */
final class Signals {
  static final int SIGHUP = 1;
  static final int SIGINT = 2;
  static final int SIGQUIT = 3;
  static final int SIGKILL = 9;
  static final int SIGTERM = 15;

  private static final Map<String, Integer> BY_NAME =
      Map.ofEntries(
          Map.entry("HUP", 1),
          Map.entry("INT", 2),
          Map.entry("QUIT", 3),
          Map.entry("ILL", 4),
          Map.entry("TRAP", 5),
          Map.entry("ABRT", 6),
          Map.entry("BUS", 7),
          Map.entry("FPE", 8),
          Map.entry("KILL", 9),
          Map.entry("USR1", 10),
          Map.entry("SEGV", 11),
          Map.entry("USR2", 12),
          Map.entry("PIPE", 13),
          Map.entry("ALRM", 14),
          Map.entry("TERM", 15),
          Map.entry("STKFLT", 16),
          Map.entry("CHLD", 17),
          Map.entry("CONT", 18),
          Map.entry("STOP", 19),
          Map.entry("TSTP", 20),
          Map.entry("TTIN", 21),
          Map.entry("TTOU", 22),
          Map.entry("URG", 23),
          Map.entry("XCPU", 24),
          Map.entry("XFSZ", 25),
          Map.entry("VTALRM", 26),
          Map.entry("PROF", 27),
          Map.entry("WINCH", 28),
          Map.entry("IO", 29),
          Map.entry("PWR", 30),
          Map.entry("SYS", 31));

  private Signals() {}

  /** {@code KILL}, {@code SIGKILL}, {@code sigkill} or {@code 9}; empty when unknown. */
  static Optional<Integer> parse(String text) {
    String t = text.toUpperCase(Locale.ROOT);
    if (t.startsWith("SIG")) {
      t = t.substring(3);
    }
    try {
      int n = Integer.parseInt(t);
      return n >= 1 && n <= 64 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.ofNullable(BY_NAME.get(t));
    }
  }
}
