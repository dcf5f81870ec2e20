package io.dockerlings.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.Faults;
import io.dockerlings.simulator.InteractiveSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Batch mode, a stable contract for tests, lessons and grading: one line per command, all in one
 * engine that starts fresh, printing what the REPL prints for each (its stdout to standard output,
 * its stderr to standard error), or one JSON object per command.
 *
 * <p>Blank lines and lines starting with {@code #} are skipped. {@code reset} starts a fresh
 * engine. Lines that do not start with {@code docker}, and docker commands piped, redirected or
 * chained ({@code docker info | grep Root}), run in the host's shell, as in the REPL. After a
 * command that opens a terminal ({@code run -it}, {@code exec -it}, {@code attach}), the following
 * lines are typed into that terminal, comments and blank lines included, until it closes; a line
 * {@code ^P^Q} (those four characters, or the two control characters) detaches; if the script ends
 * first, the terminal gets Ctrl-D. The REPL's own greetings and hints are not printed.
 */
final class BatchMode {
  /** The line that stands for Ctrl-P Ctrl-Q in a script. */
  static final String DETACH_LINE = "^P^Q";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Backend backend;
  private final boolean json;
  private final PrintStream out;
  private final PrintStream err;
  private final Optional<LessonDesk> desk;
  private final Messages messages;
  private final ErrorNotes notes = new ErrorNotes();

  BatchMode(Backend backend, boolean json, PrintStream out, PrintStream err) {
    this(backend, json, out, err, Optional.empty(), Messages.forLanguage("en").orElseThrow());
  }

  /**
   * Batch mode that also takes lesson commands ({@code lesson ID}, {@code hint}, {@code answer}).
   */
  BatchMode(
      Backend backend,
      boolean json,
      PrintStream out,
      PrintStream err,
      Optional<LessonDesk> desk,
      Messages messages) {
    this.backend = backend;
    this.json = json;
    this.out = out;
    this.err = err;
    this.desk = desk;
    this.messages = messages;
  }

  /** Runs every line of {@code in}; returns 0 when the script ran, whatever its commands did. */
  int run(BufferedReader in) throws IOException {
    // The engines' own notes in the script's language; docker's words stay docker's.
    backend.language(messages);
    Optional<LineRunner.Ran> open = Optional.empty();
    typed = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      try {
        if (open.isPresent() && open.get().result().session().orElseThrow().isOpen()) {
          InteractiveSession session = open.get().result().session().orElseThrow();
          if (line.equals(DETACH_LINE) || line.equals(StreamConsole.DETACH_KEYS)) {
            CommandResult r = Sessions.detach(session, open.get().argv());
            emit(DETACH_LINE, r.exitCode(), r.stdout(), r.stderr());
            LineRunner.status(backend, r.exitCode());
            open = Optional.empty();
          } else {
            String shown = session.send(line);
            typed.add(line);
            emit(line, session.isOpen() ? 0 : session.exitCode(), shown, "");
            if (!session.isOpen()) {
              report(open.get().argv(), session.exitCode(), open.get().result(), typed);
            }
          }
          continue;
        }
        open = Optional.empty();
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String first = trimmed.split("\\s+")[0];
        if (desk.isPresent() && LessonDesk.COMMANDS.contains(first)) {
          List<String> words = List.of(trimmed.split("\\s+"));
          out.print(desk.get().handle(first, words.subList(1, words.size()), messages));
          continue;
        }
        if (trimmed.equals("reset")) {
          backend.reset();
          emit(trimmed, 0, "", "");
          continue;
        }
        if (!trimmed.split("\\s+")[0].equals("docker") || HostLine.hasShellOperators(trimmed)) {
          CommandResult host = backend.host(trimmed);
          if (json) {
            emit(trimmed, host.exitCode(), host.stdout(), host.stderr());
          } else {
            // The two streams in the order the line's commands wrote them, as a terminal shows.
            for (CommandResult.Chunk c : host.inOrder()) {
              (c.err() ? err : out).print(c.text());
              (c.err() ? err : out).flush();
            }
          }
          tell(new Journal.Entry(trimmed, host.exitCode(), host.stdout() + host.stderr()));
          continue;
        }
        StringBuilder lineErrors = new StringBuilder();
        Optional<LineRunner.Ran> ran =
            LineRunner.run(trimmed, backend, "", lineErrors::append, false, messages);
        if (ran.isEmpty()) {
          emit(trimmed, 2, "", lineErrors.toString());
          continue;
        }
        CommandResult result = ran.get().result();
        Optional<io.dockerlings.lessons.errors.Note> note = Optional.empty();
        Optional<CompareBackend.Outcome> both = compared();
        if (json && both.isPresent()) {
          emitBoth(trimmed, both.get(), lineErrors.toString());
        } else if (json) {
          ObjectNode o =
              object(trimmed, result.exitCode(), result.stdout(), lineErrors + result.stderr());
          // The explanation has a field of its own: docker's stdout and stderr stay as docker wrote
          // them.
          note = notes.after(ran.get().argv(), result, backend);
          note.ifPresent(n -> o.set("note", ErrorNotes.json(n)));
          out.println(o.toString());
        } else {
          err.print(lineErrors);
          // The two streams in the order the command wrote them, as a terminal shows them.
          for (CommandResult.Chunk c : result.inOrder()) {
            (c.err() ? err : out).print(c.text());
            (c.err() ? err : out).flush();
          }
          // Plain batch prints no notes, but a lesson step shows the note of its learner's error.
          if (desk.map(LessonDesk::inStep).orElse(false)) {
            note = notes.after(ran.get().argv(), result, backend);
          }
        }
        open = result.session().isPresent() ? ran : Optional.empty();
        typed = new ArrayList<>();
        if (open.isEmpty()) {
          // The host's $? is the docker command's status, as at a real host's prompt.
          LineRunner.status(backend, result.exitCode());
          tell(
              new Journal.Entry(trimmed, result.exitCode(), result.stdout() + result.stderr()),
              note);
        } else {
          openLine = trimmed;
        }
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        // The last line of defence: one line, and the script goes on.
        emit(line.strip(), 1, "", Faults.line(e, messages.locale()));
        open = Optional.empty();
      }
    }
    if (open.isPresent() && open.get().result().session().orElseThrow().isOpen()) {
      InteractiveSession session = open.get().result().session().orElseThrow();
      String shown = session.endOfInput();
      emit("^D", session.exitCode(), shown, "");
    }
    out.flush();
    err.flush();
    return 0;
  }

  private List<String> typed = new ArrayList<>();
  private String openLine = "";

  /** A terminal the script opened has closed: the lesson hears of the command and its input. */
  private void report(List<String> argv, int exit, CommandResult r, List<String> input) {
    LineRunner.status(backend, exit);
    tell(new Journal.Entry(openLine, exit, r.stdout() + r.stderr(), input));
  }

  private void tell(Journal.Entry entry) {
    tell(entry, Optional.empty());
  }

  private void tell(Journal.Entry entry, Optional<io.dockerlings.lessons.errors.Note> note) {
    desk.ifPresent(d -> out.print(d.afterCommand(entry, note, messages)));
  }

  /** In compare mode, what the last command did on both engines. */
  private Optional<CompareBackend.Outcome> compared() {
    Backend current = backend instanceof Modes modes ? modes.current() : backend;
    return current instanceof CompareBackend compare ? compare.last() : Optional.empty();
  }

  /**
   * One command of a compare-mode script as JSON: both results, the verdict, the differences of
   * state, the teaching points and the times.
   */
  private void emitBoth(String command, CompareBackend.Outcome o, String lineErrors) {
    ObjectNode line = JSON.createObjectNode();
    line.put("command", command);
    line.put("exit", o.engine().exitCode());
    line.set("simulator", result(o.simulator(), lineErrors));
    line.set("engine", result(o.engine(), lineErrors));
    line.put("verdict", o.comparison().verdict());
    line.put("differingLines", o.comparison().differingLines());
    line.put("sameExit", !o.comparison().exitDiffers());
    ArrayNode state = line.putArray("stateDifferences");
    o.stateDifferences().forEach(state::add);
    ArrayNode points = line.putArray("teachingPoints");
    io.dockerlings.lessons.text.Lang lang =
        io.dockerlings.lessons.text.Lang.of(messages.language())
            .orElse(io.dockerlings.lessons.text.Lang.EN);
    o.explanations().forEach(e -> points.addObject().put("id", e.id()).put("text", e.in(lang)));
    line.put("simulatorMicros", o.simulatorNanos() / 1_000);
    line.put("engineMicros", o.engineNanos() / 1_000);
    line.put("overheadMicros", o.overheadNanos() / 1_000);
    out.println(line.toString());
  }

  private static ObjectNode result(CommandResult r, String lineErrors) {
    ObjectNode o = JSON.createObjectNode();
    o.put("exit", r.exitCode());
    o.put("stdout", r.stdout());
    o.put("stderr", lineErrors + r.stderr());
    return o;
  }

  private static ObjectNode object(String command, int exit, String stdout, String stderr) {
    ObjectNode o = JSON.createObjectNode();
    o.put("command", command);
    o.put("exit", exit);
    o.put("stdout", stdout);
    o.put("stderr", stderr);
    return o;
  }

  private void emit(String command, int exit, String stdout, String stderr) {
    if (json) {
      out.println(object(command, exit, stdout, stderr).toString());
      return;
    }
    out.print(stdout);
    out.flush();
    err.print(stderr);
    err.flush();
  }
}
