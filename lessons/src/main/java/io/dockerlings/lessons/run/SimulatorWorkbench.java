package io.dockerlings.lessons.run;

import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.util.List;

/** A workbench on a simulator of its own: what the self-test, validation and tests use. */
public final class SimulatorWorkbench implements Workbench {
  private DockerSimulator sim;

  public SimulatorWorkbench(HostSpec host) {
    reset(host);
  }

  @Override
  public DockerEngine engine() {
    return sim;
  }

  /** The simulator itself. */
  public DockerSimulator simulator() {
    return sim;
  }

  @Override
  public Journal.Entry run(String line, List<String> input) {
    return Commands.run(sim, line, input);
  }

  @Override
  public void reset(HostSpec host) {
    if (sim != null) {
      sim.close();
    }
    sim = DockerSimulator.create(SimulatorOptions.defaults().withHost(host).withSeed(7L));
  }
}
