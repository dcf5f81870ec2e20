package io.dockerlings.lessons.picture;

import io.dockerlings.simulator.DockerEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the CPU picture's numbers: the model's once (the simulator's shares are exact), the real
 * engine's one {@code docker stats} reading at a time, so a presenter can redraw the bars after
 * each reading while the busy containers run.
 */
public final class CpuSampler {
  private final Optional<EngineView> model;
  private final Optional<EngineView> engine;
  private final Map<String, Double> modelPercent;
  private final List<EngineView.Container> containers;
  private final int cpus;
  private final Map<String, Double> engineSum = new LinkedHashMap<>();
  private int readings;

  /**
   * @param model the simulator, drawn in the model's colour; empty in real mode
   * @param engine a real engine, read by {@link #sample}; empty without one
   */
  public CpuSampler(Optional<DockerEngine> model, Optional<DockerEngine> engine) {
    this.model = model.map(EngineView::new);
    this.engine = engine.map(EngineView::new);
    EngineView names = this.model.or(() -> this.engine).orElseThrow();
    this.containers =
        names.containers().stream().filter(c -> c.status().equals("running")).toList();
    this.modelPercent = this.model.map(EngineView::cpuPercent).orElse(Map.of());
    this.cpus = names.cpus();
  }

  /** Takes one reading of the engine's CPU use (about 2 s on a real engine); false without one. */
  public boolean sample() {
    if (engine.isEmpty()) {
      return false;
    }
    engine.get().cpuPercent().forEach((k, v) -> engineSum.merge(k, v, Double::sum));
    readings++;
    return true;
  }

  /** How many engine readings were taken. */
  public int readings() {
    return readings;
  }

  /** The numbers so far: the model's shares and the mean of the engine's readings. */
  public CpuPicture.Readings current() {
    List<CpuPicture.Row> rows = new ArrayList<>();
    for (EngineView.Container c : containers) {
      Optional<Double> measured =
          readings == 0
              ? Optional.empty()
              : Optional.of(engineSum.getOrDefault(c.name(), 0.0) / readings);
      double predicted =
          model.isPresent() ? modelPercent.getOrDefault(c.name(), 0.0) : measured.orElse(0.0);
      rows.add(
          new CpuPicture.Row(
              c.name(), c.cpuShares(), c.nanoCpus(), c.cpuset(), predicted, measured));
    }
    return new CpuPicture.Readings(cpus, rows, model.isPresent() ? readings : 0);
  }

  /** The mean engine reading of one container so far, if the engine was read. */
  public Optional<Double> engineMean(String container) {
    return readings == 0
        ? Optional.empty()
        : Optional.of(engineSum.getOrDefault(container, 0.0) / readings);
  }

  /** The model's reading of one container, if there is a model. */
  public Optional<Double> modelValue(String container) {
    return model.map(m -> modelPercent.getOrDefault(container, 0.0));
  }
}
