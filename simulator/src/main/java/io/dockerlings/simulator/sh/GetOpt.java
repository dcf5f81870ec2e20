package io.dockerlings.simulator.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Short options as busybox's getopt reads them, rewritten into one word per option: clustered flags
 * ({@code -sn}) are split, and an option that takes a value ({@code c:} in the spec) gets it as the
 * next word whether it was attached ({@code -c1-12}, {@code -d:}) or given apart. Operands may come
 * between options; {@code --} ends the options. A word whose first option letter is not in the spec
 * ({@code -5} for head) is left as it is for the applet to judge.
 */
final class GetOpt {
  private GetOpt() {}

  /**
   * The rewritten command line, or the getopt complaint (without the applet name) about a value
   * that is missing at the end of the line.
   */
  record Result(List<String> argv, Optional<String> error) {
    Result {
      argv = List.copyOf(argv);
    }
  }

  /**
   * Rewrites {@code argv} (the applet's name first) by {@code spec}: option letters, each followed
   * by {@code :} when it takes a value, as getopt's optstring.
   */
  static Result split(List<String> argv, String spec) {
    List<String> out = new ArrayList<>();
    out.add(argv.get(0));
    boolean options = true;
    for (int i = 1; i < argv.size(); i++) {
      String w = argv.get(i);
      if (!options || !w.startsWith("-") || w.length() < 2) {
        out.add(w);
        continue;
      }
      if (w.equals("--")) {
        options = false;
        out.add(w);
        continue;
      }
      if (spec.indexOf(w.charAt(1)) < 0 || w.charAt(1) == ':') {
        out.add(w);
        continue;
      }
      for (int j = 1; j < w.length(); j++) {
        char ch = w.charAt(j);
        int at = spec.indexOf(ch);
        if (at < 0 || ch == ':') {
          // Not an option this applet knows: the rest goes to it unchanged.
          out.add("-" + w.substring(j));
          break;
        }
        out.add("-" + ch);
        if (at + 1 < spec.length() && spec.charAt(at + 1) == ':') {
          if (j + 1 < w.length()) {
            out.add(w.substring(j + 1));
          } else if (i + 1 < argv.size()) {
            out.add(argv.get(++i));
          } else {
            return new Result(out, Optional.of("option requires an argument -- '" + ch + "'"));
          }
          break;
        }
      }
    }
    return new Result(out, Optional.empty());
  }
}
