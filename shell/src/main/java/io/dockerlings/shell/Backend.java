package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.EngineSnapshot;
import java.util.List;
import java.util.Optional;

/** Where docker commands go: the simulator, a real engine, or both side by side. */
interface Backend extends AutoCloseable {
  /** A short name for the prompt: {@code sim}, {@code real}, {@code compare}. */
  String name();

  /** Runs one docker command line, {@code argv.get(0)} being {@code docker}. */
  CommandResult execute(List<String> argv, String stdin);

  /**
   * Runs one docker command typed at the REPL's prompt, where Ctrl-C can be pressed: a backend that
   * can follow a foreground run in real time hands it back as a session ({@link
   * io.dockerlings.simulator.InteractiveSession#foreground()}); the others run it as {@link
   * #execute} does.
   */
  default CommandResult executeFollowing(List<String> argv, String stdin) {
    return execute(argv, stdin);
  }

  /** Runs a line on the machine the engine runs on (simulated for the simulator). */
  CommandResult host(String line);

  /**
   * Runs a line on the simulated host with its docker commands carried out by {@code docker} (the
   * real engine); a backend without a simulated host runs it as {@link #host(String)}.
   */
  default CommandResult host(String line, io.dockerlings.simulator.HostDocker docker) {
    return host(line);
  }

  /**
   * Runs one docker command of a host line: its stdin is the bytes piped or redirected in, or the
   * terminal when empty; its stdout, when not the terminal, also takes bytes (a tar).
   */
  default CommandResult executePiped(
      List<String> argv,
      Optional<byte[]> stdin,
      Optional<java.util.function.Consumer<byte[]>> stdout) {
    return execute(
        argv, stdin.map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(""));
  }

  /**
   * The simulated host shell's current directory, which {@code cd} on a host line changes; empty
   * for a backend without a simulated host.
   */
  default Optional<String> hostDirectory() {
    return Optional.empty();
  }

  /** Completion data: command words after {@code docker}. */
  List<String> commandNames();

  /** Completion data: the flags of a command. */
  List<String> flagNames(String commandWords);

  /** Completion data: container names. */
  List<String> containerNames();

  /** Completion data: image names. */
  List<String> imageNames();

  /** Why this backend cannot run commands now (no engine answers), or empty when it can. */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  /** The state lessons and compare mode look at. */
  EngineSnapshot snapshot();

  /** Starts over with a fresh engine. */
  void reset();

  /**
   * Says the engine's own notes (and compare mode's verdicts) in the language of {@code messages}
   * from now on; docker's own messages never change.
   */
  default void language(Messages messages) {}

  /** Releases the engine; a real engine removes what the session created. */
  @Override
  default void close() {}
}
