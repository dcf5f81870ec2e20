package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.InteractiveSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-eval-print loop: docker commands go to the backend, the REPL's own commands ({@code
 * help}, {@code reset}, {@code exit}...) come from one command table, and a container terminal
 * opened by {@code run -it} takes over the prompt until it closes.
 */
final class Repl {
  /** One REPL command: what it does and the message key of its help line. */
  record ReplCommand(String helpKey, Runnable action) {}

  private final Backend backend;
  private final Console console;
  private Messages messages;
  private final Map<String, ReplCommand> commands = new LinkedHashMap<>();
  private boolean running = true;

  Repl(Backend backend, Console console, Messages messages) {
    this.backend = backend;
    this.console = console;
    this.messages = messages;
    commands.put("help", new ReplCommand("help.help", this::help));
    commands.put("reset", new ReplCommand("help.reset", this::reset));
    commands.put("clear", new ReplCommand("help.clear", console::clear));
    commands.put("lang", new ReplCommand("help.lang", this::switchLanguage));
    commands.put("exit", new ReplCommand("help.exit", () -> running = false));
    commands.put("quit", new ReplCommand("help.exit", () -> running = false));
  }

  /** The REPL command names, for completion. */
  static List<String> commandNames() {
    return List.of("help", "reset", "clear", "lang", "exit", "quit");
  }

  /** Runs until {@code exit} or end of input. */
  void run() {
    console.out(messages.get("welcome", backend.name()));
    while (running) {
      Console.Input in = console.readLine("dockerlings[" + backend.name() + "]$ ");
      if (in instanceof Console.EndOfInput) {
        break;
      }
      if (in instanceof Console.Line line) {
        handle(line.text());
      }
    }
    console.out(messages.get("bye"));
  }

  /** Handles one line; never throws. */
  void handle(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return;
    }
    String first = trimmed.split("\\s+", 2)[0];
    ReplCommand own = commands.get(first);
    if (own != null) {
      own.action().run();
      return;
    }
    if (!first.equals("docker")) {
      // Anything else runs in the simulated host's shell, as it would on the engine's machine.
      show(backend.host(trimmed));
      return;
    }
    Optional<CommandResult> result = LineRunner.run(trimmed, backend, "", console::err);
    result.ifPresent(this::show);
  }

  private void show(CommandResult r) {
    console.out(r.stdout());
    console.err(r.stderr());
    r.session().ifPresent(this::drive);
  }

  /** Feeds the learner's lines to a container terminal until it closes or they detach. */
  private void drive(InteractiveSession session) {
    while (session.isOpen()) {
      Console.Input in = console.readLine(session.prompt());
      if (in instanceof Console.Detach) {
        session.detach();
        console.out(messages.get("detached") + "\n");
        return;
      }
      if (in instanceof Console.EndOfInput) {
        console.out(session.endOfInput());
      } else if (in instanceof Console.Interrupt) {
        console.out("^C\n");
      } else if (in instanceof Console.Line line) {
        console.out(session.send(line.text()));
      }
    }
  }

  private void help() {
    StringBuilder b = new StringBuilder(messages.get("help.intro")).append('\n');
    for (Map.Entry<String, ReplCommand> e : commands.entrySet()) {
      if (!e.getKey().equals("quit")) {
        b.append(String.format("  %-8s %s%n", e.getKey(), messages.get(e.getValue().helpKey())));
      }
    }
    b.append(messages.get("help.docker")).append('\n');
    b.append(messages.get("help.host")).append('\n');
    console.out(b.toString());
  }

  private void reset() {
    backend.reset();
    console.out(messages.get("reset.done") + "\n");
  }

  private void switchLanguage() {
    messages = Messages.forTag(messages.locale().getLanguage().equals("zh") ? "en" : "zh-CN");
    console.out(messages.get("lang.now") + "\n");
  }
}
