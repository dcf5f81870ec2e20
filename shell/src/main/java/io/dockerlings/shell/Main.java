package io.dockerlings.shell;

import io.dockerlings.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  /** The backends {@code --backend} accepts. */
  static final String BACKENDS = "sim";

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
    String backendName = "sim";
    Optional<String> lang = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batch" -> batch = true;
        case "--json" -> json = true;
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
    if (!backendName.equals("sim")) {
      err.println(
          "dockerlings: backend '"
              + backendName
              + "' is not available; this version has: "
              + BACKENDS);
      return 2;
    }
    if (json && !batch) {
      err.println("dockerlings: --json goes with --batch");
      return 2;
    }
    Backend backend = new SimulatorBackend(SimulatorOptions::defaults);
    if (batch) {
      try {
        return new BatchMode(backend, json, out, err).run(in);
      } catch (IOException e) {
        err.println("dockerlings: cannot read the script: " + e.getMessage());
        return 1;
      }
    }
    ReplCommands commands = ReplCommands.standard();
    try (Console console =
        terminal
            ? new JLineConsole(new Completion(backend, commands), historyFile(err))
            : new StreamConsole(in, out, err, true)) {
      new Repl(backend, console, messagesFor(lang), commands).run();
    }
    return 0;
  }

  private static Messages messagesFor(Optional<String> lang) {
    return lang.flatMap(Messages::forLanguage)
        .orElseGet(() -> Messages.forLocale(Locale.getDefault()));
  }

  /** The history file, in a directory that is created if need be. */
  private static Path historyFile(PrintStream err) {
    Path home = home(System.getenv(), System.getProperty("dockerlings.home"));
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      err.println("dockerlings: cannot create " + home + "; history will not be kept");
    }
    return home.resolve("history");
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
