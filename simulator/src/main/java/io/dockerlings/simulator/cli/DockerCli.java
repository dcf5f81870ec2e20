package io.dockerlings.simulator.cli;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.Faults;
import io.dockerlings.simulator.notes.Notes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code docker} command itself, as the 20.10 CLI behaves: global options, {@code --help} and
 * {@code help}, management groups, aliases, arity checks, and dispatch to the handler registered
 * for each canonical command path.
 *
 * <p>Never throws: every failure becomes docker's error text and exit status, and a defect in a
 * handler becomes a plain simulator-fault message, so a REPL built on it lives on.
 */
public final class DockerCli {
  /** What {@code docker --version} prints for Docker Engine 20.10.24 as packaged by Debian. */
  public static final String VERSION_LINE = "Docker version 20.10.24+dfsg1, build 297e128";

  private static final String DEPRECATED_H =
      "Flag shorthand -h has been deprecated, please use --help";
  private static final Set<String> LOG_LEVELS =
      Set.of("panic", "fatal", "error", "warn", "warning", "info", "debug", "trace");
  private static final Set<String> LOCAL_HOSTS =
      Set.of("unix:///var/run/docker.sock", "unix:///run/docker.sock");

  private final CommandSpecs specs;
  private final Map<String, CommandHandler> handlers;
  private final String versionLine;
  private final Function<String, String> unsupported;
  private final Supplier<Notes> notes;

  /**
   * @param specs the command declarations
   * @param handlers handlers by canonical path ({@code "container run"}, {@code "version"});
   *     commands without one are answered as not simulated
   * @param versionLine what {@code docker --version} prints
   */
  public DockerCli(CommandSpecs specs, Map<String, CommandHandler> handlers, String versionLine) {
    this(specs, handlers, versionLine, null, () -> Notes.ENGLISH);
  }

  private DockerCli(
      CommandSpecs specs,
      Map<String, CommandHandler> handlers,
      String versionLine,
      Function<String, String> unsupported,
      Supplier<Notes> notes) {
    this.specs = specs;
    this.handlers = Map.copyOf(handlers);
    this.versionLine = versionLine;
    // Null: the simulator's own sentence, in the notes' language.
    this.unsupported = unsupported;
    this.notes = notes;
  }

  /**
   * The same CLI, saying {@code sentence.apply(command)} about a docker command that has no
   * handler, so that each engine words what it does not carry out.
   */
  public DockerCli withUnsupportedSentence(Function<String, String> sentence) {
    return new DockerCli(specs, handlers, versionLine, sentence, notes);
  }

  /** The same CLI, saying its own notes in the language {@code language} gives at each command. */
  public DockerCli withNotes(Supplier<Notes> language) {
    return new DockerCli(specs, handlers, versionLine, unsupported, language);
  }

  /** A CLI over the captured declarations, reporting itself as Docker 20.10.24. */
  public DockerCli(Map<String, CommandHandler> handlers) {
    this(CommandSpecs.load(), handlers, VERSION_LINE);
  }

  /** Runs {@code argv} ({@code argv.get(0)} is {@code docker}) with {@code stdin} piped in. */
  public CommandResult execute(List<String> argv, String stdin) {
    return execute(argv, stdin, true);
  }

  /** Runs a command whose stdin is a terminal or, when {@code stdinTerminal} is false, is not. */
  public CommandResult execute(List<String> argv, String stdin, boolean stdinTerminal) {
    return execute(argv, new CommandIo(stdin, stdinTerminal));
  }

  /**
   * Runs a command whose stdin is these bytes, not a terminal (a pipe or a redirection), and whose
   * stdout, unless empty, is not the terminal either but takes bytes (a tar into a pipe).
   */
  public CommandResult execute(
      List<String> argv,
      byte[] stdin,
      java.util.Optional<java.util.function.Consumer<byte[]>> binaryOut) {
    return execute(argv, new CommandIo(stdin, binaryOut));
  }

  /** Runs {@code argv} writing to {@code io}, which the caller has set up. */
  public CommandResult execute(List<String> argv, CommandIo io) {
    int exit;
    try {
      exit = dispatch(argv.subList(Math.min(1, argv.size()), argv.size()), io);
    } catch (DockerException e) {
      io.errln(e.text());
      exit = e.exitCode();
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // A defect in the simulator must not end the learner's session.
      io.err(Faults.line(e, notes.get().locale()));
      exit = 1;
    }
    return new CommandResult(exit, io.stdout(), io.stderr(), io.session(), io.chunks());
  }

