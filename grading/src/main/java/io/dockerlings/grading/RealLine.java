package io.dockerlings.grading;

import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandLineException;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs a learner's line for a real-engine replay as the REPL's real mode does: docker commands go
 * to the engine, everything else to the simulated host (there is one host in every mode). Beyond
 * the REPL it also runs the two mixed shapes exercises use: a pipeline whose docker stages run on
 * the engine and whose other stages run on the simulated host ({@code printf ... | docker build -t
 * x -}, {@code docker ps | grep web}), and {@code $(docker ...)} substitutions in a docker command.
 * Any other mixture (a chain or a redirect around a docker command) is refused with a reason.
 */
final class RealLine {
  /** The exit status of a line the real-engine replay cannot run. */
  static final int REFUSED = 127;

  private final DockerEngine engine;
  private final DockerSimulator host;

  /**
   * @param engine the real engine's sandbox
   * @param host the simulator whose host shell runs the host lines
   */
  RealLine(DockerEngine engine, DockerSimulator host) {
    this.engine = engine;
    this.host = host;
  }

  /** Runs {@code line}, typing {@code input} into the terminal it opens, if it opens one. */
  Journal.Entry run(String line, List<String> input) {
    try {
      return runOrThrow(line.strip(), input);
    } catch (RuntimeException e) {
      return new Journal.Entry(
          line.strip(), 1, "dockerlings: the real engine failed on this line: " + e + "\n");
    }
  }

  private Journal.Entry runOrThrow(String t, List<String> input) {
    if (!callsDocker(t)) {
      CommandResult r = host.host(t);
      return new Journal.Entry(t, r.exitCode(), r.stdout() + r.stderr());
    }
    if (Commands.isDockerLine(t)) {
      return Commands.run(engine, t, input);
    }
    List<String> stages = split(t, '|');
    StringBuilder errors = new StringBuilder();
    String stdin = "";
    int exit = 0;
    for (String stage : stages) {
      String s = stage.strip();
      if (s.isEmpty()) {
        return refused(t);
      }
      CommandResult r;
      if (callsDocker(s)) {
        Optional<String> plain = substituted(s, errors);
        if (plain.isEmpty()) {
          return refused(t);
        }
        List<String> argv;
        try {
          argv = CommandLine.split(plain.get());
        } catch (CommandLineException e) {
          return new Journal.Entry(t, 2, e.getMessage() + "\n");
        }
        r = engine.execute(argv, stdin);
        r.session().ifPresent(x -> x.endOfInput());
      } else {
        r = host.host(stdin.isEmpty() ? s : "printf '%s' " + CommandLine.quote(stdin) + " | " + s);
      }
      errors.append(r.stderr());
      stdin = r.stdout();
      exit = r.exitCode();
    }
    return new Journal.Entry(t, exit, stdin + errors);
  }

  /**
   * The docker stage with each {@code $(docker ...)} replaced by what the engine printed, or empty
   * when the stage is not one plain docker command once substituted.
   */
  private Optional<String> substituted(String stage, StringBuilder errors) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < stage.length(); i++) {
      char c = stage.charAt(i);
      if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
      } else if (c == '\\' && i + 1 < stage.length()) {
        out.append(c).append(stage.charAt(++i));
        continue;
      } else if (c == '"') {
        quote = quote == '"' ? 0 : '"';
      } else if (quote == 0 && c == '\'') {
        quote = c;
      } else if (c == '$' && i + 1 < stage.length() && stage.charAt(i + 1) == '(') {
        int end = stage.indexOf(')', i + 2);
        String inner = end < 0 ? "" : stage.substring(i + 2, end);
        if (!Commands.isDockerLine(inner)) {
          return Optional.empty();
        }
        CommandResult r;
        try {
          r = engine.execute(CommandLine.split(inner.strip()), "");
        } catch (CommandLineException e) {
          return Optional.empty();
        }
        errors.append(r.stderr());
        String value = r.stdout().replaceAll("\n+$", "");
        if (quote == '"') {
          out.append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$"));
        } else {
          List<String> words =
              Arrays.stream(value.split("\\s+")).filter(w -> !w.isEmpty()).toList();
          out.append(String.join(" ", words.stream().map(CommandLine::quote).toList()));
        }
        i = end;
        continue;
      }
      out.append(c);
    }
    String plain = out.toString();
    return Commands.isDockerLine(plain) ? Optional.of(plain) : Optional.empty();
  }

  private static Journal.Entry refused(String line) {
    return new Journal.Entry(
        line,
        REFUSED,
        "dockerlings: the real-engine replay runs docker commands, host lines, pipelines of the two"
            + " and $(docker ...) substitutions; this line mixes them otherwise and was not run\n");
  }

  /** Whether the line calls docker anywhere, as the REPL's modes decide it. */
  static boolean callsDocker(String line) {
    return Arrays.asList(line.split("[\\s|;&()`$]+")).contains("docker");
  }

  /** {@code text} split at {@code sep} outside quotes ({@code ||} is not a pipe). */
  static List<String> split(String text, char sep) {
    List<String> parts = new ArrayList<>();
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
      } else if (c == '\\') {
        i++;
      } else if (quote == '"') {
        quote = c == '"' ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == sep) {
        if (i + 1 < text.length() && text.charAt(i + 1) == sep) {
          return List.of(text);
        }
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
