package io.dockerlings.grading;

import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.model.WrongAttempt;
import io.dockerlings.exercises.submission.Transcript;
import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.DockerSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a class of submissions as an instructor would collect them, {@code DIR/<exercise>/}:
 * correct, partial, wrong, tampered, truncated, empty, garbage and another exercise's.
 */
final class ClassGenerator {
  static final List<String> EXERCISES = List.of("web-on-8080", "oom-cap", "private-registry");
  static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  private ClassGenerator() {}

  /** A sealed submission of {@code lines}, recorded as the REPL records them. */
  static String record(Exercise e, String learner, List<String> lines, Instant start) {
    ReplayClock clock = new ReplayClock(start);
    DockerSimulator sim = DockerSimulator.create(e.simulatorOptions(clock));
    for (String line : e.setup()) {
      Commands.run(sim, line);
    }
    Transcript t = new Transcript(learner, e, "sim", start);
    Instant at = start;
    for (String line : lines) {
      at = at.plusSeconds(25);
      clock.advanceTo(at);
      Journal.Entry r = Commands.run(sim, line);
      t.add(line, at, r.exitCode(), r.output(), "", List.of());
    }
    return t.seal(at.plusSeconds(30));
  }

  /** Writes the class into {@code dir}; returns how many files were written. */
  static int generate(Path dir) throws IOException {
    Catalog catalog = Catalog.shipped();
    Random random = new Random(2026);
    int n = 0;
    for (int i = 0; i < EXERCISES.size(); i++) {
      Exercise e = catalog.find(EXERCISES.get(i)).orElseThrow();
      Exercise next = catalog.find(EXERCISES.get((i + 1) % EXERCISES.size())).orElseThrow();
      Path d = Files.createDirectories(dir.resolve(e.id()));
      List<String[]> files = new ArrayList<>();
      int correct = i == 0 ? 4 : 3;
      for (int c = 0; c < correct; c++) {
        String who = learner(++n);
        files.add(new String[] {who, record(e, who, e.solution(), T0.plusSeconds(n * 60L))});
      }
      List<String> ref = e.solution();
      String who = learner(++n);
      files.add(new String[] {who, record(e, who, ref.subList(0, ref.size() - 1), T0)});
      who = learner(++n);
      files.add(new String[] {who, record(e, who, ref.subList(1, ref.size()), T0)});
      for (WrongAttempt w : e.wrong()) {
        who = learner(++n);
        files.add(new String[] {who, record(e, who, w.commands(), T0.plusSeconds(n * 60L))});
      }
      who = learner(++n);
      String good = record(e, who, e.solution(), T0);
      files.add(
          new String[] {who, good.replaceFirst("\"exit\":\\d+", "\"exit\":0,\"note\":\"fixed\"")});
      who = learner(++n);
      String cut = record(e, who, e.solution(), T0);
      files.add(new String[] {who, cut.substring(0, cut.length() / 2)});
      files.add(new String[] {learner(++n), ""});
      String junk = learner(++n);
      // Garbage of three kinds: a shell history, JSON of another shape, random bytes (below).
      List<String> garbage =
          List.of(
              "docker run -d --name web -p 8080:80 nginx\ncurl localhost:8080\n",
              "{\"score\": 100, \"learner\": \"" + junk + "\"}\n",
              "");
      files.add(new String[] {junk, garbage.get(i)});
      who = learner(++n);
      files.add(new String[] {who, record(next, who, next.solution(), T0)});
      for (String[] f : files) {
        Files.writeString(d.resolve(f[0] + ".jsonl"), f[1], StandardCharsets.UTF_8);
      }
      if (i == 2) {
        byte[] noise = new byte[400];
        random.nextBytes(noise);
        noise[0] = 'x';
        Files.write(d.resolve(junk + ".jsonl"), noise);
      }
    }
    return n;
  }

  private static String learner(int n) {
    return String.format("s%02d", n);
  }
}
