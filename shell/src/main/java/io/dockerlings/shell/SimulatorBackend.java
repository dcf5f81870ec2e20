package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.SimulatorOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The in-memory simulator as a backend; {@code reset} replaces it with a fresh one.
 *
 * <p>The engine is built on another thread, from the moment the backend exists or (made with {@link
 * #later}) from {@link #start}, so that the REPL's terminal opens meanwhile; the first call waits
 * for it.
 */
final class SimulatorBackend implements Backend {
  private final Supplier<SimulatorOptions> options;
  private CompletableFuture<DockerSimulator> sim;
  private final java.util.concurrent.atomic.AtomicBoolean starting =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile java.util.Locale language = java.util.Locale.ENGLISH;

  SimulatorBackend(Supplier<SimulatorOptions> options) {
    this(options, true);
  }

  private SimulatorBackend(Supplier<SimulatorOptions> options, boolean now) {
    this.options = options;
    this.sim = new CompletableFuture<>();
    if (now) {
      start();
    }
  }

  /**
   * A backend whose engine is built only from {@link #start} or its first use: the REPL starts it
   * once its first prompt is up, so that on a small machine the build does not delay the prompt.
   */
  static SimulatorBackend later(Supplier<SimulatorOptions> options) {
    return new SimulatorBackend(options, false);
  }

  /** Starts building the engine on a thread of its own, unless it is built or being built. */
  void start() {
    CompletableFuture<DockerSimulator> building = sim;
    if (building.isDone() || !starting.compareAndSet(false, true)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                building.complete(DockerSimulator.create(options.get().withLanguage(language)));
              } catch (RuntimeException | Error e) {
                building.completeExceptionally(e);
              }
            },
            "dockerlings-engine");
    t.setDaemon(true);
    t.start();
  }

  private DockerSimulator sim() {
    start();
    return sim.join();
  }

  /** The simulator now (a reset replaces it), for lessons and the host's files. */
  DockerSimulator simulator() {
    return sim();
  }

  /** Starts over with a fresh engine on {@code host} (a lesson may pin the course's server). */
  void resetOn(io.dockerlings.simulator.HostSpec host) {
    DockerSimulator fresh =
        DockerSimulator.create(options.get().withHost(host).withLanguage(language));
    sim.join().close();
    sim = CompletableFuture.completedFuture(fresh);
  }

  @Override
  public String name() {
    return "sim";
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    return sim().execute(argv, stdin);
  }

  @Override
  public CommandResult executeFollowing(List<String> argv, String stdin) {
    return sim().executeFollowing(argv, stdin);
  }

  @Override
  public CommandResult host(String line) {
    return sim().host(line);
  }

  @Override
  public CommandResult host(String line, io.dockerlings.simulator.HostDocker docker) {
    return sim().host(line, docker);
  }

  @Override
  public Optional<String> hostDirectory() {
    // While the engine is still being built nothing has changed directory: the host's shell is
    // at home, and the first prompt need not wait for the build to say so.
    if (!sim.isDone()) {
      return Optional.of(io.dockerlings.simulator.Workspace.HOME);
    }
    return Optional.of(sim().hostDirectory());
  }

  @Override
  public List<String> commandNames() {
    return sim().commandNames();
  }

  @Override
  public List<String> flagNames(String commandWords) {
    return sim().flagNames(commandWords);
  }

  @Override
  public List<String> containerNames() {
    return sim().containerNames();
  }

  @Override
  public List<String> imageNames() {
    return sim().imageNames();
  }

  @Override
  public EngineSnapshot snapshot() {
    return sim().snapshot();
  }

  /** Starts over with a fresh engine built with {@code given} (an exercise's host and seed). */
  void reset(SimulatorOptions given) {
    sim = CompletableFuture.completedFuture(DockerSimulator.create(given.withLanguage(language)));
  }

  /** The engine itself, for checks that read its state. */
  DockerSimulator engine() {
    return sim();
  }

  @Override
  public void reset() {
    sim =
        CompletableFuture.completedFuture(
            DockerSimulator.create(options.get().withLanguage(language)));
  }

  @Override
  public void language(Messages messages) {
    java.util.Locale l = messages.locale();
    language = l;
    // An engine still being built takes the language when it is ready.
    sim.thenAccept(s -> s.language(l));
  }
}
