package io.dockerlings.simulator.cli;

import io.dockerlings.simulator.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code docker} command itself: global options, management groups, aliases, {@code --help},
 * arity checks, and dispatch to the handler of each command. Never throws: every failure becomes
 * docker's error text and exit status, so a REPL built on it lives on.
 */
public final class DockerCli {
  /** Docker commands the real CLI has that the simulator does not carry out (yet). */
  private static final Set<String> KNOWN_ELSEWHERE =
      Set.of(
          "events",
          "update",
          "builder",
          "config",
          "context",
          "manifest",
          "node",
          "plugin",
          "secret",
          "service",
          "stack",
          "swarm",
          "system",
          "trust",
          "checkpoint");

  private static final Set<String> GLOBAL_VALUE_FLAGS =
      Set.of(
          "--config",
          "-c",
          "--context",
          "-H",
          "--host",
          "-l",
          "--log-level",
          "--tlscacert",
          "--tlscert",
          "--tlskey");
  private static final Set<String> GLOBAL_BOOL_FLAGS =
      Set.of("-D", "--debug", "--tls", "--tlsverify");

  private final CommandSpecs specs;
  private final Map<String, CommandHandler> handlers;
  private final String versionLine;

  /**
   * @param handlers handlers by canonical path; commands without one are reported as not simulated
   * @param versionLine what {@code docker --version} prints
   */
  public DockerCli(CommandSpecs specs, Map<String, CommandHandler> handlers, String versionLine) {
    this.specs = specs;
    this.handlers = Map.copyOf(handlers);
    this.versionLine = versionLine;
  }

  /** Runs {@code argv} ({@code argv.get(0)} is {@code docker}). */
  public CommandResult execute(List<String> argv, String stdin) {
    CommandIo io = new CommandIo(stdin);
    int exit;
    try {
      exit = dispatch(argv.subList(Math.min(1, argv.size()), argv.size()), io);
    } catch (DockerException e) {
      io.errln(e.text());
      exit = e.exitCode();
    } catch (RuntimeException e) {
      // A defect in the simulator must not end the learner's session.
      io.errln(
          "dockerlings: the simulator failed on this command ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "); the engine is unchanged. Please report it.");
      exit = 1;
    }
    return new CommandResult(exit, io.stdout(), io.stderr(), io.session());
  }

  private int dispatch(List<String> words, CommandIo io) {
    int i = 0;
    while (i < words.size() && words.get(i).startsWith("-")) {
      String w = words.get(i);
      String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
      if (w.equals("-v") || w.equals("--version")) {
        io.outln(versionLine);
        return 0;
      }
      if (w.equals("--help") || w.equals("-h")) {
        io.out(rootHelp());
        return 0;
      }
      if (GLOBAL_BOOL_FLAGS.contains(name)) {
        i++;
      } else if (GLOBAL_VALUE_FLAGS.contains(name)) {
        i += w.contains("=") ? 1 : 2;
      } else {
        String shown =
            w.startsWith("--")
                ? "unknown flag: " + name
                : "unknown shorthand flag: '" + w.charAt(1) + "' in " + w;
        // The usage printed on a flag error leaves out the hidden-on-error completion command.
        String usage = rootHelp().replaceAll("(?m)^  completion .*\n", "");
        throw new DockerException(shown + "\nSee 'docker --help'.\n" + usage, 125);
      }
    }
    List<String> rest = words.subList(Math.min(i, words.size()), words.size());
    if (rest.isEmpty()) {
      io.out(rootHelp());
      return 0;
    }
    String first = rest.get(0);
    if (first.equals("help")) {
      if (rest.size() == 1) {
        io.out(rootHelp());
        return 0;
      }
      List<String> asHelp = new ArrayList<>(rest.subList(1, rest.size()));
      asHelp.add("--help");
      return dispatch(asHelp, io);
    }
    if (first.equals("container")
        || first.equals("image")
        || first.equals("volume")
        || first.equals("network")) {
      String groupHelp = specs.groupHelp(first).orElse("");
      if (rest.size() == 1) {
        io.err(groupHelp);
        return 0;
      }
      if (rest.get(1).equals("--help")) {
        io.out(groupHelp);
        return 0;
      }
      String path = first + " " + rest.get(1);
      Optional<CommandSpec> spec = specs.find(path);
      if (spec.isEmpty()) {
        if (rest.get(1).startsWith("-")) {
          throw new DockerException(
              "unknown flag: " + rest.get(1) + "\nSee 'docker " + first + " --help'.", 125);
        }
        if (isElsewhere(first, rest.get(1))) {
          return notSimulated(path, io);
        }
        io.err(groupHelp);
        return 1;
      }
      return run(spec.get(), path, rest.subList(2, rest.size()), io);
    }
    Optional<CommandSpec> spec = specs.find(first);
    if (spec.isEmpty()
        || spec.get().path().contains(" ") && !spec.get().aliases().contains(first)) {
      if (KNOWN_ELSEWHERE.contains(first)) {
        return notSimulated(first, io);
      }
      throw new DockerException(
          "docker: '" + first + "' is not a docker command.\nSee 'docker --help'", 1);
    }
    return run(spec.get(), first, rest.subList(1, rest.size()), io);
  }

