package io.dockerlings.simulator;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * How to build a simulated engine: the host it pretends to run on, its clock and the seed of
 * everything it picks at random (ids, generated names), so that tests are repeatable.
 *
 * @param host the simulated machine
 * @param clock the wall clock; tests pass a fixed or stepping clock
 * @param seed the seed for ids and names
 * @param workspace the host's disk and the real directory behind the learner's home
 * @param language the language of the simulator's own notes (English unless Chinese is asked for);
 *     docker's, busybox's and the kernel's messages are never translated
 */
public record SimulatorOptions(
    HostSpec host, Clock clock, long seed, Workspace workspace, Locale language) {

  public SimulatorOptions {
    Objects.requireNonNull(host);
    Objects.requireNonNull(clock);
    Objects.requireNonNull(workspace);
    Objects.requireNonNull(language);
  }

  /** Options whose notes are in English. */
  public SimulatorOptions(HostSpec host, Clock clock, long seed, Workspace workspace) {
    this(host, clock, seed, workspace, Locale.ENGLISH);
  }

  /** Options with a host kept wholly in memory. */
  public SimulatorOptions(HostSpec host, Clock clock, long seed) {
    this(host, clock, seed, Workspace.inMemory());
  }

  /** The machine this runs on, the system clock, and a seed from the clock. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(HostSpec.detect(), Clock.systemUTC(), System.nanoTime());
  }

  public SimulatorOptions withHost(HostSpec newHost) {
    return new SimulatorOptions(newHost, clock, seed, workspace, language);
  }

  public SimulatorOptions withClock(Clock newClock) {
    return new SimulatorOptions(host, newClock, seed, workspace, language);
  }

  public SimulatorOptions withSeed(long newSeed) {
    return new SimulatorOptions(host, clock, newSeed, workspace, language);
  }

  public SimulatorOptions withWorkspace(Workspace newWorkspace) {
    return new SimulatorOptions(host, clock, seed, newWorkspace, language);
  }

  /** The same options with the simulator's notes in {@code newLanguage} (en or zh-CN). */
  public SimulatorOptions withLanguage(Locale newLanguage) {
    return new SimulatorOptions(host, clock, seed, workspace, newLanguage);
  }
}
