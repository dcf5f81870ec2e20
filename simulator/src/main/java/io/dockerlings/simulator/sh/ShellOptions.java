package io.dockerlings.simulator.sh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of busybox ash that {@code set} and {@code sh -e} turn on and off, by letter or by
 * {@code -o} name, in ash's own order (which {@code set -o} lists and {@code $-} reverses).
 */
final class ShellOptions {
  /** One option: its letter ({@code 0} for none) and its {@code -o} name. */
  private record Option(char letter, String name) {}

  private static final List<Option> ALL =
      List.of(
          new Option('e', "errexit"),
          new Option('f', "noglob"),
          new Option('I', "ignoreeof"),
          new Option('m', "monitor"),
          new Option('n', "noexec"),
          new Option('x', "xtrace"),
          new Option('v', "verbose"),
          new Option('C', "noclobber"),
          new Option('a', "allexport"),
          new Option('b', "notify"),
          new Option('u', "nounset"),
          new Option('E', "errtrace"),
          new Option((char) 0, "vi"),
          new Option((char) 0, "pipefail"));

  private final Map<String, Boolean> on = new LinkedHashMap<>();

  ShellOptions() {
    ALL.forEach(o -> on.put(o.name(), false));
  }

  boolean on(String name) {
    return on.getOrDefault(name, false);
  }

  /** Sets an option by {@code -o} name; false when there is no such option. */
  boolean setByName(String name, boolean value) {
    if (!on.containsKey(name)) {
      return false;
    }
    on.put(name, value);
    return true;
  }

  /** The {@code -o} name of a letter, if it is one of ash's. */
  static Optional<String> nameOf(char letter) {
    return ALL.stream().filter(o -> o.letter() == letter).map(Option::name).findFirst();
  }

  /**
   * {@code $-}: the letters of the options that are on, last option first, as ash builds it, with
   * its hidden ones among them: {@code c} for {@code sh -c}, {@code s} for a script read from
   * stdin, {@code i} for a terminal shell.
   */
  String flags(boolean commandString, boolean stdin, boolean interactive) {
    StringBuilder b = new StringBuilder();
    for (int i = ALL.size() - 1; i >= 0; i--) {
      Option o = ALL.get(i);
      if (o.letter() != 0) {
        appendIf(b, on(o.name()), o.letter());
      }
      // ash keeps -c and -s between -x and -n, and -i between -m and -I.
      if (o.letter() == 'x') {
        appendIf(b, commandString, 'c');
        appendIf(b, stdin, 's');
      } else if (o.letter() == 'm') {
        appendIf(b, interactive, 'i');
      }
    }
    return b.toString();
  }

  private static void appendIf(StringBuilder b, boolean yes, char c) {
    if (yes) {
      b.append(c);
    }
  }

  /** {@code set -o}: every option with on or off, in ash's column layout. */
  String listing() {
    StringBuilder b = new StringBuilder();
    on.forEach((name, v) -> b.append(String.format("%-16s%s%n", name, v ? "on" : "off")));
    return b.toString();
  }

  /** {@code set +o}: the commands that would restore the current options. */
  String restoreCommands() {
    StringBuilder b = new StringBuilder();
    on.forEach(
        (name, v) -> b.append("set ").append(v ? '-' : '+').append("o ").append(name).append('\n'));
    return b.toString();
  }
}
