package io.dockerlings.grading;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.ForwardingDockerEngine;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator standing in for a real engine's sandbox in tests: it counts closes, and a {@code
 * docker wait} blocks until a {@code docker kill} arrives, as a foreground command blocks a real
 * engine.
 */
class StandInEngine extends ForwardingDockerEngine {
  final DockerSimulator sim;
  final AtomicInteger closed = new AtomicInteger();
  private final CountDownLatch killed = new CountDownLatch(1);

  StandInEngine() {
    this(DockerSimulator.create());
  }

  private StandInEngine(DockerSimulator sim) {
    super(sim);
    this.sim = sim;
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    if (argv.size() > 1 && argv.get(1).equals("wait")) {
      try {
        killed.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return CommandResult.of(137, "137\n", "");
    }
    if (argv.size() > 1 && argv.get(1).equals("kill")) {
      killed.countDown();
    }
    return sim.execute(argv, stdin);
  }

  @Override
  public void close() {
    closed.incrementAndGet();
  }
}
