package io.dockerlings.simulator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a command's words the way the docker CLI's flag library does: {@code --flag value}, {@code
 * --flag=value}, {@code -d}, combined {@code -dit}, {@code -p80:80}, {@code --} to end flags, and
 * for {@code run}/{@code exec} flags only before the first positional argument. Errors are worded
 * as the CLI words them and exit 125.
 */
final class FlagParser {
  private FlagParser() {}

  /**
   * Parses {@code words} (everything after the command path).
   *
   * @param helpPath the command path as typed, for {@code See 'docker PATH --help'.}
   * @throws DockerException for an unknown flag, a missing value or a badly typed value
   */
  static ParsedCommand parse(CommandSpec spec, String helpPath, List<String> words) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    List<String> args = new ArrayList<>();
    boolean flagsDone = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (flagsDone || w.equals("-") || !w.startsWith("-")) {
        args.add(w);
        if (!spec.interspersed()) {
          flagsDone = true;
        }
        continue;
      }
      if (w.equals("--")) {
        flagsDone = true;
        continue;
      }
      if (w.startsWith("--")) {
        String body = w.substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        // The CLI still accepts a few old spellings it no longer lists, such as --net.
        String known = name.equals("net") && spec.flag("network").isPresent() ? "network" : name;
        FlagSpec f = spec.flag(known).orElseThrow(() -> usage("unknown flag: --" + name, helpPath));
        if (f.kind() == FlagKind.BOOL) {
          String v = eq < 0 ? "true" : body.substring(eq + 1);
          put(values, f, checkValue(f, v, helpPath));
        } else if (eq >= 0) {
          put(values, f, checkValue(f, body.substring(eq + 1), helpPath));
        } else if (i + 1 < words.size()) {
          put(values, f, checkValue(f, words.get(++i), helpPath));
        } else {
          throw usage("flag needs an argument: --" + name, helpPath);
        }
        continue;
      }
      // One or more short flags: -d, -dit, -p80:80, -e=A=1
      String shorts = w.substring(1);
      for (int k = 0; k < shorts.length(); k++) {
        char c = shorts.charAt(k);
        Optional<FlagSpec> found = spec.shortFlag(c);
        if (found.isEmpty()) {
          throw usage("unknown shorthand flag: '" + c + "' in " + w, helpPath);
        }
        FlagSpec f = found.get();
        String rest = shorts.substring(k + 1);
        if (f.kind() == FlagKind.BOOL) {
          if (rest.startsWith("=")) {
            put(values, f, checkValue(f, rest.substring(1), helpPath));
            break;
          }
          put(values, f, "true");
          continue;
        }
        String v;
        if (!rest.isEmpty()) {
          v = rest.startsWith("=") ? rest.substring(1) : rest;
        } else if (i + 1 < words.size()) {
          v = words.get(++i);
        } else {
          throw usage("flag needs an argument: '" + c + "' in -" + c, helpPath);
        }
        put(values, f, checkValue(f, v, helpPath));
        break;
      }
    }
    return new ParsedCommand(spec.path(), spec, values, args);
  }

  private static void put(Map<String, List<String>> values, FlagSpec f, String v) {
    values.computeIfAbsent(f.longName(), k -> new ArrayList<>()).add(v);
  }

  private static String shown(FlagSpec f) {
    return f.shortName().map(s -> "-" + s + ", ").orElse("") + "--" + f.longName();
  }

  /** Checks values of typed flags as the flag library does when it parses them. */
  private static String checkValue(FlagSpec f, String v, String helpPath) {
    String reason =
        switch (f.typeWord()) {
          case "" ->
              v.matches("(?i)1|0|t|f|true|false")
                  ? null
                  : "strconv.ParseBool: parsing \"" + v + "\": invalid syntax";
          case "int", "int64" ->
              v.matches("[+-]?\\d+")
                  ? null
                  : "strconv.ParseInt: parsing \"" + v + "\": invalid syntax";
          case "uint16", "uint64", "uint" ->
              v.matches("\\+?\\d+")
                  ? null
                  : "strconv.ParseUint: parsing \"" + v + "\": invalid syntax";
          case "bytes" ->
              v.matches("(?i)\\d+(\\.\\d+)?\\s*([kmgtp]i?b?|b)?")
                  ? null
                  : "invalid size: '" + v + "'";
          case "decimal" ->
              v.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")
                  ? null
                  : "failed to parse " + v + " as a rational number";
          default -> null;
        };
    if (reason != null) {
      throw usage(
          "invalid argument \"" + v + "\" for \"" + shown(f) + "\" flag: " + reason, helpPath);
    }
    if (f.kind() == FlagKind.BOOL) {
      return Boolean.toString(
          v.equalsIgnoreCase("1") || v.equalsIgnoreCase("t") || v.equalsIgnoreCase("true"));
    }
    return v;
  }

  private static DockerException usage(String message, String helpPath) {
    return new DockerException(message + "\nSee 'docker " + helpPath + " --help'.", 125);
  }
}
