package io.dockerlings.shell;

import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.grading.GradeCommand;
import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.EngineUnavailableException;
import io.dockerlings.real.HostPaths;
import io.dockerlings.real.RealEngine;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.SimulatorOptions;
import io.dockerlings.simulator.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts dockerlings: the REPL, or batch mode with {@code --batch}. Usage errors exit with 2, as
 * command-line tools do.
 */
public final class Main {
  static final String VERSION = "dockerlings 0.1.0";

  private Main() {}

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.out,
            System.err,
            atTerminal(System.getProperty("dockerlings.terminal"))));
  }

  /**
   * Whether standard input and output are a terminal: as the launcher found them ({@code
   * -Ddockerlings.terminal=true|false}, from the shell's own {@code test -t}), else as {@link
   * System#console} does, which tests the same two streams but first builds a console with its
   * charsets, a few milliseconds of the way to the first prompt.
   */
  static boolean atTerminal(String launcherSaid) {
    if ("true".equals(launcherSaid) || "false".equals(launcherSaid)) {
      return Boolean.parseBoolean(launcherSaid);
    }
    return System.console() != null;
  }

  /**
   * Runs with the given streams and returns the exit status.
   *
   * @param terminal whether a person is at a terminal (then the REPL uses JLine on it)
   */
  static int run(
      String[] args, BufferedReader in, PrintStream out, PrintStream err, boolean terminal) {
    return run(args, System.getenv(), in, out, err, terminal);
  }

  /**
   * As {@link #run(String[], BufferedReader, PrintStream, PrintStream, boolean)}, with {@code env}
   * as the environment the usage errors' language is read from.
   */
  static int run(
      String[] args,
      Map<String, String> env,
      BufferedReader in,
      PrintStream out,
      PrintStream err,
      boolean terminal) {
    // Usage errors can come before --lang is read: their language is decided as the launcher
    // decides its own (--lang anywhere on the line, else LC_ALL, else LANG).
    Messages usage = usageMessages(args, env);
    if (args.length > 0 && args[0].equals("grade")) {
      return new GradeCommand(out, err, gradingEngines())
          .run(java.util.Arrays.asList(args).subList(1, args.length));
    }
    if (args.length > 0 && args[0].equals("lessons")) {
      return LessonsCli.run(args, out, err);
    }
    boolean batch = false;
    boolean json = false;
    boolean allowHost = false;
    Optional<Path> extraLessons = Optional.empty();
    String backendName = "sim";
    Optional<String> lang = Optional.empty();
    Optional<String> workspaceArg = Optional.empty();
    java.util.List<String> demo = null;
    for (int i = 0; i < args.length && demo == null; i++) {
      switch (args[i]) {
        case "demo" -> {
          demo = java.util.List.of(args).subList(i + 1, args.length);
          if (!demo.isEmpty() && demo.get(0).equals("validate")) {
            return LessonsCli.validateDemos(demo.subList(1, demo.size()), out, err);
          }
        }
        case "grade" -> {
          // A subcommand after the launcher's options, as "demo" is.
          return new GradeCommand(out, err, gradingEngines())
              .run(java.util.List.of(args).subList(i + 1, args.length));
        }
        case "lessons" -> {
          return LessonsCli.run(java.util.Arrays.copyOfRange(args, i, args.length), out, err);
        }
        case "--batch" -> batch = true;
        case "--json" -> json = true;
        case "--allow-host" -> allowHost = true;
        case "--backend", "--lang", "--lessons", "--workspace" -> {
          if (i + 1 >= args.length) {
            err.println(usage.get("main.needsValue", args[i]));
            return 2;
          }
          if (args[i].equals("--backend")) {
            backendName = args[++i];
          } else if (args[i].equals("--lessons")) {
            extraLessons = Optional.of(Path.of(args[++i]));
          } else if (args[i].equals("--workspace")) {
            workspaceArg = Optional.of(args[++i]);
          } else {
            lang = Optional.of(args[++i]);
          }
        }
        case "--help", "-h" -> {
          out.print(lang.flatMap(Messages::forLanguage).orElse(usage).get("usage"));
          return 0;
        }
        case "--version" -> {
          out.println(VERSION);
          return 0;
        }
        default -> {
          err.println(usage.get("main.unknownOption", args[i]));
          return 2;
        }
      }
    }
    if (lang.isPresent() && Messages.forLanguage(lang.get()).isEmpty()) {
      err.println(
          usage.get(
              "main.noLanguage", lang.get(), Messages.LANGUAGES.get(0), Messages.LANGUAGES.get(1)));
      return 2;
    }
    if (!Modes.NAMES.contains(backendName)) {
      err.println(usage.get("main.noBackend", backendName, String.join(", ", Modes.NAMES)));
      return 2;
    }
    if (json && !batch) {
      err.println(usage.get("main.jsonWithoutBatch"));
      return 2;
    }
    if (extraLessons.isPresent() && !Files.isDirectory(extraLessons.get())) {
      err.println(usage.get("main.lessonsNotDirectory", extraLessons.get()));
      return 2;
    }
    // The terminal opens beside the rest of the start-up (messages, workspace, backends).
    Path home = home(System.getenv(), System.getProperty("dockerlings.home"));
    TerminalOpening opening =
        terminal && !batch ? TerminalOpening.start(home.resolve("native")) : null;
    try {
      // Without --lang, the session speaks as the launcher and the usage errors do: LC_ALL, else
      // LANG (a zh_CN.UTF-8 this machine lacks still means Chinese), else the JVM's locale.
      Messages messages = lang.flatMap(Messages::forLanguage).orElse(usage);
      Path workspace;
      try {
        workspace = workspace(workspaceArg, home);
      } catch (IOException | RuntimeException e) {
        String why =
            e instanceof java.nio.file.FileAlreadyExistsException
                    || e instanceof java.nio.file.NotDirectoryException
                ? messages.get("workspace.notDirectory")
                : e.getMessage();
        err.println(messages.get("workspace.bad", workspaceArg.orElse(home.toString()), why));
        return 2;
      }
      try {
        return run(
            new Launch(batch, json, allowHost, backendName, workspace, extraLessons, demo, opening),
            in,
            out,
            err,
            messages);
      } finally {
        if (workspaceArg.isEmpty()) {
          removeIfEmpty(workspace);
        }
      }
    } finally {
      if (opening != null) {
        opening.closeUnlessTaken();
      }
    }
  }

  /**
   * What the command line asked for.
   *
   * @param demo the words after {@code demo}, or null when no demo was asked for
   * @param opening the terminal being opened for the REPL or the demo, or null without one
   */
  private record Launch(
      boolean batch,
      boolean json,
      boolean allowHost,
      String backendName,
      Path workspace,
      Optional<Path> lessonsDir,
      java.util.List<String> demo,
      TerminalOpening opening) {}

  private static int run(
      Launch launch, BufferedReader in, PrintStream out, PrintStream err, Messages messages) {
    Path home = home(System.getenv(), System.getProperty("dockerlings.home"));
    boolean allow = launch.allowHost();
    boolean batch = launch.batch();
    Path workspace = launch.workspace();
    SimulatorBackend sim =
        SimulatorBackend.later(
            () -> SimulatorOptions.defaults().withWorkspace(Workspace.at(workspace)));
    HostPaths paths = new WorkspacePaths(sim, workspace);
    RealBackend real =
        new RealBackend(
            new EngineLocator(),
            () -> RealOptions.in(home.resolve("real")).withAllowHost(allow).withPaths(paths));
    CompareBackend compare = new CompareBackend(sim, real, messages, paths::real);
    try (Modes modes = new Modes(sim, real, compare, launch.backendName())) {
      // The engines' own notes in the session's language, in every mode, from the first line.
      modes.language(messages);
      // A terminal closed or a kill (not -9) still removes what real mode created; -9 is
      // handled by the next start, which reaps sessions whose process is gone.
      Thread cleanup = new Thread(modes::close, "dockerlings-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
      try {
        if (launch.demo() != null) {
          return runDemo(modes, launch.demo(), in, out, err, launch.opening(), messages);
        }
        String greeting = messages.get("workspace.at", workspace);
        return runIn(
            modes,
            batch,
            launch.json(),
            in,
            out,
            err,
            launch.opening(),
            messages,
            launch.lessonsDir(),
            greeting);
      } finally {
        removeHook(cleanup);
      }
    }
  }

  private static int runIn(
      Modes modes,
      boolean batch,
      boolean json,
      BufferedReader in,
      PrintStream out,
      PrintStream err,
      TerminalOpening terminal,
      Messages messages,
      Optional<Path> lessonsDir,
      String greeting) {
    Optional<String> why = modes.unavailable();
    if (batch) {
      if (why.isPresent()) {
        err.println(messages.get("main.backendUnavailable", modes.name(), why.get()));
        return 1;
      }
      try {
        LessonDesk desk = LessonsCli.desk(modes, lessonsDir, Optional.empty(), err, messages);
        return new BatchMode(modes, json, out, err, Optional.of(desk), messages).run(in);
      } catch (IOException e) {
        err.println(messages.get("main.scriptUnreadable", e.getMessage()));
        return 1;
      }
    }
    if (why.isPresent()) {
      err.println(messages.get("mode.unavailable", modes.name(), why.get()));
      modes.select("sim");
    }
    // Parsing the course and the exercises is most of a cold start, and resuming the learner's
    // lesson replays their commands: the prompt comes first, the lessons arrive when loaded (a line
    // typed before that waits for them), the exercises when first asked for.
    CompletableFuture<Catalog> catalog = new CompletableFuture<>();
    ReplCommands commands = ReplCommands.standard();
    Path data = dataDir(System.getenv(), System.getProperty("dockerlings.home"));
    Completion completion = new Completion(modes, commands);
    try (Console console =
        terminal != null
            ? new JLineConsole(
                terminal,
                completion,
                HistoryFile.prepare(historyHome(), messages, err::println).orElse(null))
            : new StreamConsole(in, out, err, true)) {
      DeskArrival arrival =
          DeskArrival.inBackground(
              () -> {
                // The prompt is up: the engine builds beside the course from now on.
                if (modes.simulator() instanceof SimulatorBackend sim) {
                  sim.start();
                }
                return LessonsCli.desk(
                    modes, LessonsCli.course(lessonsDir), Optional.of(data), err, messages);
              },
              d -> {
                d.width(console.width());
                return d.resume(messages);
              },
              e -> io.dockerlings.simulator.Faults.line(e, messages.locale()),
              // The exercises are parsed after the course, not beside it: two parsers at once
              // would slow both down on a small machine.
              () -> {
                try {
                  catalog.complete(Catalog.shipped());
                } catch (RuntimeException | Error e) {
                  catalog.completeExceptionally(e);
                }
              });
      completion.waitingFor(arrival::await);
      modes.layout(console::width, console.colours());
      // Where the learner's files are, wrapped at the terminal's width like all the REPL says.
      console.out(Wrap.wrap(greeting, console.width()) + "\n");
      ExerciseMode exercises =
          new ExerciseMode(
              () -> {
                arrival.start();
                return loaded(catalog);
              },
              home(System.getenv(), System.getProperty("dockerlings.home")),
              ExerciseMode.learnerId(System.getenv()),
              Clock.systemUTC());
      new Repl(modes, console, messages, commands, arrival, Optional.of(exercises)).run();
    }
    return 0;
  }

  /** {@code dockerlings demo ...}: one demo command (list, a demo, export), then exit. */
  private static int runDemo(
      Modes modes,
      java.util.List<String> demo,
      BufferedReader in,
      PrintStream out,
      PrintStream err,
      TerminalOpening terminal,
      Messages messages) {
    Optional<String> why = modes.unavailable();
    if (why.isPresent()) {
      err.println(messages.get("mode.unavailable", modes.name(), why.get()));
      modes.select("sim");
    }
    ReplCommands commands = ReplCommands.standard();
    try (Console console =
        terminal != null
            ? new JLineConsole(
                terminal,
                new Completion(modes, commands),
                HistoryFile.prepare(historyHome(), messages, err::println).orElse(null))
            : new StreamConsole(in, out, err, false)) {
      new Repl(modes, console, messages, commands).demo(demo);
    }
    return 0;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or about to: nothing left to remove.
    }
  }

  /**
   * The language of the launcher's usage errors, decided as the launcher script's {@code speaks_zh}
   * decides its own: the value of a {@code --lang} anywhere on the command line when it names a
   * language, else {@code LC_ALL}, else {@code LANG} (Chinese when it starts with {@code zh}); with
   * neither set, the JVM's locale.
   */
  static Messages usageMessages(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      Optional<Messages> named =
          args[i].equals("--lang") && i + 1 < args.length
              ? Messages.forLanguage(args[i + 1])
              : args[i].startsWith("--lang=")
                  ? Messages.forLanguage(args[i].substring("--lang=".length()))
                  : Optional.empty();
      if (named.isPresent()) {
        return named.get();
      }
    }
    String locale = env.getOrDefault("LC_ALL", "");
    if (locale.isEmpty()) {
      locale = env.getOrDefault("LANG", "");
    }
    if (locale.isEmpty()) {
      return Messages.forLocale(Locale.getDefault());
    }
    return Messages.forLanguage(locale.startsWith("zh") ? "zh-CN" : "en").orElseThrow();
  }

  /**
   * The learner's workspace: the directory named with {@code --workspace} (created if missing;
   * {@code .} is the launch directory), else a new one for this session under the data directory.
   */
  static Path workspace(Optional<String> named, Path home) throws IOException {
    Path dir =
        named
            .map(n -> Path.of(n).toAbsolutePath().normalize())
            .orElseGet(
                () ->
                    home.resolve("workspaces")
                        .resolve(
                            sessionName(
                                System.currentTimeMillis() / 1000, ProcessHandle.current().pid())));
    Files.createDirectories(dir);
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NotDirectoryException(dir.toString());
    }
    return dir.toRealPath();
  }

  /**
   * A new session's workspace name: when it started, in UTC (the Z says so), and this process's id,
   * as {@code session-20261205-152200Z-4242}. UTC, because the local time zone would be read from
   * the zone database before the first prompt, for a name nobody computes with.
   */
  static String sessionName(long epochSecond, long pid) {
    java.time.LocalDateTime t =
        java.time.LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC);
    return "session-"
        + t.getYear()
        + twoDigits(t.getMonthValue())
        + twoDigits(t.getDayOfMonth())
        + "-"
        + twoDigits(t.getHour())
        + twoDigits(t.getMinute())
        + twoDigits(t.getSecond())
        + "Z-"
        + pid;
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** Removes a session's own workspace when the learner left nothing in it. */
  private static void removeIfEmpty(Path dir) {
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      // Left in place: it is the learner's directory.
    }
  }

  /** The directory the history file lives in. */
  private static Path historyHome() {
    return home(System.getenv(), System.getProperty("dockerlings.home"));
  }

  /**
   * Where progress is kept: the {@code dockerlings.home} system property, else {@code
   * DOCKERLINGS_HOME}, else {@code $XDG_DATA_HOME/dockerlings}, else {@code
   * ~/.local/share/dockerlings}.
   */
  static Path dataDir(Map<String, String> env, String property) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    return io.dockerlings.lessons.progress.ProgressStore.defaultDir(
        env, System.getProperty("user.home"));
  }

  /**
   * Where dockerlings keeps its files: the {@code dockerlings.home} system property, else the
   * {@code DOCKERLINGS_HOME} environment variable, else {@code ~/.dockerlings}.
   */
  static Path home(Map<String, String> env, String property) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String fromEnv = env.get("DOCKERLINGS_HOME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of(System.getProperty("user.home"), ".dockerlings");
  }

  /**
   * Sandboxes on the real engine for {@code grade --backend real}: found as real mode finds it,
   * ledgers kept where real mode keeps them (so a killed run is cleaned up at the next start), no
   * host file reachable (no bind, copy or build context from the machine), and the grading run's
   * resource ceilings on every container.
   */
  static io.dockerlings.grading.RealEngines gradingEngines() {
    return gradingEngines(
        home(System.getenv(), System.getProperty("dockerlings.home")).resolve("real"));
  }

  /** The same, keeping the ledgers in {@code ledgers}. */
  static io.dockerlings.grading.RealEngines gradingEngines(Path ledgers) {
    EngineLocator locator = new EngineLocator();
    HostPaths none =
        new HostPaths() {
          @Override
          public Optional<Path> real(String typed) {
            return Optional.empty();
          }

          @Override
          public String where() {
            return "the grading sandbox, which reaches no host file";
          }
        };
    return (session, limits) -> {
      try {
        RealEngine engine =
            RealEngine.connect(
                locator,
                RealOptions.in(ledgers)
                    .withSessionId(session)
                    .withPaths(none)
                    .withLimits(
                        new io.dockerlings.real.SandboxLimits(
                            limits.memoryBytes(), limits.pids(), limits.nanoCpus())));
        return new io.dockerlings.grading.RealEngines.Opened(
            engine, engine::stoppedByMemoryCeiling);
      } catch (EngineUnavailableException e) {
        throw new io.dockerlings.grading.RealEngines.Unavailable(e.getMessage());
      }
    };
  }

  /** The value loaded in the background; its failure is thrown here as it would have been. */
  private static <T> T loaded(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
