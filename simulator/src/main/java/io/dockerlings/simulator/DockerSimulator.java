package io.dockerlings.simulator;

import io.dockerlings.simulator.engine.Engine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated Docker engine and its docker CLI: the one public entry point of this module.
 *
 * <p>Each instance is an independent engine that starts with {@code busybox:latest} present, as the
 * course's real engine does. Commands run at once, in simulated time; a failed command leaves the
 * engine unchanged. Instances are not thread-safe: one learner, one engine.
 */
public final class DockerSimulator implements DockerEngine {
  private final Engine engine;

  private DockerSimulator(SimulatorOptions options) {
    this.engine = new Engine(options);
  }

  /** An engine on a host like this machine, on the system clock. */
  public static DockerSimulator create() {
    return create(SimulatorOptions.defaults());
  }

  /** An engine with the given host, clock and seed. */
  public static DockerSimulator create(SimulatorOptions options) {
    return new DockerSimulator(Objects.requireNonNull(options));
  }

  /**
   * Runs one docker command.
   *
   * @param argv the words of the command line, {@code argv.get(0)} being {@code "docker"}
   * @param stdin what is piped into the command ({@code docker load}, {@code login
   *     --password-stdin}); empty when nothing is
   * @return what the docker CLI would print and return; never throws for bad input
   */
  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    return guarded(() -> engine.execute(List.copyOf(argv), stdin == null ? "" : stdin));
  }

  /**
   * Runs one docker command whose stdin is not a terminal (a pipe, a file, {@code /dev/null}), as
   * in a script: {@code run -it} and {@code exec -it} are refused as the CLI refuses them.
   *
   * @param stdin what the command reads; empty for {@code /dev/null}
   */
  public CommandResult executeWithoutTerminal(List<String> argv, String stdin) {
    return guarded(() -> engine.execute(List.copyOf(argv), stdin == null ? "" : stdin, false));
  }

  /**
   * Runs one docker command typed at a live terminal, where the learner can press Ctrl-C: as {@link
   * #execute(List, String)}, but a foreground run without {@code -t} ({@code docker run}, {@code
   * start -a}) still running after the simulator's bounded look comes back with a session that
   * follows it in real time ({@link InteractiveSession#foreground()}). Scripts, lessons and replays
   * use {@link #execute(List, String)}, which stays deterministic.
   */
  public CommandResult executeFollowing(List<String> argv, String stdin) {
    return guarded(() -> engine.executeFollowing(List.copyOf(argv), stdin == null ? "" : stdin));
  }

  /** Runs one docker command with nothing on stdin. */
  public CommandResult execute(List<String> argv) {
    return execute(argv, "");
  }

  /**
   * Runs one line in the simulated host's shell: its files (where bind mounts live), {@code curl}
   * to published ports, {@code iptables -t nat -L}, {@code systemctl restart docker} after editing
   * {@code /etc/docker/daemon.json}.
   */
  public CommandResult host(String line) {
    return guarded(() -> engine.hostCommand(line == null ? "" : line));
  }

  /**
   * Runs one line in the simulated host's shell, as {@link #host(String)} does, with the docker
   * commands in it carried out by {@code docker} (a real engine) instead of this simulator.
   */
  public CommandResult host(String line, HostDocker docker) {
    Objects.requireNonNull(docker);
    return guarded(() -> engine.hostCommand(line == null ? "" : line, docker));
  }

  /**
   * Runs one command with the last line of defence: a fault of the simulator itself (a defect, a
   * stack or heap exhausted despite the simulated kernel's bounds) is reported in one line and
   * never reaches the learner's session as a stack trace.
   */
  private CommandResult guarded(java.util.function.Supplier<CommandResult> command) {
    try {
      return command.get();
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return CommandResult.of(1, "", Faults.line(e, engine.notes().locale()));
    }
  }

  /** The simulated host shell's current directory ({@code cd} on a host line changes it). */
  public String hostDirectory() {
    return engine.hostCwd();
  }

  /**
   * Copies a real file or directory, named by the learner, into the simulated host at {@code
   * hostPath} (relative to the host's current directory): the one way a real file from outside the
   * workspace gets in. Bounded by the host's disk and the single-file size.
   *
   * @throws java.io.IOException when the real file cannot be read
   * @throws io.dockerlings.simulator.fs.FsException when the host refuses it (no space, no dir)
   */
  public void importFile(java.nio.file.Path real, String hostPath) throws java.io.IOException {
    engine.importFile(real, hostPath);
  }

  /**
   * The real file behind a path of the simulated host, when it lies in the workspace; empty for
   * paths that exist only in the simulated host's memory (or lead out of the workspace).
   */
  public java.util.Optional<java.nio.file.Path> realPath(String hostPath) {
    return engine.realPath(hostPath);
  }

  /** The top-level command words ({@code run}, {@code ps}, {@code image}...), for completion. */
  @Override
  public List<String> commandNames() {
    return engine.commandNames();
  }

  /** The flags ({@code --all}, {@code -a}) of a command given by its words after docker. */
  @Override
  public List<String> flagNames(String commandWords) {
    return engine.flagNames(commandWords);
  }

  /** The names of all containers, for completion. */
  @Override
  public List<String> containerNames() {
    return engine.containerNames();
  }

  /** The {@code repository:tag} names of all images, for completion. */
  @Override
  public List<String> imageNames() {
    return engine.imageNames();
  }

  /** The simulated host. */
  public HostSpec host() {
    return engine.host();
  }

  @Override
  public Optional<HostSpec> hostSpec() {
    return Optional.of(engine.host());
  }

  @Override
  public EngineSnapshot snapshot() {
    return engine.snapshot();
  }

  /** Reads the file from the container's filesystem in any state, running nothing. */
  @Override
  public Optional<String> readFile(String container, String path) {
    return engine.reads().containerFile(container, path);
  }

  @Override
  public Optional<String> readVolumeFile(String volume, String path) {
    return engine.reads().volumeFile(volume, path);
  }

  @Override
  public Optional<String> readHostFile(String path) {
    return engine.reads().hostFile(path);
  }

  @Override
  public Optional<List<String>> diff(String container) {
    return engine.reads().diff(container);
  }

  @Override
  public Optional<Integer> layerOf(String image, String path) {
    return engine.reads().layerOf(image, path);
  }

  @Override
  public Optional<List<String>> registryTags(String registry, String repository) {
    return engine.reads().registryTags(registry, repository);
  }

  /**
   * Says the simulator's own notes in {@code language} (English or Simplified Chinese) from the
   * next command on, as the learner's {@code lang} asks; docker's own messages never change.
   */
  public void language(java.util.Locale language) {
    engine.language(Objects.requireNonNull(language));
  }

  /** The language of the simulator's own notes. */
  public java.util.Locale language() {
    return engine.notes().locale();
  }
}
