package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.measure.Quantity;
import io.dockerlings.lessons.measure.Value;
import io.dockerlings.lessons.picture.CpuPicture;
import io.dockerlings.lessons.picture.CpuSampler;
import io.dockerlings.lessons.picture.Pictures;
import io.dockerlings.lessons.picture.Style;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a demo step by step on its own clean engines: the model (a fresh simulator) always, a real
 * engine when one is switched on. Each step's commands run on both; a picture is drawn; a predict
 * step's quantity is read on both and the engine's measurement checked against the model's value.
 * Going back to a step reruns it on fresh engines after replaying the steps before it, so what is
 * left over from a run never changes the result.
 */
public final class DemoRun implements AutoCloseable {
  /** Where the engines come from: a fresh one for every start. */
  public interface Engines {
    /** A fresh simulator on the demo's host ({@code default} or {@code course-server}). */
    DockerEngine model(String host);

    /** A real engine with nothing of this session's in it, or empty when none answers. */
    Optional<DockerEngine> engine();
  }

  /** Told about each reading of the engine's CPU use while it is sampled. */
  public interface Listener {
    /** A reading was taken: {@code n} of {@code of}, with the numbers so far. */
    void sampled(CpuPicture.Readings readings, int n, int of);
  }

  /**
   * What one engine did in a step.
   *
   * @param results the commands' results, in order
   * @param value the quantity read after them, for a predict step
   * @param picture the picture drawn after them
   */
  public record Side(List<CommandResult> results, Optional<Value> value, Optional<String> picture) {
    public Side {
      results = List.copyOf(results);
    }
  }

  /**
   * One step's run.
   *
   * @param step the step
   * @param model what the model did
   * @param engine what the real engine did, when it was on
   */
  public record StepResult(DemoStep step, Side model, Optional<Side> engine) {
    /** Whether the engine's measurement lies within the step's tolerance of the model's value. */
    public Optional<Boolean> agrees() {
      if (engine.isEmpty() || model.value().isEmpty() || engine.get().value().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(step.tolerance().agrees(engine.get().value().get(), model.value().get()));
    }
  }

  private final Demo demo;
  private final Engines engines;
  private final int samples;
  private final List<Optional<StepResult>> results = new ArrayList<>();
  private DockerEngine model;
  private Optional<DockerEngine> engine = Optional.empty();
  private boolean engineWanted;
  private int done;

  /**
   * @param samples how many times a real engine's CPU use is read for a CPU quantity or picture
   */
  public DemoRun(Demo demo, Engines engines, boolean withEngine, int samples) {
    this.demo = demo;
    this.engines = engines;
    this.samples = Math.max(1, samples);
    this.engineWanted = withEngine;
    demo.steps().forEach(s -> results.add(Optional.empty()));
    restart();
  }

  public Demo demo() {
    return demo;
  }

  /** How many steps have run since the last fresh start. */
  public int done() {
    return done;
  }

  /** Whether a real engine runs the steps too. */
  public boolean engineOn() {
    return engine.isPresent();
  }

  /** The last run of each step, if it ran. */
  public List<Optional<StepResult>> results() {
    return List.copyOf(results);
  }

  /**
   * Switches the real engine on or off. Switched on, it gets a fresh engine on which the steps run
   * so far are replayed; false when it was asked for and none answers.
   */
  public boolean engine(boolean on) {
    engineWanted = on;
    if (!on) {
      engine.ifPresent(DockerEngine::close);
      engine = Optional.empty();
      return true;
    }
    if (engine.isPresent()) {
      return true;
    }
    engine = engines.engine();
    if (engine.isEmpty()) {
      engineWanted = false;
      return false;
    }
    silently(engine.get(), demo.setup());
    for (int i = 0; i < done; i++) {
      silently(engine.get(), demo.steps().get(i).commands());
    }
    return true;
  }

