package io.dockerlings.shell;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.EngineSnapshot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Both engines at once: each command runs on the simulator, then on the real engine; the answer is
 * the two outputs side by side with what still differs after normalising marked, the differences
 * between the two engines' states, and the known teaching points that explain them.
 *
 * <p>The exit code is the real engine's, since that is what a script would have seen.
 */
final class CompareBackend implements Backend {
  /**
   * One command on both engines.
   *
   * @param argv the command
   * @param simulator the simulator's answer
   * @param engine the real engine's answer
   * @param comparison the line-by-line comparison of the two
   * @param stateDifferences what differs between the two engines' states afterwards
   * @param explanations the teaching points that apply, in the session's language
   * @param simulatorNanos how long the simulator took
   * @param engineNanos how long the real engine took
   * @param overheadNanos what compare mode added beyond both engines' own time
   */
  record Outcome(
      List<String> argv,
      CommandResult simulator,
      CommandResult engine,
      SideBySide.Comparison comparison,
      List<String> stateDifferences,
      List<io.dockerlings.lessons.errors.TeachingPoints.Explanation> explanations,
      long simulatorNanos,
      long engineNanos,
      long overheadNanos) {
    Outcome {
      argv = List.copyOf(argv);
      stateDifferences = List.copyOf(stateDifferences);
      explanations = List.copyOf(explanations);
    }
  }

  private final Backend sim;
  private final Backend real;
  private final Messages messages;

  /** Read at the first comparison, not at start-up (it parses YAML before the first prompt). */
  private io.dockerlings.lessons.errors.TeachingPoints points;

  private IntSupplier width = () -> 120;
  private boolean color;
  private Outcome last;
  private final Set<String> generated = new LinkedHashSet<>();
  private Set<String> known;

  CompareBackend(Backend sim, Backend real, Messages messages) {
    this.sim = sim;
    this.real = real;
    this.messages = messages;
  }

  /** How wide the learner's terminal is, and whether it shows colours. */
  void layout(IntSupplier terminalWidth, boolean colours) {
    this.width = terminalWidth;
    this.color = colours;
  }

  /** The last command's outcome, for batch mode's JSON. */
  Optional<Outcome> last() {
    return Optional.ofNullable(last);
  }

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public Optional<String> unavailable() {
    return real.unavailable();
  }

  @Override
  public CommandResult execute(List<String> argv, String stdin) {
    Optional<String> why = real.unavailable();
    if (why.isPresent()) {
      return CommandResult.of(1, "", "dockerlings: compare mode: " + why.get() + "\n");
    }
    boolean named = argv.stream().anyMatch(a -> a.equals("--name") || a.startsWith("--name="));
    // The names before this command are those the last command's snapshots saw: reading them
    // again would cost every container's inspect on the engine once more.
    Set<String> before = known == null ? names() : known;
    long start = System.nanoTime();
    CommandResult s = sim.execute(argv, stdin);
    long afterSim = System.nanoTime();
    CommandResult r = real.execute(argv, stdin);
    long afterReal = System.nanoTime();
    EngineSnapshot left = sim.snapshot();
    EngineSnapshot right = real.snapshot();
    Set<String> after = new LinkedHashSet<>();
    left.containers().forEach(c -> after.add(c.name()));
    right.containers().forEach(c -> after.add(c.name()));
    known = after;
    if (!named) {
      Set<String> born = new LinkedHashSet<>(after);
      born.removeAll(before);
      generated.addAll(born);
    }
    OutputNormalizer normalizer = new OutputNormalizer(generated);
    SideBySide view = new SideBySide(normalizer);
    SideBySide.Comparison comparison = view.compare(s, r);
    List<String> state = left.differences(right);
    List<io.dockerlings.lessons.errors.TeachingPoints.Explanation> explained =
        points()
            .explain(
                argv,
                s,
                r,
                out -> normalizer.normalize(out).stream().map(OutputNormalizer.Line::key).toList());
    long end = System.nanoTime();
    last =
        new Outcome(
            argv,
            s,
            r,
            comparison,
            state,
            explained,
            afterSim - start,
            afterReal - afterSim,
            (end - start) - (afterReal - afterSim) - (afterSim - start));
    StringBuilder text =
        new StringBuilder(view.render(comparison, "simulator", "engine", width.getAsInt(), color));
    if (!state.isEmpty()) {
      text.append(messages.get("compare.state")).append('\n');
      state.forEach(d -> text.append("  ").append(d).append('\n'));
    }
    io.dockerlings.lessons.text.Lang lang =
        io.dockerlings.lessons.text.Lang.of(messages.language())
            .orElse(io.dockerlings.lessons.text.Lang.EN);
    for (io.dockerlings.lessons.errors.TeachingPoints.Explanation e : explained) {
      // The REPL's own words, wrapped at the terminal's width, hanging under their mark.
      text.append(Wrap.wrap(e.in(lang), "* ", "  ", width.getAsInt()));
    }
    // One terminal at a time: the learner types into the simulator's; the engine's container is
    // left running, detached, as after -itd.
    r.session().ifPresent(io.dockerlings.simulator.InteractiveSession::detach);
    return new CommandResult(r.exitCode(), text.toString(), "", s.session());
  }

  /** The container names on both sides. */
  private Set<String> names() {
    Set<String> names = new LinkedHashSet<>(sim.containerNames());
    names.addAll(real.containerNames());
    return names;
  }

  @Override
  public CommandResult host(String line) {
    return sim.host(line);
  }

  @Override
  public List<String> commandNames() {
    return sim.commandNames();
  }

  @Override
  public List<String> flagNames(String commandWords) {
    return sim.flagNames(commandWords);
  }

  @Override
  public List<String> containerNames() {
    return sim.containerNames();
  }

  @Override
  public List<String> imageNames() {
    return sim.imageNames();
  }

  /** The real engine's state: the one that is measured rather than predicted. */
  @Override
  public EngineSnapshot snapshot() {
    return real.snapshot();
  }

  @Override
  public void reset() {
    sim.reset();
    real.reset();
    known = null;
  }

  /** The teaching points, read the first time a comparison needs them. */
  private io.dockerlings.lessons.errors.TeachingPoints points() {
    if (points == null) {
      points = io.dockerlings.lessons.errors.TeachingPoints.load();
    }
    return points;
  }
}
