package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.Reading;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.exercises.submission.SubmissionReader;
import io.dockerlings.exercises.submission.TerminalInput;
import io.dockerlings.exercises.submission.Transcript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing a real replay as the learner typed, with a simulator standing in for the engine. */
class RealReplayTest {
  private final Exercise web = GradingFixtures.web();

  /** A submission whose lines were typed {@code gap} apart. */
  private Submission typed(Duration gap, List<String> lines) {
    Transcript t = new Transcript("amy", web, "real", GradingFixtures.T0);
    Instant at = GradingFixtures.T0;
    for (String line : lines) {
      t.add(line, at, 0, "", "", List.<TerminalInput>of());
      at = at.plus(gap);
    }
    String text = t.seal(at);
    Reading r = new SubmissionReader(web).read("amy.jsonl", text.getBytes(StandardCharsets.UTF_8));
    return ((Reading.Accepted) r).submission();
  }

  private static double seconds(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  @Test
  void run_linesTypedApart_startNoSoonerThanTheyWereTyped() {
    List<String> lines = List.of("docker ps", "docker ps -a", "docker images");
    RealReplay.Result[] out = new RealReplay.Result[1];
    double took =
        seconds(
            () ->
                out[0] =
                    RealReplay.run(
                        web,
                        typed(Duration.ofMillis(700), lines),
                        new StandInEngine(),
                        Duration.ofSeconds(30)));
    assertEquals(3, out[0].commands().size());
    assertTrue(took >= 1.4, "two gaps of 0.7 s kept, took " + took + " s");
  }

  @Test
  void run_linesTypedTogether_orMinutesApart_waitNoMoreThanTheCap() {
    List<String> lines = List.of("docker ps", "docker ps -a");
    double together =
        seconds(
            () ->
                RealReplay.run(
                    web, typed(Duration.ZERO, lines), new StandInEngine(), Duration.ofSeconds(30)));
    assertTrue(together < 1.0 + 2.0, "no pause asked for, took " + together + " s");
    double capped =
        seconds(
            () ->
                RealReplay.run(
                    web,
                    typed(Duration.ofMinutes(10), lines),
                    new StandInEngine(),
                    Duration.ofSeconds(30)));
    assertTrue(capped >= RealReplay.MAX_GAP.toSeconds() - 0.1, "took " + capped + " s");
    assertTrue(capped < RealReplay.MAX_GAP.toSeconds() + 3, "took " + capped + " s");
  }

  @Test
  void pace_neverWaitsPastTheDeadline() {
    long now = System.nanoTime();
    double took =
        seconds(
            () ->
                RealReplay.pace(
                    Duration.ofSeconds(5), now, now + Duration.ofMillis(200).toNanos()));
    assertTrue(took < 1.0, "took " + took + " s");
  }
}
