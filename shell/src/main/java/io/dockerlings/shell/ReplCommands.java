package io.dockerlings.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The REPL's own commands ({@code help}, {@code history}, {@code reset}...): one table giving each
 * name its handler, the choices that complete its argument, and its line of help, so that running,
 * completing and explaining a command can never disagree.
 */
final class ReplCommands {
  /**
   * One REPL command.
   *
   * @param name what the learner types
   * @param usage the name with its arguments, as help shows it
   * @param helpKey the message key of its one line of help
   * @param handler what it does, given the REPL and the words after the name
   * @param argumentChoices the words that complete its first argument
   * @param listed whether help lists it (an alias such as {@code quit} is not)
   */
  record ReplCommand(
      String name,
      String usage,
      String helpKey,
      BiConsumer<Repl, List<String>> handler,
      List<String> argumentChoices,
      boolean listed) {
    ReplCommand {
      argumentChoices = List.copyOf(argumentChoices);
    }
  }

  private final Map<String, ReplCommand> byName = new LinkedHashMap<>();

  private ReplCommands(List<ReplCommand> commands) {
    for (ReplCommand c : commands) {
      byName.put(c.name(), c);
    }
  }

  /** The commands every REPL has. */
  static ReplCommands standard() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "help",
                "history",
                "explain",
                "mode",
                "demo",
                "show",
                "import-file",
                "exercise",
                "reset",
                "clear",
                "lang",
                "exit"));
    names.addAll(LessonDesk.COMMANDS);
    List<ReplCommand> all = new ArrayList<>();
    all.add(new ReplCommand("help", "help [COMMAND]", "help.help", Repl::help, names, true));
    all.add(new ReplCommand("history", "history", "help.history", Repl::history, List.of(), true));
    all.add(
        new ReplCommand(
            "explain", "explain [MESSAGE]", "help.explain", Repl::explain, List.of(), true));
    all.add(
        new ReplCommand(
            "mode",
            "mode [" + String.join("|", Modes.NAMES) + "]",
            "help.mode",
            Repl::mode,
            Modes.NAMES,
            true));
    List<String> demoWords = new ArrayList<>(List.of("list", "export"));
    demoWords.addAll(io.dockerlings.lessons.demo.DemoCatalog.NAMES);
    all.add(
        new ReplCommand(
            "demo",
            "demo [list|NAME|FILE|export NAME --format md|html]",
            "help.demo",
            Repl::demo,
            demoWords,
            true));
    all.add(
        new ReplCommand(
            "show",
            "show layers|cpu|net|mounts [NAME]",
            "help.show",
            Repl::show,
            io.dockerlings.lessons.picture.Pictures.KINDS,
            true));
    all.add(
        new ReplCommand(
            "experiment",
            "experiment NAME",
            "help.demo",
            Repl::experiment,
            io.dockerlings.lessons.demo.DemoCatalog.NAMES,
            false));
    all.add(
        new ReplCommand(
            "import-file",
            "import-file PATH [DEST]",
            "help.import-file",
            Repl::importFile,
            List.of(),
            true));
    all.add(
        new ReplCommand(
            "exercise",
            "exercise SUBCOMMAND",
            "help.exercise",
            Repl::exercise,
            List.of("list", "start", "check", "submit"),
            true));
    all.add(new ReplCommand("reset", "reset", "help.reset", Repl::reset, List.of(), true));
    all.add(new ReplCommand("clear", "clear", "help.clear", Repl::clear, List.of(), true));
    all.add(
        new ReplCommand(
            "lang",
            "lang [" + String.join("|", Messages.LANGUAGES) + "]",
            "help.lang",
            Repl::lang,
            Messages.LANGUAGES,
            true));
    all.add(new ReplCommand("exit", "exit", "help.exit", Repl::exit, List.of(), true));
    for (String c : LessonDesk.COMMANDS) {
      String usage =
          switch (c) {
            case "lesson" -> "lesson ID|reset";
            case "answer" -> "answer VALUE";
            default -> c;
          };
      all.add(
          new ReplCommand(
              c, usage, "help." + c, (repl, args) -> repl.lessonCommand(c, args), List.of(), true));
    }
    all.add(new ReplCommand("quit", "quit", "help.exit", Repl::exit, List.of(), false));
    return new ReplCommands(all);
  }

  /** The command called {@code name}, if there is one. */
  Optional<ReplCommand> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every command, in the order help lists them. */
  List<ReplCommand> all() {
    return List.copyOf(byName.values());
  }

  /** Every name a learner can type, aliases included. */
  List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
