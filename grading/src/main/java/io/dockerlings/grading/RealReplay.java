package io.dockerlings.grading;

import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.RecordedCommand;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.exercises.submission.TerminalInput;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Replays a submission on a real engine's sandbox: the exercise's setup, then every recorded line
 * in order ({@link RealLine}: docker on the engine, host lines on a fresh simulated host with the
 * exercise's seed), within a time limit for the whole submission. When the limit runs out, the
 * sandbox's running containers are killed so that the blocked command returns, and the rest is not
 * run. Lines are paced as the learner typed them: a line starts no sooner after the one before than
 * it did in the recording (at most {@link #MAX_GAP} later), so that a service started in the
 * background has had the time to come up that it had for the learner. Then it waits briefly for the
 * containers' states to settle, so that the checks see what the engine has finished doing.
 */
final class RealReplay {
  /** The longest pause kept between two recorded lines. */
  static final Duration MAX_GAP = Duration.ofSeconds(5);

  private RealReplay() {}

  /**
   * The result of a real replay.
   *
   * @param journal the learner's lines as the engine ran them
   * @param commands each command's outcome ({@code diverged}: a submission recorded on the real
   *     engine ended with another exit status)
   * @param stopped why the replay stopped early, if it did
   */
  record Result(Journal journal, List<CommandOutcome> commands, Optional<Text> stopped) {}

  /** Replays {@code s} on {@code engine}, an empty sandbox, in at most {@code limit}. */
  static Result run(Exercise exercise, Submission s, DockerEngine engine, Duration limit) {
    DockerSimulator host = DockerSimulator.create(exercise.simulatorOptions(Clock.systemUTC()));
    RealLine runner = new RealLine(engine, host);
    long deadline = System.nanoTime() + limit.toNanos();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    List<CommandOutcome> outcomes = new ArrayList<>();
    List<Journal.Entry> journal = new ArrayList<>();
    Optional<Text> stopped = Optional.empty();
    boolean compare = s.backend().equals("real");
    try {
      for (String line : exercise.setup()) {
        if (timed(worker, () -> runner.run(line, List.of()), deadline, engine).isEmpty()) {
          return new Result(new Journal(journal), outcomes, Optional.of(over(limit, 0)));
        }
      }
      Optional<java.time.Instant> previousAt = Optional.empty();
      long previousStart = System.nanoTime();
      for (RecordedCommand c : s.commands()) {
        if (previousAt.isPresent()) {
          pace(Duration.between(previousAt.get(), c.at()), previousStart, deadline);
        }
        previousAt = Optional.of(c.at());
        previousStart = System.nanoTime();
        List<String> typed =
            c.terminal().stream()
                .filter(t -> t.op().equals("send"))
                .map(TerminalInput::text)
                .toList();
        Optional<Journal.Entry> e =
            timed(worker, () -> runner.run(c.line(), typed), deadline, engine);
        if (e.isEmpty()) {
          stopped = Optional.of(over(limit, c.seq()));
          outcomes.add(new CommandOutcome(c.seq(), c.line(), 124, "", false, c.exitCode()));
          break;
        }
        journal.add(e.get());
        boolean diverged = compare && !c.clipped() && e.get().exitCode() != c.exitCode();
        outcomes.add(
            new CommandOutcome(
                c.seq(),
                c.line(),
                e.get().exitCode(),
                Replay.cut(e.get().output()),
                diverged,
                c.exitCode()));
      }
      settle(engine);
      return new Result(new Journal(journal), outcomes, stopped);
    } finally {
      worker.shutdownNow();
    }
  }

  /**
   * Waits until {@code gap} (kept between 0 and {@link #MAX_GAP}) has passed since {@code
   * startedAt} (a {@link System#nanoTime()}), but not past {@code deadline}.
   */
  static void pace(Duration gap, long startedAt, long deadline) {
    long wanted = Math.max(0, Math.min(gap.toNanos(), MAX_GAP.toNanos()));
    long until = Math.min(startedAt + wanted, deadline);
    long left = until - System.nanoTime();
    if (left <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A task's result, or empty when the time ran out (the engine's containers are then killed). */
  private static Optional<Journal.Entry> timed(
      ExecutorService worker,
      java.util.concurrent.Callable<Journal.Entry> task,
      long deadline,
      DockerEngine engine) {
    Future<Journal.Entry> f = worker.submit(task);
    try {
      return Optional.of(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      killRunning(engine);
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
        f.cancel(true);
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a line's runner never throws", e.getCause());
    }
  }

  private static void killRunning(DockerEngine engine) {
    for (String id : engine.execute(List.of("docker", "ps", "-q"), "").stdout().split("\\s+")) {
      if (!id.isBlank()) {
        engine.execute(List.of("docker", "kill", id), "");
      }
    }
  }

  /**
   * Waits until three readings of the containers' states half a second apart agree (at most four
   * seconds), so that a container just dying (an OOM kill, a command that ends) is seen dead: on a
   * loaded machine a memory hog capped with {@code -m} was still running half a second after its
   * start, and two readings agreed before it died.
   */
  private static void settle(DockerEngine engine) {
    List<String> ps = List.of("docker", "ps", "-a", "--format", "{{.Names}} {{.State}}");
    String before = engine.execute(ps, "").stdout();
    int same = 0;
    for (int i = 0; i < 8 && same < 2; i++) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      String now = engine.execute(ps, "").stdout();
      same = now.equals(before) ? same + 1 : 0;
      before = now;
    }
  }

  private static Text over(Duration limit, int seq) {
    return new Text(
        "the real engine's time limit of "
            + limit.toSeconds()
            + " s ran out at command "
            + seq
            + "; its containers were killed and the rest was not run",
        "真实引擎的时限 " + limit.toSeconds() + " 秒在第 " + seq + " 条命令时用完；其容器已被终止，余下的命令没有运行");
  }
}
