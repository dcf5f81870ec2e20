package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.check.CheckRunner;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.Submission;
import io.dockerlings.simulator.DockerEngine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Grading on a real engine: one submission at a time (container names, networks, volumes and host
 * ports are the engine's, shared by all), each in its own sandbox labelled {@code grade-<run>-<n>},
 * replayed within a time limit, checked, and removed afterwards whatever happened.
 */
final class RealGrading implements AutoCloseable {
  private final RealEngines engines;
  private final Duration limit;
  private final String run;
  private final ReentrantLock one = new ReentrantLock();
  private int next;
  private DockerEngine open;

  /**
   * @param engines opens sandboxes on the engine
   * @param limit the time one submission may take on the engine
   * @param run a token naming this grading run in the sandboxes' labels
   */
  RealGrading(RealEngines engines, Duration limit, String run) {
    this.engines = engines;
    this.limit = limit;
    this.run = run;
  }

  /**
   * What a submission did on the engine and what its checks found there.
   *
   * @param replay the replay's journal, commands and early stop
   * @param checks every check's result on the engine
   */
  record Outcome(RealReplay.Result replay, List<CheckResult> checks) {}

  /** Replays and checks {@code s} in a fresh sandbox, which is removed before this returns. */
  Outcome grade(Exercise exercise, Submission s) throws RealEngines.Unavailable {
    one.lock();
    try {
      DockerEngine opened = engines.open("grade-" + run + "-" + (++next));
      DockerEngine engine = new SandboxEngine(opened);
      synchronized (this) {
        open = opened;
      }
      try {
        RealReplay.Result r = RealReplay.run(exercise, s, engine, limit);
        return new Outcome(r, CheckRunner.run(exercise, engine, r.journal()));
      } finally {
        synchronized (this) {
          open = null;
        }
        opened.close();
      }
    } finally {
      one.unlock();
    }
  }

  /** Images the exercise needs that the engine does not have (probed in a sandbox of its own). */
  List<String> missingImages(Exercise exercise) throws RealEngines.Unavailable {
    one.lock();
    try (DockerEngine probe = engines.open("grade-" + run + "-probe")) {
      return NeededImages.missing(exercise, probe);
    } finally {
      one.unlock();
    }
  }

  /** Removes the sandbox in use, if any: for a grading run stopped half way. */
  @Override
  public void close() {
    DockerEngine engine;
    synchronized (this) {
      engine = open;
      open = null;
    }
    Optional.ofNullable(engine).ifPresent(DockerEngine::close);
  }
}
