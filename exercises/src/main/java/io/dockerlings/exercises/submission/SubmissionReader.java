package io.dockerlings.exercises.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.lessons.text.Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a submission file and verifies its chain: an edited line, lines reordered or removed, a
 * cut-off end, a file for another exercise or one that is no submission at all are each named, and
 * nothing in the file is trusted beyond that.
 */
public final class SubmissionReader {
  /** Files above this size are refused unread, so that one file cannot exhaust memory. */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  private final Exercise expected;

  /** A reader for submissions to {@code expected}. */
  public SubmissionReader(Exercise expected) {
    this.expected = expected;
  }

  /**
   * Reads one file.
   *
   * @param fileName used as the learner's id when the file does not say
   */
  public Reading read(String fileName, byte[] bytes) {
    String fallback = fileName.replaceFirst("\\.jsonl$", "");
    if (bytes.length > MAX_BYTES) {
      return new Reading.Rejected(
          fallback,
          Flag.GARBAGE,
          new Text(
              "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB",
              "文件超过 " + MAX_BYTES / (1024 * 1024) + " MB"));
    }
    String content = new String(bytes, StandardCharsets.UTF_8);
    if (content.isBlank()) {
      return new Reading.Rejected(fallback, Flag.EMPTY, Flag.EMPTY.label());
    }
    List<String> lines = content.lines().toList();
    ObjectNode header = parse(lines.get(0));
    if (header == null
        || !"header".equals(header.path("type").asText())
        || header.path("format").asInt() != 1
        || !header.path("learner").isTextual()) {
      return new Reading.Rejected(
          fallback,
          Flag.GARBAGE,
          new Text("line 1 is not a dockerlings submission header", "第 1 行不是 dockerlings 提交记录的开头"));
    }
    String learner = safeId(header.path("learner").asText(), fallback);
    return verify(lines, header, learner, content.endsWith("\n"));
  }

  private Reading verify(List<String> lines, ObjectNode header, String learner, boolean ends) {
    String prev = Chain.GENESIS;
    List<RecordedCommand> commands = new ArrayList<>();
    ObjectNode end = null;
    for (int i = 0; i < lines.size(); i++) {
      int no = i + 1;
      ObjectNode rec = i == 0 ? header : parse(lines.get(i));
      if (rec == null) {
        if (i == lines.size() - 1 && !ends) {
          return truncated(learner, "line " + no + " stops in the middle", "第 " + no + " 行中途断了");
        }
        return tampered(learner, "line " + no + " is not JSON", "第 " + no + " 行不是 JSON");
      }
      if (end != null) {
        return tampered(learner, "line " + no + " follows the end line", "第 " + no + " 行出现在结束行之后");
      }
      if (!prev.equals(rec.path("prev").asText())) {
        return tampered(
            learner,
            "line " + no + " does not follow line " + i + ": lines were removed or reordered",
            "第 " + no + " 行接不上第 " + i + " 行：有行被删掉或调换了顺序");
      }
      if (!Chain.hashOf(rec).equals(rec.path("hash").asText())) {
        return tampered(learner, "line " + no + " was changed", "第 " + no + " 行被改动过");
      }
      prev = rec.path("hash").asText();
      switch (i == 0 ? "header" : rec.path("type").asText()) {
        case "header" -> {
          if (i != 0) {
            return tampered(learner, "line " + no + " is a second header", "第 " + no + " 行是第二个开头");
          }
        }
        case "command" -> {
          RecordedCommand c = command(rec, commands.size() + 1);
          if (c == null) {
            return tampered(learner, "line " + no + " is not a command", "第 " + no + " 行不是一条命令");
          }
          commands.add(c);
        }
        case "end" -> end = rec;
        default -> {
          return tampered(learner, "line " + no + " has an unknown type", "第 " + no + " 行的类型未知");
        }
      }
    }
    if (end == null) {
      return truncated(learner, "the end line is missing", "缺少结束行");
    }
    if (end.path("commands").asInt(-1) != commands.size()) {
      return tampered(learner, "the end line counts other commands", "结束行记的命令数对不上");
    }
    Instant started = instant(header.path("started").asText());
    Instant submitted = instant(end.path("submitted").asText());
    if (started == null || submitted == null) {
      return tampered(learner, "a time is not a valid instant", "有一个时间不是合法的时刻");
    }
    String exercise = header.path("exercise").asText();
    if (!exercise.equals(expected.id())) {
      return new Reading.Rejected(
          learner,
          Flag.FOREIGN,
          new Text(
              "it is a submission for '" + exercise + "', not '" + expected.id() + "'",
              "这是练习 “" + exercise + "” 的提交，不是 “" + expected.id() + "” 的"));
    }
    if (!header.path("exerciseSha256").asText().equals(expected.checksum())) {
      return new Reading.Rejected(
          learner,
          Flag.FOREIGN,
          new Text(
              "it was made for another version of '" + exercise + "' (checksum differs)",
              "它是为 “" + exercise + "” 的另一个版本做的（校验和不同）"));
    }
    return new Reading.Accepted(
        new Submission(
            learner,
            exercise,
            expected.checksum(),
            header.path("backend").asText("sim"),
            started,
            submitted,
            commands));
  }

  private static RecordedCommand command(ObjectNode rec, int seq) {
    Instant at = instant(rec.path("at").asText());
    if (rec.path("seq").asInt() != seq || !rec.path("line").isTextual() || at == null) {
      return null;
    }
    List<TerminalInput> terminal = new ArrayList<>();
    for (JsonNode t : rec.path("terminal")) {
      terminal.add(new TerminalInput(t.path("op").asText(), t.path("text").asText()));
    }
    return new RecordedCommand(
        seq,
        rec.path("line").asText(),
        at,
        rec.path("exit").asInt(),
        rec.path("stdout").asText(),
        rec.path("stderr").asText(),
        rec.path("clipped").asBoolean(),
        terminal);
  }

  private static Reading tampered(String learner, String en, String zh) {
    return new Reading.Rejected(learner, Flag.TAMPERED, new Text(en, zh));
  }

  private static Reading truncated(String learner, String en, String zh) {
    return new Reading.Rejected(learner, Flag.TRUNCATED, new Text(en, zh));
  }

  private static ObjectNode parse(String line) {
    try {
      JsonNode n = Chain.json().readTree(line);
      return n instanceof ObjectNode o ? o : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A learner id safe to use in file names: letters, digits, {@code . _ -} and {@code @}. */
  static String safeId(String claimed, String fallback) {
    String id = claimed.replaceAll("[^A-Za-z0-9._@-]", "_");
    return id.isEmpty() || id.startsWith(".") ? fallback.replaceAll("[^A-Za-z0-9._@-]", "_") : id;
  }
}
