package io.dockerlings.grading;

import io.dockerlings.exercises.submission.TerminalInput;
import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandLineException;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.InteractiveSession;
import java.util.List;

/**
 * Runs one recorded line on a simulator the way the REPL ran it: a plain docker command goes to the
 * engine (and the recorded terminal input to a terminal it opens); anything else (other programs,
 * pipes, chains, {@code $(...)}) runs in the simulated host's shell.
 */
final class LinePlayer {
  private LinePlayer() {}

  /** What the line printed and returned. */
  static CommandResult play(DockerSimulator sim, String line, List<TerminalInput> terminal) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return CommandResult.of(0, "", "");
    }
    if (!isPlainDocker(trimmed)) {
      return sim.host(trimmed);
    }
    List<String> argv;
    try {
      argv = CommandLine.split(trimmed);
    } catch (CommandLineException e) {
      return CommandResult.of(2, "", "dockerlings: " + e.getMessage() + "\n");
    }
    CommandResult r = sim.execute(argv, "");
    if (r.session().isEmpty()) {
      return r;
    }
    return drive(r, r.session().get(), terminal);
  }

  private static CommandResult drive(
      CommandResult opened, InteractiveSession session, List<TerminalInput> terminal) {
    StringBuilder out = new StringBuilder(opened.stdout());
    for (TerminalInput in : terminal) {
      if (!session.isOpen()) {
        break;
      }
      switch (in.op()) {
        case "send" -> out.append(session.send(in.text()));
        case "eof" -> out.append(session.endOfInput());
        default -> session.detach();
      }
    }
    if (session.isOpen()) {
      // The learner left the terminal without closing it: leave it running, as a detach does.
      session.detach();
      return CommandResult.of(0, out.toString(), opened.stderr());
    }
    return CommandResult.of(session.exitCode(), out.toString(), opened.stderr());
  }

  /** A line the REPL sends straight to the engine: docker, no operators, no substitution. */
  static boolean isPlainDocker(String line) {
    if (!line.equals("docker") && !line.startsWith("docker ")) {
      return false;
    }
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        }
      } else if (c == '\\') {
        i++;
      } else if (c == '`' || c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
        return false;
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if ("|;&<>".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }
}
