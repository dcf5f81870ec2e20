package io.dockerlings.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.InteractiveSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Batch mode, a stable contract for tests, lessons and grading: one command per line, all in one
 * fresh engine, printing what the REPL prints, or one JSON object per command.
 *
 * <p>After a command that opens a terminal ({@code run -it}), the following lines are typed into
 * that terminal until it closes.
 */
final class BatchMode {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Backend backend;
  private final boolean json;
  private final PrintStream out;
  private final PrintStream err;

  BatchMode(Backend backend, boolean json, PrintStream out, PrintStream err) {
    this.backend = backend;
    this.json = json;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs every line of {@code in}; returns 0 when the script ran, whatever its commands returned.
   */
  int run(BufferedReader in) throws IOException {
    InteractiveSession session = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (session != null && session.isOpen()) {
        String shown = session.send(line);
        emit(line, session.isOpen() ? 0 : session.exitCode(), shown, "");
        continue;
      }
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.equals("reset")) {
        backend.reset();
        emit(trimmed, 0, "", "");
        continue;
      }
      if (!trimmed.split("\\s+")[0].equals("docker")) {
        CommandResult host = backend.host(trimmed);
        emit(trimmed, host.exitCode(), host.stdout(), host.stderr());
        continue;
      }
      StringBuilder lineErrors = new StringBuilder();
      Optional<CommandResult> r = LineRunner.run(trimmed, backend, "", lineErrors::append);
      if (r.isEmpty()) {
        emit(trimmed, 2, "", lineErrors.toString());
        continue;
      }
      CommandResult result = r.get();
      emit(trimmed, result.exitCode(), result.stdout(), lineErrors + result.stderr());
      session = result.session().orElse(null);
    }
    if (session != null && session.isOpen()) {
      String shown = session.endOfInput();
      if (!shown.isEmpty()) {
        emit("^D", session.exitCode(), shown, "");
      }
    }
    out.flush();
    err.flush();
    return 0;
  }

  private void emit(String command, int exit, String stdout, String stderr) {
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("command", command);
      o.put("exit", exit);
      o.put("stdout", stdout);
      o.put("stderr", stderr);
      out.println(o.toString());
      return;
    }
    out.print(stdout);
    out.flush();
    err.print(stderr);
    err.flush();
  }
}
