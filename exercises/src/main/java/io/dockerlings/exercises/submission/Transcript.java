package io.dockerlings.exercises.submission;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.exercises.model.Exercise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The learner's side of an attempt: every command is appended as it runs, and {@link #seal} turns
 * the attempt into the JSON Lines file they hand in, each line chained to the one before by its
 * SHA-256.
 */
public final class Transcript {
  /** Outputs longer than this many characters are cut in the file (replay does not need them). */
  public static final int MAX_OUTPUT = 64 * 1024;

  private final String learner;
  private final Exercise exercise;
  private final String backend;
  private final Instant started;
  private final List<RecordedCommand> commands = new ArrayList<>();

  /** Starts the transcript of {@code learner}'s attempt at {@code exercise}. */
  public Transcript(String learner, Exercise exercise, String backend, Instant started) {
    this.learner = learner;
    this.exercise = exercise;
    this.backend = backend;
    this.started = started;
  }

  /** The exercise being attempted. */
  public Exercise exercise() {
    return exercise;
  }

  /** The commands recorded so far. */
  public List<RecordedCommand> commands() {
    return List.copyOf(commands);
  }

  /** Records one line and what it printed. */
  public void add(
      String line,
      Instant at,
      int exitCode,
      String stdout,
      String stderr,
      List<TerminalInput> terminal) {
    boolean clipped = stdout.length() > MAX_OUTPUT || stderr.length() > MAX_OUTPUT;
    commands.add(
        new RecordedCommand(
            commands.size() + 1,
            line,
            at,
            exitCode,
            clip(stdout),
            clip(stderr),
            clipped,
            terminal));
  }

  /** The submission file's text: a header, one line per command, an end line. */
  public String seal(Instant submitted) {
    StringBuilder out = new StringBuilder();
    ObjectNode header = Chain.json().createObjectNode();
    header.put("type", "header");
    header.put("format", 1);
    header.put("learner", learner);
    header.put("exercise", exercise.id());
    header.put("exerciseSha256", exercise.checksum());
    header.put("backend", backend);
    header.put("started", started.toString());
    String prev = append(out, header, Chain.GENESIS);
    for (RecordedCommand c : commands) {
      prev = append(out, command(c), prev);
    }
    ObjectNode end = Chain.json().createObjectNode();
    end.put("type", "end");
    end.put("commands", commands.size());
    end.put("submitted", submitted.toString());
    append(out, end, prev);
    return out.toString();
  }

  private static ObjectNode command(RecordedCommand c) {
    ObjectNode n = Chain.json().createObjectNode();
    n.put("type", "command");
    n.put("seq", c.seq());
    n.put("line", c.line());
    n.put("at", c.at().toString());
    n.put("exit", c.exitCode());
    n.put("stdout", c.stdout());
    n.put("stderr", c.stderr());
    n.put("clipped", c.clipped());
    ArrayNode terminal = n.putArray("terminal");
    for (TerminalInput t : c.terminal()) {
      terminal.addObject().put("op", t.op()).put("text", t.text());
    }
    return n;
  }

  private static String append(StringBuilder out, ObjectNode record, String prev) {
    String line = Chain.seal(record, prev);
    out.append(line).append('\n');
    return record.get("hash").asText();
  }

  private static String clip(String s) {
    return s.length() > MAX_OUTPUT ? s.substring(0, MAX_OUTPUT) : s;
  }
}