  private int dispatch(List<String> words, CommandIo io) {
    CommandSpec root = specs.root();
    FlagParser.Result global = withUsage(root, () -> FlagParser.parse(root, words));
    ParsedCommand options = global.command();
    checkGlobalOptions(options);
    if (global.helpShorthand()) {
      // The root command reports the deprecated -h on stderr, unlike its subcommands.
      io.errln(DEPRECATED_H);
    }
    List<String> rest = options.args();
    Optional<String> host = options.string("host").filter(h -> !LOCAL_HOSTS.contains(h));
    Context context = new Context(global.help(), host);
    if (rest.isEmpty() || !isCommandName(rest.get(0))) {
      return rootItself(global, rest, io);
    }
    String name = rest.get(0);
    List<String> after = rest.subList(1, rest.size());
    if (name.equals("help")) {
      return help(after, io);
    }
    Optional<CommandSpec> group = specs.group(name);
    if (group.isPresent()) {
      return group(group.get(), after, context, io);
    }
    return leaf(specs.find(name).orElseThrow(), after, context, io);
  }

  /**
   * {@code docker} with no command, or with a word that names none: the root command runs, and
   * reads its flags among all the words now ({@code docker foo --help} shows the root help).
   */
  private int rootItself(FlagParser.Result global, List<String> rest, CommandIo io) {
    CommandSpec root = specs.root();
    FlagParser.Result late = global;
    if (!rest.isEmpty()) {
      CommandSpec everywhere =
          new CommandSpec(
              root.path(),
              root.aliases(),
              root.helpName(),
              root.usage(),
              root.description(),
              root.helpText(),
              root.flags(),
              root.minArgs(),
              root.maxArgs(),
              true);
      late = withUsage(root, () -> FlagParser.parse(everywhere, rest));
    }
    if (global.help() || late.help()) {
      io.out(root.helpText());
      return 0;
    }
    if (global.command().bool("version") || late.command().bool("version")) {
      io.outln(versionLine);
      return 0;
    }
    if (late.command().args().isEmpty()) {
      io.err(root.helpText());
      return 0;
    }
    String first = late.command().args().get(0);
    if (specs.isRealCommand(first)) {
      return notSimulated(first, io);
    }
    throw new DockerException(
        "docker: '" + first + "' is not a docker command.\nSee 'docker --help'", 1);
  }

  /** What the global options carry into the command they precede. */
  private record Context(boolean help, Optional<String> remoteHost) {}

  private boolean isCommandName(String word) {
    return word.equals("help")
        || specs.group(word).isPresent()
        || !word.contains(" ") && specs.find(word).isPresent();
  }

  private static void checkGlobalOptions(ParsedCommand options) {
    Optional<String> level = options.string("log-level");
    if (level.isPresent() && !LOG_LEVELS.contains(level.get().toLowerCase(Locale.ROOT))) {
      throw new DockerException("Unable to parse logging level: " + level.get(), 1);
    }
    Optional<String> context = options.string("context");
    if (context.isPresent() && !context.get().equals("default")) {
      throw new DockerException(
          "unable to resolve docker endpoint: context \"" + context.get() + "\" does not exist", 1);
    }
  }

  /**
   * A management group. Like the CLI's command traversal, it reads the group's own flags up to the
   * first word that is not a flag or a flag's value; that word names the subcommand.
   */
  private int group(CommandSpec group, List<String> words, Context context, CommandIo io) {
    int sub = subcommandIndex(words);
    if (sub >= 0 && isSubcommand(group.path(), words.get(sub))) {
      FlagParser.Result flags;
      try {
        flags = FlagParser.parse(group, words.subList(0, sub));
      } catch (DockerException e) {
        // Flags before a known subcommand fail without the "See ..." hint, exit 1.
        throw new DockerException(e.text().substring(0, e.text().indexOf('\n')), 1);
      }
      if (flags.helpShorthand()) {
        io.outln(DEPRECATED_H);
      }
      String path = group.path() + " " + words.get(sub);
      List<String> after = words.subList(sub + 1, words.size());
      Context inner = new Context(context.help() || flags.help(), context.remoteHost());
      Optional<CommandSpec> spec = specs.find(path);
      if (spec.isEmpty()) {
        return notSimulated(path, io);
      }
      return leaf(spec.get(), after, inner, io);
    }
    FlagParser.Result flags = withUsage(group, () -> FlagParser.parse(group, words));
    if (flags.helpShorthand()) {
      io.outln(DEPRECATED_H);
    }
    if (context.help() || flags.help()) {
      io.out(group.helpText());
      return 0;
    }
    io.err(group.helpText());
    return flags.command().args().isEmpty() ? 0 : 1;
  }

