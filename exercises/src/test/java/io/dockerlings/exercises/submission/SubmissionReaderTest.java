package io.dockerlings.exercises.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.dockerlings.exercises.Fixtures;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.model.ExerciseLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubmissionReaderTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  static Exercise tiny() {
    return Fixtures.tiny();
  }

  static String sealed(Exercise e, String learner, int commands) {
    Transcript t = new Transcript(learner, e, "sim", T0);
    for (int i = 0; i < commands; i++) {
      t.add(
          "docker run --name c" + i + " busybox",
          T0.plusSeconds(i),
          0,
          "out " + i + "\n",
          "",
          List.of());
    }
    return t.seal(T0.plusSeconds(600));
  }

  private static Reading read(Exercise e, String text) {
    return new SubmissionReader(e).read("file.jsonl", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_sealedTranscript_isAcceptedWithEveryCommand() throws Exception {
    Exercise e = tiny();
    Reading r = read(e, sealed(e, "alice", 3));
    Submission s = assertInstanceOf(Reading.Accepted.class, r).submission();
    assertEquals("alice", s.learner());
    assertEquals(3, s.commands().size());
    assertEquals("docker run --name c2 busybox", s.commands().get(2).line());
  }

  @Test
  void read_terminalInput_roundTrips() throws Exception {
    Exercise e = tiny();
    Transcript t = new Transcript("bob", e, "sim", T0);
    t.add(
        "docker run -it busybox sh",
        T0,
        0,
        "",
        "",
        List.of(TerminalInput.send("ls"), TerminalInput.eof()));
    Submission s = assertInstanceOf(Reading.Accepted.class, read(e, t.seal(T0))).submission();
    assertEquals(
        List.of(TerminalInput.send("ls"), TerminalInput.eof()), s.commands().get(0).terminal());
  }

  @Test
  void read_emptyOrBlank_isEmpty() throws Exception {
    Exercise e = tiny();
    assertEquals(Flag.EMPTY, ((Reading.Rejected) read(e, "")).flag());
    assertEquals(Flag.EMPTY, ((Reading.Rejected) read(e, "\n \n")).flag());
  }

  @Test
  void read_notASubmission_isGarbage() throws Exception {
    Exercise e = tiny();
    assertEquals(Flag.GARBAGE, ((Reading.Rejected) read(e, "hello world\n")).flag());
    assertEquals(Flag.GARBAGE, ((Reading.Rejected) read(e, "{\"type\":\"x\"}\n")).flag());
    byte[] binary = new byte[300];
    new Random(1).nextBytes(binary);
    assertInstanceOf(Reading.Rejected.class, new SubmissionReader(e).read("b.jsonl", binary));
  }

  @Test
  void read_anotherExercise_isForeign() throws Exception {
    Exercise e = tiny();
    Exercise other =
        new ExerciseLoader()
            .load("tiny", (Fixtures.TINY + "\n# v2\n").getBytes(StandardCharsets.UTF_8));
    Reading r = read(e, sealed(other, "carol", 2));
    assertEquals(Flag.FOREIGN, ((Reading.Rejected) r).flag());
    assertEquals("carol", r.learner());
  }

  @Test
  void read_lastLinesCut_isTruncated() throws Exception {
    Exercise e = tiny();
    String full = sealed(e, "dan", 4);
    List<String> lines = full.lines().toList();
    String withoutEnd = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
    assertEquals(Flag.TRUNCATED, ((Reading.Rejected) read(e, withoutEnd)).flag());
    String midLine = full.substring(0, full.length() - 40);
    assertEquals(Flag.TRUNCATED, ((Reading.Rejected) read(e, midLine)).flag());
  }

  @Test
  void read_hostileLearnerId_isMadeSafeForFileNames() throws Exception {
    Exercise e = tiny();
    Reading r = read(e, sealed(e, "../../etc/passwd", 1));
    assertEquals("file", r.learner());
    assertEquals("a_b", SubmissionReader.safeId("a/b", "f"));
  }

  /** Every generated edit of a sealed transcript is caught: 100% over thousands of edits. */
  @Test
  void read_generatedEdits_areAllDetected() throws Exception {
    Exercise e = tiny();
    String full = sealed(e, "erin", 6);
    List<String> lines = new ArrayList<>(full.lines().toList());
    Random random = new Random(42);
    int edits = 0;
    int caught = 0;
    for (int round = 0; round < 3000; round++) {
      List<String> copy = new ArrayList<>(lines);
      switch (round % 5) {
        case 0 -> { // change one character inside one line's JSON text
          int i = random.nextInt(copy.size());
          String l = copy.get(i);
          int at = random.nextInt(l.length());
          char c = l.charAt(at);
          char d = c == 'x' ? 'y' : 'x';
          copy.set(i, l.substring(0, at) + d + l.substring(at + 1));
        }
        case 1 -> { // swap two lines
          int i = random.nextInt(copy.size());
          int j = (i + 1 + random.nextInt(copy.size() - 1)) % copy.size();
          java.util.Collections.swap(copy, i, j);
        }
        case 2 -> copy.remove(random.nextInt(copy.size())); // drop a line
        case 3 -> copy.subList(1 + random.nextInt(copy.size() - 1), copy.size()).clear(); // cut
        default -> { // edit a command's line and fix that line's own hash
          int i = 1 + random.nextInt(copy.size() - 2);
          var node =
              (com.fasterxml.jackson.databind.node.ObjectNode) Chain.json().readTree(copy.get(i));
          node.put("line", "docker run --privileged busybox");
          copy.set(i, Chain.seal(node, node.get("prev").asText()));
        }
      }
      String edited = String.join("\n", copy) + "\n";
      if (edited.equals(full)) {
        continue;
      }
      edits++;
      if (read(e, edited) instanceof Reading.Rejected) {
        caught++;
      }
    }
    assertEquals(edits, caught, "every edit must be detected");
    assertEquals(true, edits > 2900);
  }
}
