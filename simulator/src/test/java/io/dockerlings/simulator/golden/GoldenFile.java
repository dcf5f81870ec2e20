package io.dockerlings.simulator.golden;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandLineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One parsed golden transcript: its directives and its command blocks, in file order.
 *
 * <p>The format (see COMMON.md): outside a block, blank lines and {@code #} comments are ignored,
 * {@code #!} lines are directives, and {@code $ } starts a block. Inside a block every line is
 * output until {@code ? N}: lines starting {@code 2> } (or a bare {@code 2>}) are stderr, all
 * others stdout, verbatim. Directives:
 *
 * <ul>
 *   <li>{@code #! pending <reason>}: the whole file is reported as skipped with that reason;
 *   <li>{@code #! normalize names}: generated container names are replaced too;
 *   <li>{@code #! keep sizes}: sizes on stdout are compared as printed, for files whose sizes are
 *       deterministic (layers of files of chosen byte counts);
 *   <li>{@code #! replace <java regex> => <replacement>}: an extra rule for this file, applied to
 *       each table cell and to each line outside tables;
 *   <li>{@code #! unordered}, for the next block only: the order of its stdout lines is not
 *       compared, for output whose order the real engine does not keep stable ({@code docker diff}
 *       walks the container's upper directory in hash order).
 * </ul>
 *
 * Parsing is strict: anything else is a {@link GoldenFormatException} naming the line.
 *
 * @param source the name shown in reports, e.g. {@code containers/run.golden}
 * @param pendingReason present when the file is marked pending
 * @param normalizeNames whether generated names are normalised
 * @param keepSizes whether sizes are compared as printed
 * @param rules the file's extra replacement rules, in order
 * @param blocks the commands with what the real engine answered
 */
record GoldenFile(
    String source,
    Optional<String> pendingReason,
    boolean normalizeNames,
    boolean keepSizes,
    List<Normalizer.Rule> rules,
    List<GoldenFile.Block> blocks) {

  private static final Pattern EXIT = Pattern.compile("\\? (-?\\d{1,9})");
  private static final Pattern REPLACE = Pattern.compile("replace (.+?) => (.*)");

  GoldenFile {
    rules = List.copyOf(rules);
    blocks = List.copyOf(blocks);
  }

  /**
   * One command and what it printed.
   *
   * @param line the 1-based line of the {@code $ } line
   * @param commandLine the command as written after {@code $ }
   * @param argv its words, the first being {@code docker}
   * @param stdout expected stdout lines
   * @param stderr expected stderr lines, without their {@code 2> } prefix
   * @param exitCode expected exit code
   * @param unordered whether stdout lines may come in any order
   */
  record Block(
      int line,
      String commandLine,
      List<String> argv,
      List<String> stdout,
      List<String> stderr,
      int exitCode,
      boolean unordered) {
    Block {
      argv = List.copyOf(argv);
      stdout = List.copyOf(stdout);
      stderr = List.copyOf(stderr);
    }
  }

  /** Parses {@code text}, the whole content of the file called {@code source}. */
  static GoldenFile parse(String source, String text) {
    List<String> lines = text.lines().toList();
    Optional<String> pending = Optional.empty();
    boolean names = false;
    boolean sizes = false;
    List<Normalizer.Rule> rules = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    boolean nextUnordered = false;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      int number = i + 1;
      i++;
      if (line.isBlank() || (line.startsWith("#") && !line.startsWith("#!"))) {
        continue;
      }
      if (line.startsWith("#!")) {
        String directive = line.substring(2).strip();
        if (directive.startsWith("pending")) {
          String reason = directive.substring("pending".length()).strip();
          if (reason.isEmpty()) {
            throw new GoldenFormatException(source, number, "#! pending needs a reason");
          }
          pending = Optional.of(reason);
        } else if (directive.equals("unordered")) {
          nextUnordered = true;
        } else if (directive.equals("normalize names")) {
          names = true;
        } else if (directive.equals("keep sizes")) {
          sizes = true;
        } else if (directive.startsWith("replace ")) {
          rules.add(parseRule(source, number, directive));
        } else {
          throw new GoldenFormatException(source, number, "unknown directive: " + line);
        }
        continue;
      }
      if (!line.startsWith("$ ")) {
        throw new GoldenFormatException(
            source, number, "expected '$ ', '#' or a blank line outside a block, got: " + line);
      }
      String command = line.substring(2);
      List<String> argv = words(source, number, command);
      List<String> stdout = new ArrayList<>();
      List<String> stderr = new ArrayList<>();
      Integer exit = null;
      while (i < lines.size()) {
        String out = lines.get(i);
        i++;
        Matcher m = EXIT.matcher(out);
        if (m.matches()) {
          exit = Integer.parseInt(m.group(1));
          break;
        }
        if (out.startsWith("2> ")) {
          stderr.add(out.substring(3));
        } else if (out.equals("2>")) {
          stderr.add("");
        } else {
          stdout.add(out);
        }
      }
      if (exit == null) {
        throw new GoldenFormatException(source, number, "block has no '? N' exit code line");
      }
      blocks.add(new Block(number, command, argv, stdout, stderr, exit, nextUnordered));
      nextUnordered = false;
    }
    if (nextUnordered) {
      throw new GoldenFormatException(
          source, lines.size(), "#! unordered is not followed by a block");
    }
    return new GoldenFile(source, pending, names, sizes, rules, blocks);
  }

  private static List<String> words(String source, int number, String command) {
    List<String> argv;
    try {
      argv = CommandLine.split(command);
    } catch (CommandLineException e) {
      throw new GoldenFormatException(source, number, e.getMessage());
    }
    if (argv.isEmpty() || !argv.get(0).equals("docker")) {
      throw new GoldenFormatException(source, number, "a command must start with docker");
    }
    return argv;
  }

  private static Normalizer.Rule parseRule(String source, int number, String directive) {
    Matcher m = REPLACE.matcher(directive);
    if (!m.matches()) {
      throw new GoldenFormatException(source, number, "expected #! replace REGEX => TEXT");
    }
    try {
      return new Normalizer.Rule(Pattern.compile(m.group(1)), m.group(2));
    } catch (PatternSyntaxException e) {
      throw new GoldenFormatException(source, number, "bad regex: " + e.getDescription());
    }
  }
}