  /** Where the subcommand's name is among a group's words, -1 when there is none. */
  private static int subcommandIndex(List<String> words) {
    boolean valueNext = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (valueNext) {
        valueNext = false;
      } else if (w.startsWith("--") && !w.contains("=")) {
        // Only --help takes no value; the traversal assumes any other long flag does.
        valueNext = !w.equals("--help");
      } else if (w.startsWith("-") && !w.contains("=") && w.length() == 2) {
        valueNext = !w.equals("-h");
      } else if (!(w.length() >= 3 && w.charAt(1) == '-'
          || w.length() >= 2 && w.charAt(0) == '-' && w.charAt(1) != '-')) {
        return i;
      }
    }
    return -1;
  }

  private boolean isSubcommand(String group, String name) {
    return specs.isRealCommand(group + " " + name);
  }

  private int leaf(CommandSpec spec, List<String> words, Context context, CommandIo io) {
    FlagParser.Result parsed = FlagParser.parse(spec, words);
    if (parsed.helpShorthand()) {
      io.outln(DEPRECATED_H);
    }
    if (context.help() || parsed.help()) {
      io.out(spec.helpText());
      return 0;
    }
    checkArity(spec, parsed.command().args().size());
    CommandHandler handler = handlers.get(spec.path());
    if (handler == null) {
      return notSimulated(spec.helpName(), io);
    }
    if (context.remoteHost().isPresent()) {
      throw new DockerException(
          "Cannot connect to the Docker daemon at "
              + context.remoteHost().get()
              + ". Is the docker daemon running?",
          1);
    }
    return handler.handle(parsed.command(), io);
  }

  /** {@code docker help [COMMAND...]}: the help of the named command, on stdout. */
  private int help(List<String> words, CommandIo io) {
    CommandSpec helpSpec = specs.helpCommand();
    FlagParser.Result parsed = FlagParser.parse(helpSpec, words);
    if (parsed.helpShorthand()) {
      io.outln(DEPRECATED_H);
    }
    List<String> topic = parsed.command().args();
    if (parsed.help() || topic.size() == 1 && topic.get(0).equals("help")) {
      io.out(helpSpec.helpText());
      return 0;
    }
    if (topic.isEmpty()) {
      io.out(specs.root().helpText());
      return 0;
    }
    Optional<CommandSpec> group = specs.group(topic.get(0));
    int used = 1;
    String text;
    if (group.isPresent() && topic.size() > 1) {
      String path = topic.get(0) + " " + topic.get(1);
      Optional<CommandSpec> spec = specs.find(path);
      if (spec.isEmpty() && specs.isRealCommand(path)) {
        return notSimulated(path, io);
      }
      text = spec.map(CommandSpec::helpText).orElse(null);
      used = spec.isPresent() ? 2 : 1;
      if (spec.isEmpty()) {
        throw unknownTopic(topic.subList(1, topic.size()));
      }
    } else if (group.isPresent()) {
      text = group.get().helpText();
    } else {
      Optional<CommandSpec> spec = specs.find(topic.get(0));
      if (spec.isEmpty() && specs.isRealCommand(topic.get(0))) {
        return notSimulated(topic.get(0), io);
      }
      text = spec.map(CommandSpec::helpText).orElseThrow(() -> unknownTopic(topic));
    }
    if (topic.size() > used) {
      throw unknownTopic(topic.subList(used, topic.size()));
    }
    io.out(text);
    return 0;
  }

  private static DockerException unknownTopic(List<String> words) {
    return new DockerException("unknown help topic: " + String.join(" ", words), 1);
  }

  private int notSimulated(String path, CommandIo io) {
    io.errln(
        unsupported != null ? unsupported.apply(path) : notes.get().get("cli.unsupported", path));
    return 1;
  }

  /** Runs {@code parse}, adding the command's usage to a flag error, as docker does for groups. */
  private static FlagParser.Result withUsage(
      CommandSpec spec, java.util.function.Supplier<FlagParser.Result> parse) {
    try {
      return parse.get();
    } catch (DockerException e) {
      throw new DockerException(e.text() + "\n\n" + usageOf(spec), e.exitCode());
    }
  }

  /** The usage text of a command with subcommands: its help without the hidden ones. */
  private static String usageOf(CommandSpec spec) {
    return spec.helpText().substring(1).replaceAll("(?m)^  completion .*\n", "");
  }

  private static void checkArity(CommandSpec spec, int n) {
    int min = spec.minArgs();
    int max = spec.maxArgs();
    if (n >= min && (max < 0 || n <= max)) {
      return;
    }
    String what;
    if (max == 0) {
      what = "accepts no arguments.";
    } else if (min == max) {
      what = "requires exactly " + plural(min) + ".";
    } else if (max < 0) {
      what = "requires at least " + plural(min) + ".";
    } else if (min == 0) {
      what = "requires at most " + plural(max) + ".";
    } else {
      what = "requires at least " + min + " and at most " + max + " arguments.";
    }
    throw new DockerException(
        "\"docker "
            + spec.helpName()
            + "\" "
            + what
            + "\nSee 'docker "
            + spec.helpName()
            + " --help'.\n\nUsage:  "
            + spec.usage()
            + "\n\n"
            + spec.description(),
        1);
  }

  private static String plural(int n) {
    return n + (n == 1 ? " argument" : " arguments");
  }

  /** The words a learner can type after {@code docker}, for completion. */
  public List<String> commandNames() {
    TreeSet<String> names = new TreeSet<>(List.of("help"));
    for (CommandSpec s : specs.all()) {
      if (!handlers.containsKey(s.path())) {
        continue;
      }
      List<String> paths = new ArrayList<>(s.aliases());
      paths.add(s.path());
      for (String p : paths) {
        names.add(p.contains(" ") ? p.substring(0, p.indexOf(' ')) : p);
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