  /** Runs step {@code index} (0-based), first starting afresh when it is not the next one. */
  public StepResult run(int index, Style style, Listener listener) {
    if (index != done) {
      restart();
      for (int i = 0; i < index; i++) {
        DemoStep s = demo.steps().get(i);
        silently(model, s.commands());
        engine.ifPresent(e -> silently(e, s.commands()));
      }
      done = index;
    }
    DemoStep step = demo.steps().get(index);
    List<CommandResult> modelResults = runAll(model, step.commands());
    Optional<List<CommandResult>> engineResults = engine.map(e -> runAll(e, step.commands()));
    boolean cpu =
        step.measure().map(Measure::sampled).orElse(false)
            || step.picture().map(p -> p.get(0).equals("cpu")).orElse(false);
    Optional<Value> modelValue = Optional.empty();
    Optional<Value> engineValue = Optional.empty();
    Optional<String> modelPicture = Optional.empty();
    Optional<String> enginePicture = Optional.empty();
    if (cpu) {
      CpuSampler sampler = new CpuSampler(Optional.of(model), engine);
      for (int i = 0; i < samples && sampler.sample(); i++) {
        listener.sampled(sampler.current(), i + 1, samples);
      }
      if (step.measure().isPresent() && Measure.sampled(step.measure().get())) {
        modelValue = Optional.of(cpuValue(step.measure().get(), sampler, true));
        if (engine.isPresent()) {
          engineValue = Optional.of(cpuValue(step.measure().get(), sampler, false));
        }
      }
      if (step.picture().map(p -> p.get(0).equals("cpu")).orElse(false)) {
        modelPicture = Optional.of(CpuPicture.render(sampler.current(), style));
      }
    }
    if (step.measure().isPresent() && !Measure.sampled(step.measure().get())) {
      Quantity m = step.measure().get();
      modelValue = Optional.of(Measure.read(m, model, modelResults));
      if (engine.isPresent()) {
        engineValue = Optional.of(Measure.read(m, engine.get(), engineResults.orElseThrow()));
      }
    }
    if (step.picture().isPresent() && !step.picture().get().get(0).equals("cpu")) {
      modelPicture = picture(model, step.picture().get(), style);
      if (engine.isPresent()) {
        enginePicture = picture(engine.get(), step.picture().get(), style);
      }
    }
    Side modelSide = new Side(modelResults, modelValue, modelPicture);
    Optional<Side> engineSide = Optional.empty();
    if (engineResults.isPresent()) {
      engineSide = Optional.of(new Side(engineResults.get(), engineValue, enginePicture));
    }
    StepResult r = new StepResult(step, modelSide, engineSide);
    results.set(index, Optional.of(r));
    done = index + 1;
    return r;
  }

  private static Optional<String> picture(DockerEngine on, List<String> args, Style style) {
    Pictures.Drawn d = Pictures.show(args, on, Optional.empty(), 0, style);
    return Optional.of(d.text());
  }

  private static Value cpuValue(Quantity m, CpuSampler sampler, boolean fromModel) {
    double of = read(sampler, m.args().get("name"), fromModel);
    if (m.kind().equals("cpu-percent")) {
      return Value.of(of);
    }
    double to = read(sampler, m.args().get("to"), fromModel);
    return to <= 0 ? Value.of("-") : Value.of(of / to);
  }

  private static double read(CpuSampler sampler, String container, boolean fromModel) {
    return (fromModel ? sampler.modelValue(container) : sampler.engineMean(container)).orElse(0.0);
  }

  /** Starts afresh: new engines, the setup run silently, no step done. */
  private void restart() {
    if (model != null) {
      model.close();
    }
    model = engines.model(demo.host());
    silently(model, demo.setup());
    engine.ifPresent(DockerEngine::close);
    engine = engineWanted ? engines.engine() : Optional.empty();
    engine.ifPresent(e -> silently(e, demo.setup()));
    done = 0;
  }

  private static void silently(DockerEngine on, List<DemoCommand> commands) {
    runAll(on, commands);
  }

  private static List<CommandResult> runAll(DockerEngine on, List<DemoCommand> commands) {
    List<CommandResult> out = new ArrayList<>();
    for (DemoCommand c : commands) {
      out.add(on.execute(c.argv(), c.stdin()));
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
    engine.ifPresent(DockerEngine::close);
  }
}
