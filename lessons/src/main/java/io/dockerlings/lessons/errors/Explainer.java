package io.dockerlings.lessons.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains what a docker command printed: finds the catalogue entry, fills it in, and, when a
 * command word, a flag or a name looks misspelt, finds the nearest ones the CLI and the engine
 * know. Never changes what docker printed; it only reads it.
 */
public final class Explainer {
  private final ErrorCatalogue catalogue;

  /** An explainer over {@code catalogue}. */
  public Explainer(ErrorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The catalogue it explains from. */
  public ErrorCatalogue catalogue() {
    return catalogue;
  }

  /**
   * The note for a command that ran.
   *
   * @param argv the command's words ({@code docker run ...}, or a host line's words)
   * @param exitCode its exit code
   * @param stdout what it printed on standard output
   * @param stderr what it printed on standard error, where docker prints its errors and warnings
   * @param names what "did you mean" chooses from
   */
  public Optional<Note> explain(
      List<String> argv, int exitCode, String stdout, String stderr, KnownNames names) {
    return catalogue
        .match(exitCode, stdout, stderr)
        .map(m -> new Note(m, suggest(m, argv, stderr, names)));
  }

  /** The note for a message pasted by the learner, without the command that printed it. */
  public Optional<Note> explainText(String pasted, KnownNames names) {
    return catalogue.match(pasted).map(m -> new Note(m, suggest(m, List.of(), pasted, names)));
  }

  private static List<String> suggest(
      ErrorMatch m, List<String> argv, String stderr, KnownNames names) {
    String id = m.entry().id();
    String command = m.values().getOrDefault("command", "");
    switch (id) {
      case "unknown-command" -> {
        return prefixed(
            "docker ", Suggestions.nearest(command, names.commandNames(), tol(command)));
      }
      case "unknown-flag", "cpuset-renamed" -> {
        String flag = m.values().getOrDefault("flag", "");
        List<String> flags =
            names.flagNames(command).stream().filter(f -> f.startsWith("--")).toList();
        // A flag cut short (--cpuset for --cpuset-cpus) is nearer in meaning than in letters.
        List<String> longer =
            flags.stream()
                .filter(f -> f.startsWith(flag + "-"))
                .sorted()
                .limit(Suggestions.MAX)
                .toList();
        return longer.isEmpty() ? Suggestions.nearest(flag, flags, tol(flag)) : longer;
      }
      case "unknown-subcommand" -> {
        int at = argv.indexOf(command);
        if (at < 0 || at + 1 >= argv.size()) {
          return List.of();
        }
        String typed = argv.get(at + 1);
        return prefixed(
            "docker " + command + " ",
            Suggestions.nearest(typed, commandsSection(stderr), tol(typed)));
      }
      case "host-not-found" -> {
        List<String> near = Suggestions.nearest(command, List.of("docker"), tol(command));
        if (near.isEmpty() || argv.isEmpty()) {
          return near;
        }
        List<String> fixed = new ArrayList<>(argv);
        fixed.set(0, near.get(0));
        return List.of(String.join(" ", fixed));
      }
      default -> {
        return names(m, names);
      }
    }
  }

  /** Near names of containers or images, when the message names one that does not exist. */
  private static List<String> names(ErrorMatch m, KnownNames names) {
    String container = m.values().get("container");
    if (container != null && !container.isEmpty()) {
      List<String> all = names.containerNames();
      return all.contains(container) ? List.of() : Suggestions.nearest(container, all, 1);
    }
    String image = m.values().get("image");
    if (image != null && !image.isEmpty()) {
      List<String> all = names.imageNames().stream().map(Explainer::shortName).toList();
      String typed = shortName(image);
      return all.contains(typed) ? List.of() : Suggestions.nearest(typed, all, 1);
    }
    return List.of();
  }

  /** An image name as a learner types it: without {@code :latest} or {@code docker.io/library/}. */
  private static String shortName(String image) {
    return image.replaceFirst("^docker\\.io/library/", "").replaceFirst(":latest$", "");
  }

  private static int tol(String word) {
    return Suggestions.tolerance(word);
  }

  private static List<String> prefixed(String prefix, List<String> words) {
    return words.stream().map(w -> prefix + w).toList();
  }

  /** The words listed under {@code Commands:} in docker's usage text. */
  static List<String> commandsSection(String usage) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : usage.split("\n", -1)) {
      if (line.equals("Commands:")) {
        in = true;
      } else if (in) {
        if (!line.startsWith("  ") || line.isBlank()) {
          break;
        }
        out.add(line.trim().split("\\s+", 2)[0]);
      }
    }
    return out;
  }
}
