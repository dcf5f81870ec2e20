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

/** Starts dockerlings: the REPL, or batch mode with {@code --batch}. */
public final class Main {
  static final String VERSION = "dockerlings 0.1.0";

  private Main() {}

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.out,
            System.err));
  }

  /** Runs with the given streams and returns the exit status. */
  static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
    boolean batch = false;
    boolean json = false;
    String backendName = "sim";
    String lang = Locale.getDefault().toLanguageTag();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batch" -> batch = true;
        case "--json" -> json = true;
        case "--backend" -> {
          if (i + 1 >= args.length) {
            err.println("dockerlings: --backend needs a value (sim)");
            return 2;
          }
          backendName = args[++i];
        }
        case "--lang" -> {
          if (i + 1 >= args.length) {
            err.println("dockerlings: --lang needs a value (en or zh-CN)");
            return 2;
          }
          lang = args[++i];
        }
        case "--help", "-h" -> {
          out.print(Messages.forTag(lang).get("usage"));
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
    if (!backendName.equals("sim")) {
      err.println(
          "dockerlings: backend '" + backendName + "' is not available; this version has: sim");
      return 2;
    }
    if (json && !batch) {
      err.println("dockerlings: --json goes with --batch");
      return 2;
    }
    Backend backend = new SimulatorBackend(SimulatorOptions::defaults);
    Messages messages = Messages.forTag(lang);
    if (batch) {
      try {
        return new BatchMode(backend, json, out, err).run(in);
      } catch (IOException e) {
        err.println("dockerlings: cannot read the script: " + e.getMessage());
        return 1;
      }
    }
    try (Console console = openConsole(backend, in, out, err)) {
      new Repl(backend, console, messages).run();
    }
    return 0;
  }

  private static Console openConsole(
      Backend backend, BufferedReader in, PrintStream out, PrintStream err) {
    if (System.console() == null) {
      return new StreamConsole(in, out, err, true);
    }
    Path home =
        Path.of(
            System.getProperty(
                "dockerlings.home", System.getProperty("user.home") + "/.dockerlings"));
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      err.println("dockerlings: cannot create " + home + "; history will not be kept");
    }
    return new JLineConsole(backend, home.resolve("history"), Repl.commandNames());
  }
}
