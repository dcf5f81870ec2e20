package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.Faults;
import io.dockerlings.simulator.InteractiveSession;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The read-eval-print loop: docker commands go to the backend, the REPL's own commands come from
 * {@link ReplCommands}, other lines run in the backend's host shell, and a container terminal
 * opened by {@code run -it} takes over the prompt until it closes or the learner detaches.
 */
final class Repl {
  private final Backend backend;
  private final Console console;
  private final ReplCommands commands;
  private Messages messages;
  private boolean running = true;

  Repl(Backend backend, Console console, Messages messages, ReplCommands commands) {
    this.backend = backend;
    this.console = console;
    this.messages = messages;
    this.commands = commands;
  }

  /** The prompt, naming the backend: {@code dockerlings[sim]$ }. */
  String prompt() {
    return "dockerlings[" + backend.name() + "]$ ";
  }

  /** Runs until {@code exit} or Ctrl-D; Ctrl-C abandons the line being typed. */
  void run() {
    console.out(messages.get("welcome", backend.name()));
    while (running) {
      Console.Input in = console.readLine(prompt());
      if (in instanceof Console.EndOfInput) {
        break;
      }
      if (in instanceof Console.Line line) {
        handle(line.text());
      }
    }
    console.out(messages.get("bye"));
  }

  /** Handles one line; never throws for anything the learner types. */
  void handle(String text) {
    try {
      handleLine(text);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // The last line of defence: one line, and the session goes on.
      console.err(Faults.line(e));
    }
  }

  private void handleLine(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return;
    }
    List<String> words = Arrays.asList(trimmed.split("\\s+"));
    String first = words.get(0);
    Optional<ReplCommands.ReplCommand> own = commands.find(first);
    if (own.isPresent()) {
      own.get().handler().accept(this, words.subList(1, words.size()));
      return;
    }
    if (!first.equals("docker") || HostLine.hasShellOperators(trimmed)) {
      // Anything else, and docker in pipes or chains, runs in the shell of the engine's machine.
      CommandResult r = backend.host(trimmed);
      show(r);
      if (r.exitCode() == 127 && r.stderr().startsWith("sh: " + first + ": not found")) {
        console.err(messages.get("unknown", first, String.join(", ", listedNames())) + "\n");
      }
      return;
    }
    LineRunner.run(trimmed, backend, "", console::err)
        .ifPresent(
            ran -> {
              show(ran.result());
              ran.result().session().ifPresent(s -> drive(s, ran.argv()));
            });
  }

  private void show(CommandResult r) {
    console.out(r.stdout());
    console.err(r.stderr());
  }

  /** Feeds the learner's lines to a container terminal until it closes or they detach. */
  private void drive(InteractiveSession session, List<String> argv) {
    while (session.isOpen()) {
      Console.Input in = console.readContainerLine(session.prompt());
      if (in instanceof Console.Detach) {
        show(Sessions.detach(session, argv));
        return;
      }
      if (in instanceof Console.EndOfInput) {
        console.out(session.endOfInput());
      } else if (in instanceof Console.Interrupt) {
        // The line editor has already ended the abandoned line.
      } else if (in instanceof Console.Line line) {
        try {
          console.out(session.send(line.text()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          console.err(Faults.line(e));
        }
      }
    }
  }

  private List<String> listedNames() {
    return commands.all().stream().filter(c -> c.listed()).map(c -> c.name()).toList();
  }

  // ---- handlers of the REPL's own commands, called through ReplCommands ----------------------

  void help(List<String> args) {
    if (!args.isEmpty()) {
      Optional<ReplCommands.ReplCommand> c = commands.find(args.get(0));
      if (c.isPresent()) {
        console.out(line(c.get()));
      } else {
        console.err(messages.get("help.none", args.get(0)) + "\n");
      }
      return;
    }
    StringBuilder b = new StringBuilder(messages.get("help.intro")).append('\n');
    commands.all().stream().filter(c -> c.listed()).forEach(c -> b.append(line(c)));
    b.append(messages.get("help.docker")).append('\n');
    b.append(messages.get("help.host")).append('\n');
    console.out(b.toString());
  }

  private String line(ReplCommands.ReplCommand c) {
    return String.format("  %-18s %s%n", c.usage(), messages.get(c.helpKey()));
  }

  void history(List<String> args) {
    List<String> lines = console.history();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      b.append(String.format("%5d  %s%n", i + 1, lines.get(i)));
    }
    console.out(b.toString());
  }

  /**
   * {@code mode}: names the current mode; {@code mode sim|real|compare} switches. Switching to a
   * mode with a real engine checks that one answers, and stays put with the reason when none does.
   */
  void mode(List<String> args) {
    if (!(backend instanceof Modes modes)) {
      console.err(messages.get("mode.fixed", backend.name()) + "\n");
      return;
    }
    if (args.isEmpty()) {
      console.out(messages.get("mode.now", modes.name()) + "\n");
      return;
    }
    String wanted = args.get(0);
    if (!Modes.NAMES.contains(wanted)) {
      console.err(messages.get("mode.unknown", wanted, String.join(", ", Modes.NAMES)) + "\n");
      return;
    }
    String before = modes.name();
    modes.select(wanted);
    Optional<String> why = modes.unavailable();
    if (why.isPresent()) {
      modes.select(before);
      console.err(messages.get("mode.unavailable", wanted, why.get()) + "\n");
      return;
    }
    console.out(messages.get("mode.now", modes.name()) + "\n");
    if (!wanted.equals("sim")) {
      String version =
          modes
              .engine()
              .execute(List.of("docker", "version", "--format", "{{.Server.Version}}"), "")
              .stdout()
              .strip();
      console.out(messages.get("mode.real", version) + "\n");
    }
  }

  /** {@code experiment NAME}: a classic experiment, predicted and, with an engine, measured. */
  void experiment(List<String> args) {
    if (!(backend instanceof Modes modes)) {
      console.err(messages.get("mode.fixed", backend.name()) + "\n");
      return;
    }
    if (args.isEmpty()) {
      console.err(messages.get("experiment.which", String.join(", ", Experiments.NAMES)) + "\n");
      return;
    }
    console.out(new Experiments(modes.simulator(), modes.engine()).run(args.get(0)));
  }

  void reset(List<String> args) {
    backend.reset();
    console.out(messages.get("reset.done") + "\n");
  }

  void clear(List<String> args) {
    console.clear();
  }

  void lang(List<String> args) {
    if (args.isEmpty()) {
      // With no argument, switch to the other language: the one a learner lost in the wrong
      // language can find without reading it.
      messages =
          Messages.forLanguage(messages.language().equals("en") ? "zh-CN" : "en").orElseThrow();
    } else {
      Optional<Messages> asked = Messages.forLanguage(args.get(0));
      if (asked.isEmpty()) {
        console.err(
            messages.get("lang.unknown", args.get(0), String.join(", ", Messages.LANGUAGES))
                + "\n");
        return;
      }
      messages = asked.get();
    }
    console.out(messages.get("lang.now") + "\n");
  }

  void exit(List<String> args) {
    running = false;
  }
}
