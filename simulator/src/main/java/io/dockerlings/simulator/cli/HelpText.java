package io.dockerlings.simulator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of one captured {@code --help} text: usage line, description, aliases, options
 * and the command listing of a management group. Pure functions of the text, so a help text is the
 * single source of every command's declaration.
 */
final class HelpText {
  /** {@code -d, --detach ...} or {@code --name string ...}; type words may hold '-'. */
  private static final Pattern FLAG =
      Pattern.compile("^  (?:-(\\w), )?\\s*--([\\w-]+)(?: ([\\w-]+))?(?:\\s{2,}(.*))?$");

  /** The flag library appends a non-zero default at the very end of the description. */
  private static final Pattern DEFAULT = Pattern.compile("\\(default ([^)]*)\\)$");

  private static final Pattern COMMAND_LINE = Pattern.compile("^  ([a-z][\\w-]*)\\s{2,}(.*)$");

  /** Type words whose flag may be given many times, every value kept. */
  private static final List<String> REPEATABLE =
      List.of(
          "list",
          "strings",
          "map",
          "filter",
          "ulimit",
          "mount",
          "gpu-request",
          "weight-device",
          "throttledevice");

  private HelpText() {}

  /** The usage without {@code Usage:}, continuation lines kept ({@code docker cp} has two). */
  static String usage(String text) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("Usage:")) {
        StringBuilder b = new StringBuilder(lines[i].substring("Usage:".length()).trim());
        for (int j = i + 1; j < lines.length && lines[j].startsWith("\t"); j++) {
          b.append('\n').append(lines[j]);
        }
        return b.toString();
      }
    }
    return "";
  }

  /** The one-line description that follows the usage. */
  static String description(String text) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("Usage:")) {
        for (int j = i + 1; j < lines.length; j++) {
          if (!lines[j].isBlank() && !lines[j].startsWith("\t") && !lines[j].startsWith(" ")) {
            return lines[j];
          }
        }
      }
    }
    return "";
  }

  /** The names of the {@code Aliases:} line, the command's own name included. */
  static List<String> aliases(String text) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length - 1; i++) {
      if (lines[i].equals("Aliases:")) {
        return List.of(lines[i + 1].trim().split(",\\s*"));
      }
    }
    return List.of();
  }

  /** The names listed under {@code Commands:} and {@code Management Commands:}. */
  static List<String> commandNames(String text) {
    return List.copyOf(commandListing(text).keySet());
  }

  /**
   * The commands a group's help lists, each with its short description: the one the CLI repeats in
   * arity errors (the help of the command itself may carry a longer one).
   */
  static Map<String, String> commandListing(String text) {
    Map<String, String> names = new LinkedHashMap<>();
    boolean inList = false;
    for (String line : text.split("\n")) {
      if (line.equals("Commands:") || line.equals("Management Commands:")) {
        inList = true;
        continue;
      }
      Matcher m = COMMAND_LINE.matcher(line);
      if (inList && m.matches()) {
        names.put(m.group(1), m.group(2));
      } else {
        inList = false;
      }
    }
    return names;
  }

  /**
   * The flags of the {@code Options:} section. The type word decides the kind: none is a switch, a
   * repeatable type ({@code list}, {@code filter}, {@code map}...) keeps every value, any other
   * keeps the last. The default is the {@code (default X)} ending the description, unquoted.
   */
  static List<FlagSpec> flags(String text) {
    List<FlagSpec> flags = new ArrayList<>();
    boolean inOptions = false;
    Matcher pending = null;
    StringBuilder description = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.equals("Options:")) {
        inOptions = true;
        continue;
      }
      if (!inOptions) {
        continue;
      }
      Matcher m = FLAG.matcher(line);
      if (m.matches()) {
        if (pending != null) {
          flags.add(flag(pending, description.toString()));
        }
        pending = m;
        description = new StringBuilder(m.group(4) == null ? "" : m.group(4));
      } else if (pending != null && line.startsWith("      ")) {
        description.append(' ').append(line.trim());
      } else {
        if (pending != null) {
          flags.add(flag(pending, description.toString()));
          pending = null;
        }
        inOptions = false;
      }
    }
    if (pending != null) {
      flags.add(flag(pending, description.toString()));
    }
    return flags;
  }

  private static FlagSpec flag(Matcher m, String description) {
    String type = m.group(3) == null ? "" : m.group(3);
    FlagKind kind =
        type.isEmpty()
            ? FlagKind.BOOL
            : REPEATABLE.contains(type) ? FlagKind.LIST : FlagKind.STRING;
    Matcher d = DEFAULT.matcher(description.trim());
    Optional<String> def = d.find() ? Optional.of(d.group(1).replace("\"", "")) : Optional.empty();
    // A switch's default is only ever shown when true; "(default shows just running)" is prose.
    if (kind == FlagKind.BOOL && !def.equals(Optional.of("true"))) {
      def = Optional.empty();
    }
    return new FlagSpec(
        m.group(2), Optional.ofNullable(m.group(1)).map(s -> s.charAt(0)), kind, type, def);
  }

  /**
   * The positional arity a usage line declares, as {@code {min, max}} (max -1: no limit). {@code
   * [OPTIONS]} is skipped, {@code A | B} is one word, a bracketed word is optional and a word
   * ending in {@code ...]} repeats.
   */
  static int[] arity(String usage) {
    String first = usage.split("\n")[0].replace(" | ", "|");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    for (char c : first.toCharArray()) {
      if (c == ' ' && depth == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    int min = 0;
    int max = 0;
    for (String w : words) {
      if (w.equals("docker") || w.equals("[OPTIONS]") || w.matches("[a-z][a-z-]*")) {
        continue;
      }
      boolean repeats = w.endsWith("...]") || w.endsWith("...");
      if (!w.startsWith("[")) {
        min++;
      }
      max = max < 0 || repeats ? -1 : max + 1;
    }
    return new int[] {min, max};
  }
}
