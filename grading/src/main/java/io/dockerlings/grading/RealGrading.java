package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.check.CheckRunner;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.simulator.DockerEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Grading on a real engine: each submission in its own sandbox labelled {@code grade-<run>-<n>},
 * whose container, network and volume names are its own (the engine calls them {@code
 * dl-grade-<run>-<n>.web}), replayed within a time limit, checked, and removed afterwards whatever
 * happened. Its host ports and image tags are its own too ({@code -p 5000:5000} is a free port of
 * the engine's, {@code app} is {@code dl-grade-<run>-<n>.app}). Submissions run side by side, as
 * many as the grading threads, except those that use what a session's scope cannot separate (a host
 * port range, a subnet, {@code load}, a pull from a registry elsewhere: {@link EngineWide}): each
 * of those runs alone on the engine, with no other submission beside it.
 */
final class RealGrading implements AutoCloseable {
  private final RealEngines engines;
  private final Duration limit;
  private final GradingLimits limits;
  private final String run;
  private final ReentrantReadWriteLock engineWide = new ReentrantReadWriteLock(true);
  private final AtomicInteger next = new AtomicInteger();
  private final Set<DockerEngine> open = new LinkedHashSet<>();

  /**
   * @param engines opens sandboxes on the engine
   * @param limit the time one submission may take on the engine
   * @param run a token naming this grading run in the sandboxes' labels
   * @param limits the resource ceilings on every container a submission creates
   */
  RealGrading(RealEngines engines, Duration limit, String run, GradingLimits limits) {
    this.engines = engines;
    this.limit = limit;
    this.run = run;
    this.limits = limits;
  }

  /** The same with the default ceilings. */
  RealGrading(RealEngines engines, Duration limit, String run) {
    this(engines, limit, run, GradingLimits.DEFAULTS);
  }

  /**
   * What a submission did on the engine and what its checks found there.
   *
   * @param replay the replay's journal, commands and early stop
   * @param checks every check's result on the engine
   * @param stoppedByCeiling the containers the sandbox's memory ceiling OOM-killed
   */
  record Outcome(
      RealReplay.Result replay, List<CheckResult> checks, List<String> stoppedByCeiling) {}

  /** The ceilings this grading run puts on each submission's containers. */
  GradingLimits limits() {
    return limits;
  }

  /**
   * Replays and checks {@code s} in a fresh sandbox, which is removed before this returns. Safe to
   * call from several threads at once.
   */
  Outcome grade(Exercise exercise, Submission s) throws RealEngines.Unavailable {
    List<String> lines = new ArrayList<>(exercise.setup());
    s.commands().forEach(c -> lines.add(c.line()));
    Lock turn = EngineWide.uses(lines) ? engineWide.writeLock() : engineWide.readLock();
    turn.lock();
    try {
      RealEngines.Opened sandbox =
          engines.open("grade-" + run + "-" + next.incrementAndGet(), limits);
      DockerEngine opened = sandbox.engine();
      DockerEngine engine = new SandboxEngine(opened);
      synchronized (open) {
        open.add(opened);
      }
      try {
        RealReplay.Result r = RealReplay.run(exercise, s, engine, limit);
        List<CheckResult> checks = CheckRunner.run(exercise, engine, r.journal());
        return new Outcome(r, checks, sandbox.stoppedByMemoryCeiling().get());
      } finally {
        synchronized (open) {
          open.remove(opened);
        }
        opened.close();
      }
    } finally {
      turn.unlock();
    }
  }

  /** Images the exercise needs that the engine does not have (probed in a sandbox of its own). */
  List<String> missingImages(Exercise exercise) throws RealEngines.Unavailable {
    try (DockerEngine probe = engines.open("grade-" + run + "-probe", limits).engine()) {
      return NeededImages.missing(exercise, probe);
    }
  }

  /** Removes the sandboxes in use, if any: for a grading run stopped half way. */
  @Override
  public void close() {
    List<DockerEngine> engines;
    synchronized (open) {
      engines = new ArrayList<>(open);
      open.clear();
    }
    engines.forEach(DockerEngine::close);
  }
}
