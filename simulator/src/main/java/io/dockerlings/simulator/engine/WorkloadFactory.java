package io.dockerlings.simulator.engine;

import java.time.Instant;

/** Starts the processes of a container: its PID 1, and later {@code exec} processes. */
interface WorkloadFactory {
  /**
   * Starts PID 1 of {@code c} at time {@code at}.
   *
   * @throws Failure when the command cannot be executed (not found, not executable), worded as the
   *     OCI runtime words it; the container is then left as it was
   */
  Workload start(Container c, Instant at);
}
