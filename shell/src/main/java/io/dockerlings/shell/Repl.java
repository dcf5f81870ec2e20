package io.dockerlings.shell;

import io.dockerlings.exercises.submission.TerminalInput;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.Faults;
import io.dockerlings.simulator.InteractiveSession;
import io.dockerlings.simulator.Workspace;
import java.util.ArrayList;
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
  private final DeskArrival arrival;
  private final Optional<ExerciseMode> exercises;
  private final ErrorNotes notes = new ErrorNotes();
  private Messages messages;
  private boolean running = true;
  private DemoCommands demos;

  Repl(Backend backend, Console console, Messages messages, ReplCommands commands) {
    this(backend, console, messages, commands, Optional.empty());
  }

  Repl(
      Backend backend,
      Console console,
      Messages messages,
      ReplCommands commands,
      Optional<LessonDesk> desk) {
    this(backend, console, messages, commands, desk, Optional.empty());
  }

  Repl(
      Backend backend,
      Console console,
      Messages messages,
      ReplCommands commands,
      Optional<LessonDesk> desk,
      Optional<ExerciseMode> exercises) {
    this(backend, console, messages, commands, DeskArrival.now(desk), exercises);
  }

  /** A REPL whose lessons desk may still be loading: the prompt comes first, the desk after. */
  Repl(
      Backend backend,
      Console console,
      Messages messages,
      ReplCommands commands,
      DeskArrival arrival,
      Optional<ExerciseMode> exercises) {
    this.backend = backend;
    this.console = console;
    this.messages = messages;
    this.commands = commands;
    this.arrival = arrival;
    this.exercises = exercises;
  }

  /** The lessons desk, once it has arrived; empty while it loads. */
  private Optional<LessonDesk> desk() {
    return arrival.arrived() ? arrival.await().desk() : Optional.empty();
  }

  /**
   * The prompt, naming the backend, in a lesson the step and, away from the home directory (the
   * workspace), the host's current directory: {@code dockerlings[sim M7 3/8] ~/app$ }.
   */
  String prompt() {
    String where = desk().flatMap(LessonDesk::where).map(w -> " " + w).orElse("");
    String dir =
        backend
            .hostDirectory()
            .filter(d -> !d.equals(Workspace.HOME))
            .map(d -> " " + (d.startsWith(Workspace.HOME + "/") ? "~" + d.substring(5) : d))
            .orElse("");
    return "dockerlings[" + backend.name() + where + "]" + dir + "$ ";
  }

  /** Runs until {@code exit} or Ctrl-D; Ctrl-C abandons the line being typed. */
  void run() {
    backend.language(messages);
    console.out(Wrap.wrap(messages.get("welcome", backend.name()), console.width()));
    if (arrival.resumesHere()) {
      desk()
          .ifPresent(
              d -> {
                d.width(console.width());
                console.out(d.resume(messages));
              });
    } else if (!console.live()) {
      // On a stream everything stays in order: where the learner was comes before the prompt.
      String said = arrival.takeSaid();
      if (!said.isEmpty()) {
        console.out(said);
      }
    } else {
      // The prompt is up before the course is loaded: where the learner was, and the prompt
      // naming the step, appear above the line being typed as soon as they are known.
      arrival.whenArrived(said -> console.above(said, prompt()));
    }
    // Loading starts now, as the prompt is drawn, so that it does not slow the prompt down.
    arrival.start();
    while (running) {
      Console.Input in = nextInput();
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
    Thread self = Thread.currentThread();
    try {
      // A line typed before the lessons arrived waits for them (the engine is theirs until then).
      String said = arrival.takeSaid();
      if (!said.isEmpty()) {
        console.out(said);
      }
      // Ctrl-C while a command runs reaches it as an interrupt (a real engine's foreground run
      // stops waiting), never the JVM.
      console.interruptibly(
          () -> {
            // The terminal has echoed ^C; what the command says next starts on a new line.
            console.out("\n");
            self.interrupt();
          },
          () -> {
            handleLine(text);
            return null;
          });
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // The last line of defence: one line, and the session goes on.
      console.err(Faults.line(e, messages.locale()));
    } finally {
      // A Ctrl-C the command did not wait for is spent: it must not cut the next read short.
      Thread.interrupted();
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
    exercises.ifPresent(ExerciseMode::lineStarts);
    if (!first.equals("docker") || HostLine.hasShellOperators(trimmed)) {
      // Anything else, and docker in pipes or chains, runs in the shell of the engine's machine.
      CommandResult r = backend.host(trimmed);
      show(r);
      exercises.ifPresent(x -> x.record(trimmed, r.exitCode(), r.stdout(), r.stderr(), List.of()));
      if (r.exitCode() == 127 && r.stderr().startsWith("sh: " + first + ": not found")) {
        warn(
            OutOfScope.isOutOfScope(first)
                ? messages.get("outOfScope", first)
                : messages.get("unknown", first, String.join(", ", listedNames())));
        OutOfScope.lesson(first).ifPresent(id -> warn(readInstead(first, id)));
      }
      // A host line's own "not found" is explained above; a note adds only a "did you mean".
      Optional<io.dockerlings.lessons.errors.Note> note =
          notes
              .after(words, r, backend)
              .filter(n -> !n.id().equals("host-not-found") || !n.suggestions().isEmpty());
      report(new Journal.Entry(trimmed, r.exitCode(), r.stdout() + r.stderr()), note);
      return;
    }
    LineRunner.run(trimmed, backend, "", console::err, true, messages)
        .ifPresent(
            ran -> {
              CommandResult r = ran.result();
              show(r);
              Optional<io.dockerlings.lessons.errors.Note> note =
                  notes.after(ran.argv(), r, backend);
              if (desk().map(LessonDesk::inStep).orElse(false) && r.session().isEmpty()) {
                // Inside a lesson step the step itself shows the note, after the command.
                noteForStep = note;
              } else {
                note.ifPresent(n -> console.out(ErrorNotes.brief(n, messages, console.width())));
              }
              List<TerminalInput> typed = new ArrayList<>();
              StringBuilder shown = new StringBuilder(r.stdout());
              int exit = r.exitCode();
              if (r.session().isPresent()) {
                InteractiveSession s = r.session().get();
                if (s.foreground()) {
                  // docker run without -it: followed until it ends, Ctrl-C passed on.
                  exit =
                      new ForegroundRun(console, messages)
                          .follow(s, ran.argv(), typed, shown, typedAhead);
                } else if (s.raw().isPresent() && console.lend(s.raw().get())) {
                  // A real engine's process had the terminal itself; its end is the command's.
                  CommandResult end = s.raw().get().end();
                  show(end);
                  exit = end.exitCode();
                } else {
                  drive(s, ran.argv(), typed, shown);
                  exit = s.isOpen() ? 0 : s.exitCode();
                }
              }
              int code = exit;
              // The host's $? is the docker command's status, as at a real host's prompt.
              LineRunner.status(backend, code);
              exercises.ifPresent(
                  x -> x.record(trimmed, code, shown.toString(), r.stderr(), typed));
              List<String> sent =
                  typed.stream()
                      .filter(t -> t.op().equals("send"))
                      .map(TerminalInput::text)
                      .toList();
              report(new Journal.Entry(trimmed, exit, r.stdout() + r.stderr(), sent), noteForStep);
              noteForStep = Optional.empty();
            });
  }

  /** The note of the last command, kept for the lesson step to show. */
  private Optional<io.dockerlings.lessons.errors.Note> noteForStep = Optional.empty();

  /**
   * Tells the current lesson what the learner ran, and shows what it says; inside a step, the step
   * shows the note of the command's error, outside one the note stands on its own.
   */
  private void report(Journal.Entry entry, Optional<io.dockerlings.lessons.errors.Note> note) {
    Optional<LessonDesk> desk = desk();
    if (desk.isEmpty() || !desk.get().inStep()) {
      note.ifPresent(n -> console.out(ErrorNotes.brief(n, messages, console.width())));
      return;
    }
    desk.get().width(console.width());
    console.out(desk.get().afterCommand(entry, note, messages));
  }

  /** A lesson command ({@code hint}, {@code answer 3}...). */
  void lessonCommand(String name, List<String> args) {
    Optional<LessonDesk> desk = desk();
    if (desk.isEmpty()) {
      warn(messages.get("lessons.off"));
      return;
    }
    desk.get().width(console.width());
    console.out(desk.get().handle(name, args, messages));
  }

  /**
   * A command's output, its two streams in the order it wrote them; dockerlings' own lines in it
   * ({@code dockerlings: ...}) wrap at the terminal's width, docker's stay as docker prints them.
   */
  private void show(CommandResult r) {
    for (CommandResult.Chunk c : r.inOrder()) {
      String text = own(c.text());
      if (c.err()) {
        console.err(text);
      } else {
        console.out(text);
      }
    }
  }

  private String own(String text) {
    if (!text.contains("dockerlings")) {
      return text;
    }
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(line.startsWith("dockerlings") ? Wrap.wrap(line, console.width()) : line);
    }
    return b.toString();
  }

  /** One of the REPL's own messages on stdout, wrapped at the terminal's width. */
  private void say(String text) {
    console.out(Wrap.wrap(text, console.width()) + "\n");
  }

  /** One of the REPL's own messages on stderr, wrapped at the terminal's width. */
  private void warn(String text) {
    console.err(Wrap.wrap(text, console.width()) + "\n");
  }

  /** How often the terminal of a running program is looked at, in milliseconds. */
  private static final long POLL_MILLIS = 100;

  /**
   * Feeds the learner's lines to a container terminal until it closes or they detach. While the
   * program runs without reading (a {@code sleep}, a busy loop, a server), keys typed wait for it,
   * Ctrl-C sends it SIGINT and Ctrl-P Ctrl-Q detaches, so nothing typed there can hang the REPL.
   */
  private void drive(
      InteractiveSession session,
      List<String> argv,
      List<TerminalInput> typed,
      StringBuilder shown) {
    StringBuilder ahead = new StringBuilder();
    boolean noted = false;
    while (session.isOpen()) {
      if (session.running()) {
        Console.Input in = console.readWhileRunning(POLL_MILLIS);
        if (in instanceof Console.Interrupt) {
          typed.add(TerminalInput.send(InteractiveSession.CTRL_C));
          // The terminal drops what was typed ahead when it sends the signal.
          ahead.setLength(0);
          String out = session.interrupt();
          shown.append(out);
          console.out(out);
          if (session.running() && out.isEmpty() && !noted) {
            noted = true;
            console.out("\n");
            warn(messages.get("terminal.ignored"));
          }
        } else if (in instanceof Console.Detach) {
          typed.add(TerminalInput.detach());
          show(Sessions.detach(session, argv));
          return;
        } else if (in instanceof Console.EndOfInput) {
          // The input ended (a script) while the program runs: leave it running, as a closed
          // terminal would.
          typed.add(TerminalInput.detach());
          session.detach();
          return;
        } else if (in instanceof Console.Keys keys) {
          ForegroundRun.typeAhead(console, ahead, keys.text());
        }
        String out = session.poll();
        shown.append(out);
        console.out(out);
        continue;
      }
      Console.Input in;
      int nl = ahead.indexOf("\n");
      if (nl >= 0) {
        // A line finished while the program ran: the shell reads it now, echoing it.
        String text = ahead.substring(0, nl);
        ahead.delete(0, nl + 1);
        if (console.live()) {
          console.out(session.prompt() + text + "\n");
        }
        in = new Console.Line(text);
      } else {
        in = console.readContainerLine(session.prompt(), ahead.toString());
        ahead.setLength(0);
      }
      if (in instanceof Console.Detach) {
        typed.add(TerminalInput.detach());
        show(Sessions.detach(session, argv));
        return;
      }
      if (in instanceof Console.EndOfInput) {
        typed.add(TerminalInput.eof());
        String out = session.endOfInput();
        shown.append(out);
        console.out(out);
      } else if (in instanceof Console.Interrupt) {
        // The line editor has already ended the abandoned line; the shell sets $? to 130.
        typed.add(TerminalInput.send(InteractiveSession.CTRL_C));
        String out = session.interrupt();
        shown.append(out);
        console.out(out);
      } else if (in instanceof Console.Line line) {
        typed.add(TerminalInput.send(line.text()));
        try {
          windowSize(session);
          String out = session.send(line.text());
          shown.append(out);
          console.out(out);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          console.err(Faults.line(e, messages.locale()));
        }
      }
    }
  }

  /**
   * Tells a container's terminal the size of the learner's window, as the docker CLI does once the
   * program has started and again after each resize: read from the terminal before each line, so a
   * window resized meanwhile (SIGWINCH, which JLine's size follows) counts for the next command.
   * Without a live terminal (a script, a pipe) no size is sent and programs see none, as on the
   * engine.
   */
  private void windowSize(InteractiveSession session) {
    if (console.live()) {
      session.resize(console.width(), console.height());
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
        warn(messages.get("help.none", args.get(0)));
      }
      return;
    }
    int width = console.width();
    StringBuilder b = new StringBuilder(Wrap.wrap(messages.get("help.intro"), width)).append('\n');
    commands.all().stream().filter(c -> c.listed()).forEach(c -> b.append(line(c)));
    b.append(Wrap.wrap(messages.get("help.docker"), width)).append('\n');
    b.append(Wrap.wrap(messages.get("help.host"), width)).append('\n');
    b.append(Wrap.wrap(messages.get("help.keys"), width)).append('\n');
    for (String[] key :
        List.of(
            new String[] {"Ctrl-C", "help.key.ctrlc"},
            new String[] {"Ctrl-D", "help.key.ctrld"},
            new String[] {"Ctrl-P Ctrl-Q", "help.key.ctrlpq"})) {
      // Each key's meaning hangs in the same column as the commands' descriptions.
      b.append(
          Wrap.wrap(
              messages.get(key[1]),
              String.format("  %-24s ", key[0]),
              " ".repeat(27),
              Math.max(40, width)));
    }
    console.out(b.toString());
  }

  private String line(ReplCommands.ReplCommand c) {
    // The history line names the file where it is really kept, wherever home was moved.
    String text =
        c.helpKey().equals("help.history")
            ? messages.get(
                c.helpKey(),
                Main.home(System.getenv(), System.getProperty("dockerlings.home"))
                    .resolve("history")
                    .toString())
            : messages.get(c.helpKey());
    // The description hangs beside the usage, in its column, at the terminal's width.
    return Wrap.wrap(
        text, String.format("  %-24s ", c.usage()), " ".repeat(27), Math.max(40, console.width()));
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
      warn(messages.get("mode.fixed", backend.name()));
      return;
    }
    if (args.isEmpty()) {
      say(messages.get("mode.now", modes.name()));
      return;
    }
    String wanted = args.get(0);
    if (!wanted.equals(modes.name()) && busy()) {
      return;
    }
    if (!Modes.NAMES.contains(wanted)) {
      warn(messages.get("mode.unknown", wanted, String.join(", ", Modes.NAMES)));
      return;
    }
    String before = modes.name();
    modes.select(wanted);
    Optional<String> why = modes.unavailable();
    if (why.isPresent()) {
      modes.select(before);
      warn(messages.get("mode.unavailable", wanted, why.get()));
      return;
    }
    say(messages.get("mode.now", modes.name()));
    if (!wanted.equals("sim")) {
      String version =
          modes
              .engine()
              .execute(List.of("docker", "version", "--format", "{{.Server.Version}}"), "")
              .stdout()
              .strip();
      say(messages.get("mode.real", version));
    }
  }

  /** {@code demo ...}: list, present or export a classroom demo. */
  void demo(List<String> args) {
    demos().demo(args, lang());
  }

  /** {@code experiment NAME}: the old name of {@code demo NAME}. */
  void experiment(List<String> args) {
    demos().demo(args.isEmpty() ? List.of("list") : args, lang());
  }

  /** {@code show layers|cpu|net|mounts}: a picture of the engine's state. */
  void show(List<String> args) {
    demos().show(args, lang());
  }

  private DemoCommands demos() {
    if (demos == null) {
      demos =
          new DemoCommands(
              backend,
              console,
              java.nio.file.Path.of("").toAbsolutePath(),
              console.live() ? DemoPresenter.Pace.live() : DemoPresenter.Pace.instant(5));
    }
    return demos;
  }

  private io.dockerlings.lessons.text.Lang lang() {
    return io.dockerlings.lessons.text.Lang.of(messages.language())
        .orElse(io.dockerlings.lessons.text.Lang.EN);
  }

  /**
   * {@code import-file PATH [DEST]}: copies a real file or directory the learner names into the
   * simulated host (by default its current directory), the one way real files from outside the
   * workspace get in.
   */
  void importFile(List<String> args) {
    if (args.isEmpty() || args.size() > 2) {
      warn(messages.get("import.usage"));
      return;
    }
    if (!(backend instanceof Modes modes) || !(modes.simulator() instanceof SimulatorBackend sim)) {
      warn(messages.get("mode.fixed", backend.name()));
      return;
    }
    String dest = args.size() > 1 ? args.get(1) : ".";
    try {
      sim.simulator().importFile(java.nio.file.Path.of(args.get(0)), dest);
      say(messages.get("import.done", args.get(0), sim.simulator().hostDirectory()));
    } catch (java.io.IOException | RuntimeException e) {
      String why =
          e instanceof java.nio.file.NoSuchFileException
              ? messages.get("import.noSuchFile")
              : e.getMessage();
      warn(messages.get("import.failed", args.get(0), why));
    }
  }

  /**
   * {@code explain}: the last error's note at length; {@code explain TEXT}: the note for a message
   * the learner pasted.
   */
  void explain(List<String> args) {
    Optional<io.dockerlings.lessons.errors.Note> note =
        args.isEmpty() ? notes.last() : notes.lookUp(String.join(" ", args), backend);
    if (note.isEmpty()) {
      warn(messages.get(args.isEmpty() ? "explain.none" : "explain.unknown"));
      return;
    }
    console.out(ErrorNotes.full(note.get(), messages, console.width()));
  }

  void reset(List<String> args) {
    if (busy()) {
      return;
    }
    backend.reset();
    say(messages.get("reset.done"));
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
    // The engines' own notes and compare mode's verdicts follow; docker's words stay docker's.
    backend.language(messages);
    say(messages.get("lang.now"));
  }

  /** {@code exercise list|start ID|check|submit [FILE]}. */
  void exercise(List<String> args) {
    if (exercises.isEmpty()) {
      warn(messages.get("exercise.simOnly"));
      return;
    }
    console.out(exercises.get().handle(args, backend, messages, console.width()));
  }

  /** Whether an exercise is in progress, saying so: reset and mode would break its record. */
  private boolean busy() {
    Optional<String> id = exercises.flatMap(ExerciseMode::current);
    id.ifPresent(x -> console.err(messages.get("exercise.busy", x) + "\n"));
    return id.isPresent();
  }

  void exit(List<String> args) {
    running = false;
  }

  /**
   * The line naming the lesson that shows how to do here what the notes do with {@code program}:
   * with its title once the lessons have loaded, else by its id alone.
   */
  private String readInstead(String program, String lessonId) {
    io.dockerlings.lessons.text.Lang lang =
        io.dockerlings.lessons.text.Lang.of(messages.language())
            .orElse(io.dockerlings.lessons.text.Lang.EN);
    return desk()
        .flatMap(d -> d.course().lesson(lessonId))
        .map(l -> messages.get("outOfScope.lesson", program, lessonId, l.title().in(lang)))
        .orElseGet(() -> messages.get("outOfScope.lessonId", program, lessonId));
  }

  /** Complete lines typed while a foreground run went on, which the prompt reads first. */
  private final java.util.Deque<String> typedAhead = new java.util.ArrayDeque<>();

  /** The next line: one typed ahead while a run went on, else one read at the prompt. */
  private Console.Input nextInput() {
    String ahead = typedAhead.poll();
    if (ahead == null) {
      return console.readLine(prompt());
    }
    if (console.live()) {
      // The terminal echoed the keys as they were typed; the prompt now shows the line it reads.
      console.out(prompt() + ahead + "\n");
    }
    return new Console.Line(ahead);
  }
}
