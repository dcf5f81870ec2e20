package io.dockerlings.lessons.measure;

import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The model's answer to a prediction: a fresh simulator replays the lesson's setup, the learner's
 * session so far and the step's commands, then the quantity is read from its state. Nothing in the
 * lesson file is trusted as the answer.
 */
public final class Model {
  private Model() {}

  /**
   * Replays and measures.
   *
   * @param host the simulated host of the lesson
   * @param setup the lesson's setup lines
   * @param session the learner's commands since the lesson started
   * @param run the step's commands
   * @param quantity what to read afterwards
   * @return the measured value, or empty when what it names does not exist after the replay
   */
  public static Optional<Value> answer(
      HostSpec host, List<String> setup, Journal session, List<String> run, Quantity quantity) {
    try (DockerSimulator sim = replay(host, setup, session)) {
      Journal journal = session;
      for (String line : run) {
        journal = journal.append(Commands.run(sim, line));
      }
      return quantity.read(State.of(sim, journal), sim);
    }
  }

  /** A fresh simulator on {@code host} with {@code setup} and {@code session} replayed. */
  public static DockerSimulator replay(HostSpec host, List<String> setup, Journal session) {
    DockerSimulator sim = DockerSimulator.create(new SimulatorOptions(host, Clock.systemUTC(), 7L));
    for (String line : setup) {
      Commands.run(sim, line);
    }
    for (Journal.Entry e : session.entries()) {
      Commands.run(sim, e.line(), e.input());
    }
    return sim;
  }
}
