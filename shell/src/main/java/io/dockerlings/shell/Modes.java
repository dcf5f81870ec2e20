package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.EngineSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backend the learner chose with {@code mode sim|real|compare}: forwards every call to the
 * current one. All modes share one simulator and one real engine, so switching keeps both states.
 */
final class Modes implements Backend {
  /** The names {@code mode} and {@code --backend} accept, in the order help lists them. */
  static final List<String> NAMES = List.of("sim", "real", "compare");

  private final Map<String, Backend> byName = new LinkedHashMap<>();
  private Backend current;

  /**
   * @param sim the simulator
   * @param real a real engine, connected when first used
   * @param compare both side by side
   */
  Modes(Backend sim, Backend real, Backend compare, String initial) {
    byName.put("sim", sim);
    byName.put("real", real);
    byName.put("compare", compare);
    current = byName.getOrDefault(initial, sim);
  }

  /** Switches to the mode called {@code name}; false when there is none. */
  boolean select(String name) {
    Optional<Backend> next = Optional.ofNullable(byName.get(name));
    next.ifPresent(b -> current = b);
    return next.isPresent();
  }

  Backend current() {
    return current;
  }

  /** The simulator, whatever the mode. */
  Backend simulator() {
    return byName.get("sim");
  }

  /** The real engine, whatever the mode. */
  Backend engine() {
    return byName.get("real");
  }

  /** Tells compare mode how wide the terminal is and whether it has colours. */
  void layout(java.util.function.IntSupplier width, boolean colours) {
    if (byName.get("compare") instanceof CompareBackend compare) {
      compare.layout(width, colours);
    }
  }

  /** Why the current mode cannot run (no engine answers), or empty when it can. */
  @Override
  public Optional<String> unavailable() {
    return current.unavailable();
  }

  @Override
  public String name() {
    return current.name();
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    return current.execute(argv, stdin);
  }

  @Override
  public CommandResult executeFollowing(List<String> argv, String stdin) {
    return current.executeFollowing(argv, stdin);
  }

  /**
   * Runs a host line. There is one host in every mode, the simulated one, whose home is the
   * workspace; only a line that calls docker itself (a pipe, a chain) goes to the current mode. In
   * real mode the simulated host's shell runs it with its docker commands on the engine, reading
   * what is piped or redirected into them.
   */
  @Override
  public CommandResult host(String line) {
    boolean callsDocker = java.util.Arrays.asList(line.split("[\\s|;&()`$]+")).contains("docker");
    if (callsDocker && name().equals("real")) {
      // A tar to or from a file goes as -o and -i do it, straight between the file and the engine.
      Optional<List<String>> asFile = withFileFlag(line);
      if (asFile.isPresent()) {
        return current.execute(asFile.get(), "");
      }
      Backend engine = current;
      return simulator().host(line, engine::executePiped);
    }
    return callsDocker ? current.host(line) : simulator().host(line);
  }

  /**
   * The patterns of {@link #withFileFlag}, compiled when a line first needs them rather than with
   * this class, which loads on the way to the first prompt.
   */
  private static final class TarRedirects {
    static final java.util.regex.Pattern TAR_OUT =
        java.util.regex.Pattern.compile(
            "\\s*docker\\s+((?:image\\s+)?save|(?:container\\s+)?export)\\s+([^<>|;&`$()]*?)\\s*>\\s*"
                + "([^\\s<>|;&`$()]+)\\s*");

    static final java.util.regex.Pattern TAR_IN =
        java.util.regex.Pattern.compile(
            "\\s*docker\\s+((?:image\\s+)?load)\\s*([^<>|;&`$()]*?)\\s*<\\s*([^\\s<>|;&`$()]+)\\s*");

    private TarRedirects() {}
  }

  /**
   * {@code docker save IMAGE > FILE} and {@code docker export C > FILE} as {@code -o FILE}, {@code
   * docker load < FILE} as {@code -i FILE}: the same tar in the same workspace file; empty for any
   * other line.
   */
  static Optional<List<String>> withFileFlag(String line) {
    for (java.util.regex.Pattern p : List.of(TarRedirects.TAR_OUT, TarRedirects.TAR_IN)) {
      java.util.regex.Matcher m = p.matcher(line);
      if (m.matches()) {
        List<String> argv = new java.util.ArrayList<>(List.of("docker"));
        argv.addAll(List.of(m.group(1).split("\\s+")));
        argv.add(p == TarRedirects.TAR_OUT ? "-o" : "-i");
        argv.add(m.group(3));
        argv.addAll(io.dockerlings.simulator.CommandLine.split(m.group(2)));
        return Optional.of(argv);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> hostDirectory() {
    return simulator().hostDirectory();
  }

  @Override
  public List<String> commandNames() {
    return current.commandNames();
  }

  @Override
  public List<String> flagNames(String commandWords) {
    return current.flagNames(commandWords);
  }

  @Override
  public List<String> containerNames() {
    return current.containerNames();
  }

  @Override
  public List<String> imageNames() {
    return current.imageNames();
  }

  @Override
  public EngineSnapshot snapshot() {
    return current.snapshot();
  }

  /** Every mode's engines speak the session's language, whichever mode is current. */
  @Override
  public void language(Messages messages) {
    byName.values().forEach(b -> b.language(messages));
  }

  /** Resets the current mode's engines (in compare mode, both). */
  @Override
  public void reset() {
    current.reset();
  }

  /** Closes every engine, so that a real engine is left as it was found. */
  @Override
  public synchronized void close() {
    byName.get("sim").close();
    byName.get("real").close();
  }
}