  private static boolean isElsewhere(String group, String sub) {
    return Set.of("prune", "update").contains(sub);
  }

  private int notSimulated(String path, CommandIo io) {
    io.errln(
        "dockerlings: 'docker "
            + path
            + "' is a real docker command that this simulator does not carry out yet.");
    return 1;
  }

  private int run(CommandSpec spec, String typedPath, List<String> words, CommandIo io) {
    if (words.contains("--help") && helpBeforeArgs(spec, words)) {
      io.out(specs.helpFor(typedPath, spec));
      return 0;
    }
    CommandHandler handler = handlers.get(spec.path());
    if (handler == null) {
      return notSimulated(typedPath, io);
    }
    ParsedCommand parsed = FlagParser.parse(spec, typedPath, words);
    checkArity(spec, typedPath, parsed.args().size());
    if (parsed.bool("help")) {
      io.out(specs.helpFor(typedPath, spec));
      return 0;
    }
    return handler.handle(
        new ParsedCommand(
            spec.path(), withHelpName(spec, typedPath), parsed.values(), parsed.args()),
        io);
  }

  private static CommandSpec withHelpName(CommandSpec s, String typedPath) {
    return new CommandSpec(
        s.path(),
        s.aliases(),
        typedPath,
        s.usage(),
        s.description(),
        s.helpText(),
        s.flags(),
        s.minArgs(),
        s.maxArgs(),
        s.interspersed());
  }

  /** For run/exec, a {@code --help} after the image belongs to the container's command. */
  private static boolean helpBeforeArgs(CommandSpec spec, List<String> words) {
    for (String w : words) {
      if (w.equals("--help")) {
        return true;
      }
      if (!spec.interspersed() && !w.startsWith("-")) {
        return false;
      }
    }
    return false;
  }

  private void checkArity(CommandSpec spec, String typedPath, int n) {
    int min = spec.minArgs();
    int max = spec.maxArgs();
    if (n >= min && (max < 0 || n <= max)) {
      return;
    }
    String what;
    if (max == 0) {
      what = "accepts no arguments.";
    } else if (min == max) {
      what = "requires exactly " + min + " argument" + (min == 1 ? "" : "s") + ".";
    } else if (max < 0) {
      what = "requires at least " + min + " argument" + (min == 1 ? "" : "s") + ".";
    } else if (min == 0) {
      what = "requires at most " + max + " argument" + (max == 1 ? "" : "s") + ".";
    } else {
      what = "requires at least " + min + " and at most " + max + " arguments.";
    }
    String usage = spec.usage().replace("docker " + spec.path() + " ", "docker " + typedPath + " ");
    throw new DockerException(
        "\"docker "
            + typedPath
            + "\" "
            + what
            + "\nSee 'docker "
            + typedPath
            + " --help'.\n\nUsage:  "
            + usage
            + "\n\n"
            + spec.description(),
        1);
  }

  private String rootHelp() {
    return specs.groupHelp("").orElse("");
  }

  /** The words a learner can type after {@code docker}, for completion. */
  public List<String> commandNames() {
    TreeSet<String> names =
        new TreeSet<>(List.of("container", "image", "volume", "network", "help"));
    for (CommandSpec s : specs.all()) {
      if (!handlers.containsKey(s.path())) {
        continue;
      }
      if (!s.path().contains(" ")) {
        names.add(s.path());
      }
      for (String a : s.aliases()) {
        if (!a.contains(" ") && !s.path().startsWith("container ") && !s.path().startsWith("image ")
            || s.helpName().equals(a)) {
          names.add(a);
        }
      }
    }
    return List.copyOf(names);
  }

  /** The flags of the command named by {@code commandWords} ("run", "image ls"), for completion. */
  public List<String> flagNames(String commandWords) {
    Optional<CommandSpec> spec = specs.find(commandWords.trim());
    if (spec.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (FlagSpec f : spec.get().flags()) {
      out.add("--" + f.longName());
      f.shortName().ifPresent(c -> out.add("-" + c));
    }
    return out;
  }
}
