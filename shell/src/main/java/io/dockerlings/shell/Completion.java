package io.dockerlings.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Tab offers for the word under the cursor: REPL commands and their arguments, docker command
 * words, subcommands, flags, and the names of containers or images the backend holds now. Knows
 * nothing of terminals; {@link JLineConsole} shows what it returns.
 */
final class Completion {
  /**
   * One thing Tab can insert.
   *
   * @param value the word
   * @param group the heading it is listed under ({@code commands}, {@code flags}, {@code
   *     containers}...)
   */
  record Candidate(String value, String group) {}

  /** Commands whose operands are images. */
  private static final Set<String> IMAGE_VERBS =
      Set.of("run", "create", "rmi", "history", "tag", "push", "save", "pull");

  /** Top-level commands whose operands are neither containers nor images. */
  private static final Set<String> NOT_ON_CONTAINERS =
      Set.of(
          "build", "images", "load", "import", "login", "logout", "search", "info", "version",
          "events", "help");

  private final Backend backend;
  private final ReplCommands replCommands;
  private final Map<String, List<String>> subcommands = new HashMap<>();

  Completion(Backend backend, ReplCommands replCommands) {
    this.backend = backend;
    this.replCommands = replCommands;
  }

  /**
   * The candidates for word {@code index} of {@code words} (the words of the line as split so far;
   * the one under the cursor may be partial or empty). Candidates are not filtered by the partial
   * word: the line editor does that.
   */
  List<Candidate> complete(List<String> words, int index) {
    List<Candidate> out = new ArrayList<>();
    if (index == 0) {
      out.add(new Candidate("docker", "commands"));
      replCommands.names().forEach(n -> out.add(new Candidate(n, "commands")));
      return out;
    }
    String first = words.get(0);
    if (!first.equals("docker")) {
      if (index == 1) {
        replCommands
            .find(first)
            .ifPresent(c -> c.argumentChoices().forEach(a -> out.add(new Candidate(a, first))));
      }
      return out;
    }
    beforeEngine.run();
    if (index == 1) {
      backend.commandNames().forEach(n -> out.add(new Candidate(n, "commands")));
      return out;
    }
    String verb = words.get(1);
    List<String> subs = subcommandsOf(verb);
    if (!subs.isEmpty() && index == 2) {
      subs.forEach(s -> out.add(new Candidate(s, "commands")));
      return out;
    }
    String path = !subs.isEmpty() && words.size() > 2 ? verb + " " + words.get(2) : verb;
    String current = index < words.size() ? words.get(index) : "";
    if (current.startsWith("-")) {
      backend.flagNames(path).forEach(f -> out.add(new Candidate(f, "flags")));
      return out;
    }
    if (takesImages(path)) {
      backend.imageNames().forEach(n -> out.add(new Candidate(n, "images")));
    } else if (takesContainers(path, !subs.isEmpty())) {
      backend.containerNames().forEach(n -> out.add(new Candidate(n, "containers")));
    }
    return out;
  }

  private static boolean takesImages(String path) {
    return IMAGE_VERBS.contains(path)
        || path.matches("image (rm|remove|inspect|history|tag|push|save|pull)")
        || path.matches("container (run|create)");
  }

  private static boolean takesContainers(String path, boolean management) {
    if (!management) {
      return !NOT_ON_CONTAINERS.contains(path);
    }
    return path.startsWith("container ") || path.matches("network (connect|disconnect)");
  }

  /**
   * The subcommands of a management word ({@code network} has {@code create}, {@code ls}...), read
   * from the backend's own {@code --help} so they follow whatever the backend implements; empty for
   * an ordinary command.
   */
  private List<String> subcommandsOf(String verb) {
    if (verb.startsWith("-")) {
      return List.of();
    }
    return subcommands.computeIfAbsent(
        verb,
        v -> parseCommandsSection(backend.execute(List.of("docker", v, "--help"), "").stdout()));
  }

  /** The words listed under {@code Commands:} in a docker help text. */
  static List<String> parseCommandsSection(String help) {
    List<String> out = new ArrayList<>();
    boolean inSection = false;
    for (String line : help.split("\n", -1)) {
      if (line.equals("Commands:")) {
        inSection = true;
      } else if (inSection) {
        if (!line.startsWith("  ") || line.isBlank()) {
          break;
        }
        out.add(line.trim().split("\\s+", 2)[0]);
      }
    }
    return List.copyOf(out);
  }

  /** Runs before Tab asks the engine for names; by default nothing. */
  private Runnable beforeEngine = () -> {};

  /**
   * Makes Tab wait for {@code wait} before it asks the engine for names: while the lessons load in
   * the background they replay the learner's commands on the engine, which is theirs until then.
   */
  Completion waitingFor(Runnable wait) {
    this.beforeEngine = wait;
    return this;
  }
}
