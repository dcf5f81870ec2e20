package io.dockerlings.simulator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a command's words exactly as the docker CLI's flag library (spf13/pflag) does: {@code
 * --flag value}, {@code --flag=value}, {@code -d}, combined {@code -dit}, {@code -p80:80}, {@code
 * -e=A}, {@code --rm=false}, {@code --} to end flags, values that start with a dash, and for {@code
 * run}/{@code create}/{@code exec} flags only before the first positional argument.
 *
 * <p>Every command also has docker's {@code --help} switch, with a deprecated {@code -h} shorthand
 * where the command does not use {@code -h} itself. Errors are the flag library's words followed by
 * {@code See 'docker CMD --help'.}, exit 125.
 */
final class FlagParser {
  /** Spellings the CLI still accepts without listing them in its help. */
  private static final Map<String, String> HIDDEN_NAMES =
      Map.of("net", "network", "net-alias", "network-alias");

  private static final FlagSpec HELP =
      new FlagSpec("help", Optional.of('h'), FlagKind.BOOL, "", Optional.empty());

  /**
   * What the words said.
   *
   * @param command the flags and positional arguments
   * @param help whether {@code --help} (or {@code -h}) was given and true
   * @param helpShorthand whether the deprecated {@code -h} was used
   */
  record Result(ParsedCommand command, boolean help, boolean helpShorthand) {}

  private final CommandSpec spec;
  private final List<String> words;
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private boolean help;
  private boolean helpShorthand;
  private int next;

  private FlagParser(CommandSpec spec, List<String> words) {
    this.spec = spec;
    this.words = words;
  }

  /**
   * Parses {@code words}, everything after the command's name.
   *
   * @throws DockerException for an unknown flag, a missing value or a value of the wrong type
   */
  static Result parse(CommandSpec spec, List<String> words) {
    FlagParser p = new FlagParser(spec, words);
    p.run();
    return new Result(
        new ParsedCommand(spec.path(), spec, p.values, p.args), p.help, p.helpShorthand);
  }

  private void run() {
    while (next < words.size()) {
      String s = words.get(next++);
      if (s.length() < 2 || s.charAt(0) != '-') {
        args.add(s);
        if (!spec.interspersed()) {
          args.addAll(words.subList(next, words.size()));
          return;
        }
      } else if (s.equals("--")) {
        args.addAll(words.subList(next, words.size()));
        return;
      } else if (s.startsWith("--")) {
        longFlag(s);
      } else {
        String shorthands = s.substring(1);
        while (!shorthands.isEmpty()) {
          shorthands = shortFlag(shorthands);
        }
      }
    }
  }

  private void longFlag(String s) {
    String body = s.substring(2);
    if (body.isEmpty() || body.charAt(0) == '-' || body.charAt(0) == '=') {
      throw error("bad flag syntax: " + s);
    }
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    FlagSpec flag =
        spec.flag(name)
            .or(() -> Optional.ofNullable(HIDDEN_NAMES.get(name)).flatMap(spec::flag))
            .or(() -> name.equals("help") ? Optional.of(HELP) : Optional.empty())
            .orElseThrow(() -> error("unknown flag: --" + name));
    String value;
    if (eq >= 0) {
      value = body.substring(eq + 1);
    } else if (flag.kind() == FlagKind.BOOL) {
      value = "true";
    } else if (next < words.size()) {
      value = words.get(next++);
    } else {
      throw error("flag needs an argument: " + s);
    }
    set(flag, value, false);
  }

  /** Consumes the first of {@code shorthands}; returns what is left of them. */
  private String shortFlag(String shorthands) {
    char c = shorthands.charAt(0);
    Optional<FlagSpec> found = spec.shortFlag(c);
    if (found.isEmpty() && c == 'h') {
      found = Optional.of(HELP);
    }
    FlagSpec flag =
        found.orElseThrow(
            () -> error("unknown shorthand flag: " + quoteRune(c) + " in -" + shorthands));
    String value;
    String rest = shorthands.substring(1);
    if (shorthands.length() > 2 && shorthands.charAt(1) == '=') {
      value = shorthands.substring(2);
      rest = "";
    } else if (flag.kind() == FlagKind.BOOL) {
      value = "true";
    } else if (shorthands.length() > 1) {
      value = rest;
      rest = "";
    } else if (next < words.size()) {
      value = words.get(next++);
    } else {
      throw error("flag needs an argument: " + quoteRune(c) + " in -" + shorthands);
    }
    set(flag, value, true);
    return rest;
  }

  private void set(FlagSpec flag, String value, boolean viaShorthand) {
    String kept;
    try {
      kept = FlagValues.check(flag, value);
    } catch (IllegalArgumentException e) {
      throw error(
          "invalid argument "
              + GoParse.quote(value)
              + " for "
              + GoParse.quote(shown(flag))
              + " flag: "
              + e.getMessage());
    }
    if (flag.longName().equals("help")) {
      help = Boolean.parseBoolean(kept);
      helpShorthand |= viaShorthand;
      return;
    }
    values.computeIfAbsent(flag.longName(), k -> new ArrayList<>()).add(kept);
  }

  /** How the flag library names a flag in errors: {@code -c, --cpu-shares} or {@code --rm}. */
  private String shown(FlagSpec f) {
    if (f == HELP) {
      // A deprecated shorthand is left out of the name.
      return "--help";
    }
    return f.shortName().map(s -> "-" + s + ", ").orElse("") + "--" + f.longName();
  }

  private static String quoteRune(char c) {
    return switch (c) {
      case '\'' -> "'\\''";
      case '\\' -> "'\\\\'";
      default -> "'" + c + "'";
    };
  }

  private DockerException error(String message) {
    String name = spec.helpName().isEmpty() ? "docker" : "docker " + spec.helpName();
    return new DockerException(message + "\nSee '" + name + " --help'.", 125);
  }
}
