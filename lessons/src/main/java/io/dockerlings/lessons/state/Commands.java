package io.dockerlings.lessons.state;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandLineException;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.InteractiveSession;
import java.util.List;

/**
 * Runs a learner's line on an engine without a terminal, as replays (setup, solutions, undo,
 * resume, the model's answers) need: a docker line goes to the engine, anything else (and docker in
 * a pipe or chain) to the simulated host's shell. A terminal the line opens is fed the recorded
 * input, then its input is ended.
 */
public final class Commands {
  private Commands() {}

  /** Runs {@code line} and returns what it did, as a journal entry. */
  public static Journal.Entry run(DockerEngine engine, String line) {
    return run(engine, line, List.of());
  }

  /** Runs {@code line}, typing {@code input} into the terminal it opens, if it opens one. */
  public static Journal.Entry run(DockerEngine engine, String line, List<String> input) {
    String trimmed = line.strip();
    if (!isDockerLine(trimmed)) {
      if (engine instanceof DockerSimulator sim) {
        CommandResult r = sim.host(trimmed);
        return new Journal.Entry(trimmed, r.exitCode(), r.stdout() + r.stderr());
      }
      return new Journal.Entry(trimmed, 127, "this engine has no host shell\n");
    }
    List<String> argv;
    try {
      argv = CommandLine.split(trimmed);
    } catch (CommandLineException e) {
      return new Journal.Entry(trimmed, 2, e.getMessage() + "\n");
    }
    // A foreground run the learner stopped with Ctrl-C was followed at the prompt: replayed the
    // same way, its recorded Ctrl-C reaches the container as it did.
    CommandResult r =
        !input.isEmpty() && engine instanceof DockerSimulator sim
            ? sim.executeFollowing(argv, "")
            : engine.execute(argv, "");
    StringBuilder out = new StringBuilder(r.stdout()).append(r.stderr());
    int exit = r.exitCode();
    if (r.session().isPresent()) {
      InteractiveSession s = r.session().get();
      for (String in : input) {
        if (!s.isOpen()) {
          break;
        }
        out.append(s.send(in));
      }
      if (s.isOpen()) {
        out.append(s.endOfInput());
      }
      exit = s.exitCode();
    }
    if (engine instanceof DockerSimulator sim) {
      // The host's $? is the docker command's status, as at the REPL (and a real host's) prompt.
      sim.host("(exit " + Math.floorMod(exit, 256) + ")");
    }
    return new Journal.Entry(trimmed, exit, out.toString(), input);
  }

  /** Whether the line is one docker command (not a host line, a pipe or a substitution). */
  public static boolean isDockerLine(String line) {
    String t = line.strip();
    if (!(t.equals("docker") || t.startsWith("docker "))) {
      return false;
    }
    char quote = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
      } else if (c == '\\') {
        i++;
      } else if (quote == '"') {
        quote = c == '"' ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if ("|;&<>`".indexOf(c) >= 0
          || (c == '$' && i + 1 < t.length() && t.charAt(i + 1) == '(')) {
        return false;
      }
    }
    return true;
  }
}
