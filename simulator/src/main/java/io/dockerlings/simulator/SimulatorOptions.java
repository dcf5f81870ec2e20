package io.dockerlings.simulator;

import java.time.Clock;
import java.util.Objects;

/**
 * How to build a simulated engine: the host it pretends to run on, its clock and the seed of
 * everything it picks at random (ids, generated names), so that tests are repeatable.
 *
 * @param host the simulated machine
 * @param clock the wall clock; tests pass a fixed or stepping clock
 * @param seed the seed for ids and names
 */
public record SimulatorOptions(HostSpec host, Clock clock, long seed) {

  public SimulatorOptions {
    Objects.requireNonNull(host);
    Objects.requireNonNull(clock);
  }

  /** The machine this runs on, the system clock, and a seed from the clock. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(HostSpec.detect(), Clock.systemUTC(), System.nanoTime());
  }

  public SimulatorOptions withHost(HostSpec newHost) {
    return new SimulatorOptions(newHost, clock, seed);
  }

  public SimulatorOptions withClock(Clock newClock) {
    return new SimulatorOptions(host, newClock, seed);
  }

  public SimulatorOptions withSeed(long newSeed) {
    return new SimulatorOptions(host, clock, newSeed);
  }
}
