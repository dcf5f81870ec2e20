package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Turns a typed docker line into a backend call, running {@code $(docker ...)} first. */
final class LineRunner {
  /**
   * A docker command that ran.
   *
   * @param argv its words after splitting and substitution
   * @param result what the backend answered
   */
  record Ran(List<String> argv, CommandResult result) {}

  private LineRunner() {}

  /**
   * Runs a line that starts with {@code docker}. What substitutions print on stderr, and why a line
   * cannot be split, go to {@code errors}; a line that cannot be split runs nothing.
   */
  static Optional<Ran> run(String line, Backend backend, String stdin, Consumer<String> errors) {
    return run(line, backend, stdin, errors, false, ENGLISH);
  }

  /** The words of a replay that has no learner's language at hand (a lesson's workbench). */
  private static final Messages ENGLISH = Messages.forLanguage("en").orElseThrow();

  /**
   * As {@link #run(String, Backend, String, Consumer)}; with {@code atPrompt} the command was typed
   * at the REPL's prompt, where a foreground run can be followed in real time ({@link
   * Backend#executeFollowing}); what dockerlings itself says goes in the language of {@code
   * messages}.
   */
  static Optional<Ran> run(
      String line,
      Backend backend,
      String stdin,
      Consumer<String> errors,
      boolean atPrompt,
      Messages messages) {
    List<String> words;
    try {
      java.util.Map<String, String> values = new java.util.HashMap<>();
      words =
          HostLine.split(
              line,
              inner -> substitute(inner, backend, errors, messages),
              name -> values.computeIfAbsent(name, n -> hostVariable(n, backend)));
    } catch (HostLine.ParseException e) {
      errors.accept(e.in(messages) + "\n");
      // A line the shell cannot read is a syntax error: ash leaves 2 in $?.
      status(backend, 2);
      return Optional.empty();
    }
    if (words.isEmpty()) {
      return Optional.empty();
    }
    CommandResult r =
        atPrompt ? backend.executeFollowing(words, stdin) : backend.execute(words, stdin);
    return Optional.of(new Ran(List.copyOf(words), r));
  }

  /**
   * A variable of the simulated host's shell ({@code docker stop $CID} after {@code CID=$(docker
   * run -d ...)}), read by a host line that leaves its {@code $?} as it was.
   */
  private static String hostVariable(String name, Backend backend) {
    String value = name.equals("?") ? "$1" : "${" + name + "}";
    return backend.host("set -- $?; printf '%s' \"" + value + "\"; exit $1").stdout();
  }

  /** Runs the docker command inside {@code $(...)} and returns its standard output. */
  private static String substitute(
      String inner, Backend backend, Consumer<String> errors, Messages messages) {
    try {
      List<String> sub =
          HostLine.split(inner, nested -> substitute(nested, backend, errors, messages));
      if (sub.equals(List.of("pwd"))) {
        // -v "$(pwd)"/data:/data: the simulated host's current directory.
        return backend.host("pwd").stdout();
      }
      if (sub.isEmpty() || !sub.get(0).equals("docker")) {
        errors.accept(messages.get("line.onlyDocker", inner) + "\n");
        return "";
      }
      CommandResult r = backend.execute(sub, "");
      errors.accept(r.stderr());
      return r.stdout();
    } catch (HostLine.ParseException e) {
      errors.accept(e.in(messages) + "\n");
      return "";
    }
  }

  /**
   * Leaves {@code code} in the simulated host shell's {@code $?}, as a docker command typed at a
   * host's prompt does: {@code docker inspect nosuch} then {@code echo $?} prints 1. The host is
   * the simulated one in every mode, so this is one host line, {@code (exit N)}.
   */
  static void status(Backend backend, int code) {
    backend.host("(exit " + Math.floorMod(code, 256) + ")");
  }
}
