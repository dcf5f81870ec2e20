package io.dockerlings.shell;

import io.dockerlings.real.EngineLocator;
import io.dockerlings.real.RealOptions;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
            System.console() != null));
  }

  /**
   * Runs with the given streams and returns the exit status.
   *
   * @param terminal whether a person is at a terminal (then the REPL uses JLine on it)
   */
  static int run(
      String[] args, BufferedReader in, PrintStream out, PrintStream err, boolean terminal) {
    boolean batch = false;
    boolean json = false;
    boolean allowHost = false;
    String backendName = "sim";
    Optional<String> lang = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batch" -> batch = true;
        case "--json" -> json = true;
        case "--allow-host" -> allowHost = true;
        case "--backend", "--lang" -> {
          if (i + 1 >= args.length) {
            err.println("dockerlings: " + args[i] + " needs a value (see --help)");
            return 2;
          }
          if (args[i].equals("--backend")) {
            backendName = args[++i];
          } else {
            lang = Optional.of(args[++i]);
          }
        }
        case "--help", "-h" -> {
          out.print(messagesFor(lang).get("usage"));
          return 0;
        }
        case "--version" -> {
          out.println(VERSION);
          return 0;
        }
        default -> {
          err.println("dockerlings: unknown option " + args[i] + " (see --help)");
          return 2;
        }
      }
    }
    if (lang.isPresent() && Messages.forLanguage(lang.get()).isEmpty()) {
      err.println(
          "dockerlings: no messages in "
              + lang.get()
              + "; --lang takes "
              + String.join(" or ", Messages.LANGUAGES));
      return 2;
    }
    if (!Modes.NAMES.contains(backendName)) {
      err.println(
          "dockerlings: there is no backend '"
              + backendName
              + "'; --backend takes "
              + String.join(", ", Modes.NAMES));
      return 2;
    }
    if (json && !batch) {
      err.println("dockerlings: --json goes with --batch");
      return 2;
    }
    Messages messages = messagesFor(lang);
    Path home = home(System.getenv(), System.getProperty("dockerlings.home"));
    boolean allow = allowHost;
    SimulatorBackend sim = new SimulatorBackend(SimulatorOptions::defaults);
    RealBackend real =
        new RealBackend(
            new EngineLocator(), () -> RealOptions.in(home.resolve("real")).withAllowHost(allow));
    CompareBackend compare = new CompareBackend(sim, real, messages);
    try (Modes modes = new Modes(sim, real, compare, backendName)) {
      // A terminal closed or a kill (not -9) still removes what real mode created; -9 is
      // handled by the next start, which reaps sessions whose process is gone.
      Thread cleanup = new Thread(modes::close, "dockerlings-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
      try {
        return runIn(modes, batch, json, in, out, err, terminal, messages);
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
      boolean terminal,
      Messages messages) {
    Optional<String> why = modes.unavailable();
    if (batch) {
      if (why.isPresent()) {
        err.println("dockerlings: --backend " + modes.name() + ": " + why.get());
        return 1;
      }
      try {
        return new BatchMode(modes, json, out, err).run(in);
      } catch (IOException e) {
        err.println("dockerlings: cannot read the script: " + e.getMessage());
        return 1;
      }
    }
    if (why.isPresent()) {
      err.println(messages.get("mode.unavailable", modes.name(), why.get()));
      modes.select("sim");
    }
    ReplCommands commands = ReplCommands.standard();
    try (Console console =
        terminal
            ? new JLineConsole(
                new Completion(modes, commands),
                HistoryFile.prepare(historyHome(), messages, err::println).orElse(null))
            : new StreamConsole(in, out, err, true)) {
      modes.layout(console::width, console.colours());
      new Repl(modes, console, messages, commands).run();
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

  private static Messages messagesFor(Optional<String> lang) {
    return lang.flatMap(Messages::forLanguage)
        .orElseGet(() -> Messages.forLocale(Locale.getDefault()));
  }

  /** The directory the history file lives in. */
  private static Path historyHome() {
    return home(System.getenv(), System.getProperty("dockerlings.home"));
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
}
