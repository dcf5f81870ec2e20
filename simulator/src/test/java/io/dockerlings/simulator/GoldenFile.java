package io.dockerlings.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A golden transcript: commands recorded on a real Docker engine with what it printed.
 *
 * <p>Format: {@code $ docker ...} starts a command; following lines are stdout, lines starting
 * {@code 2> } are stderr, and {@code ? N} is the exit status. {@code #! DIRECTIVE} lines set
 * options for the whole file ({@code normalize names}, {@code pending REASON}); other {@code #}
 * lines are comments.
 */
record GoldenFile(String name, List<Block> blocks, Set<String> directives) {
  /** One command and what the engine answered. */
  record Block(int line, String command, String stdout, String stderr, int exitCode) {}

  static GoldenFile parse(String name, String text) {
    List<Block> blocks = new ArrayList<>();
    Set<String> directives = new TreeSet<>();
    String command = null;
    int commandLine = 0;
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (command == null) {
        if (l.startsWith("#! ")) {
          directives.add(l.substring(3).trim());
        } else if (l.startsWith("$ ")) {
          command = l.substring(2);
          commandLine = i + 1;
        } else if (!l.isEmpty() && !l.startsWith("#")) {
          throw new IllegalArgumentException(
              name + ":" + (i + 1) + ": text outside a command block");
        }
        continue;
      }
      if (l.startsWith("? ")) {
        blocks.add(
            new Block(
                commandLine,
                command,
                out.toString(),
                err.toString(),
                Integer.parseInt(l.substring(2).trim())));
        command = null;
        out.setLength(0);
        err.setLength(0);
      } else if (l.startsWith("2> ") || l.equals("2>")) {
        err.append(l.length() > 3 ? l.substring(3) : "").append('\n');
      } else {
        out.append(l).append('\n');
      }
    }
    if (command != null) {
      throw new IllegalArgumentException(name + ":" + commandLine + ": command without '? N'");
    }
    return new GoldenFile(name, blocks, directives);
  }

  /** The reason the whole file is not replayed yet, if it is marked pending. */
  java.util.Optional<String> pending() {
    return directives.stream()
        .filter(d -> d.startsWith("pending"))
        .map(d -> d.substring(7).trim())
        .findFirst();
  }
}
