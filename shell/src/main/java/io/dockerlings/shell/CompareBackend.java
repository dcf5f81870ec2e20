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
  private Messages messages;

  /** Read at the first comparison, not at start-up (it parses YAML before the first prompt). */
  private io.dockerlings.lessons.errors.TeachingPoints points;

  private IntSupplier width = () -> 120;
  private boolean color;
  private Outcome last;
  private final Set<String> generated = new LinkedHashSet<>();
  private Set<String> known;

  CompareBackend(Backend sim, Backend real, Messages messages) {
    this(sim, real, messages, typed -> Optional.empty());
  }

  /**
   * {@code files} gives the real path behind a path typed at the prompt: the tar files that {@code
   * save}/{@code export} write there and {@code load}/{@code import} read are kept apart, one copy
   * per engine.
   */
  CompareBackend(
      Backend sim,
      Backend real,
      Messages messages,
      java.util.function.Function<String, Optional<java.nio.file.Path>> files) {
    this.sim = sim;
    this.real = real;
    this.messages = messages;
    this.sideFiles = new SideFiles(files);
  }

  private final SideFiles sideFiles;

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
      return CommandResult.of(1, "", messages.get("compare.unavailable", why.get()) + "\n");
    }
    boolean named = argv.stream().anyMatch(a -> a.equals("--name") || a.startsWith("--name="));
    // The names before this command are those the last command's snapshots saw: reading them
    // again would cost every container's inspect on the engine once more.
    Set<String> before = known == null ? names() : known;
    long start = System.nanoTime();
    CommandResult s = sideFiles.onSimulator(argv, () -> sim.execute(argv, stdin));
    long afterSim = System.nanoTime();
    CommandResult r = withGreeting(diffInPathOrder(argv, real.execute(argv, stdin)));
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
      pairNewborn(left, right, born);
    }
    right = withSimulatorNames(right);
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
        new StringBuilder(
            view.render(
                comparison,
                messages.get("compare.left"),
                messages.get("compare.right"),
                width.getAsInt(),
                color,
                messages));
    if (!state.isEmpty()) {
      text.append(messages.get("compare.state")).append('\n');
      state.forEach(d -> text.append("  ").append(side(d)).append('\n'));
    }
    io.dockerlings.lessons.text.Lang lang =
        io.dockerlings.lessons.text.Lang.of(messages.language())
            .orElse(io.dockerlings.lessons.text.Lang.EN);
    for (io.dockerlings.lessons.errors.TeachingPoints.Explanation e : explained) {
      // The REPL's own words, wrapped at the terminal's width, hanging under their mark.
      text.append(Wrap.wrap(e.in(lang), "* ", "  ", width.getAsInt()));
    }
    // One terminal to type into, the simulator's; what is typed there goes to the engine's too.
    if (s.session().isPresent() && r.session().isPresent()) {
      return new CommandResult(
          r.exitCode(),
          text.toString(),
          "",
          Optional.of(
              new PairedSession(s.session().get(), r.session().get(), this::answerDifferences)));
    }
    r.session().ifPresent(io.dockerlings.simulator.InteractiveSession::detach);
    return new CommandResult(r.exitCode(), text.toString(), "", s.session());
  }

  /**
   * The engine's answer with what its terminal showed first (busybox's greeting), as the
   * simulator's answer holds it: line ends as printed, without the shell's cursor-position query
   * and without the prompt, which the terminal shows by itself.
   */
  private static CommandResult withGreeting(CommandResult r) {
    if (r.session().isEmpty()) {
      return r;
    }
    io.dockerlings.simulator.InteractiveSession session = r.session().get();
    String shown = session.poll().replace("\r\n", "\n").replace("\u001b[6n", "");
    String greeting = shown.substring(0, shown.lastIndexOf('\n') + 1);
    java.util.List<CommandResult.Chunk> chunks = new java.util.ArrayList<>(r.inOrder());
    if (!greeting.isEmpty()) {
      chunks.add(new CommandResult.Chunk(false, greeting));
    }
    if (!session.isOpen()) {
      // The program has ended already (echo hi): its status is the command's, as the CLI's.
      return new CommandResult(
          session.exitCode(), r.stdout() + greeting, r.stderr(), Optional.empty(), chunks);
    }
    return new CommandResult(r.exitCode(), r.stdout() + greeting, r.stderr(), r.session(), chunks);
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
    sideFiles.clear();
    known = null;
  }

  /** The engine's unnamed containers by id, each with the simulator's name for the same run. */
  private final java.util.Map<String, String> pairedNames = new java.util.HashMap<>();

  /**
   * When one command made one unnamed container on each side, the two are the same container under
   * two generated names ({@code zealous_lumiere}, {@code intelligent_ramanujan}): paired, so that
   * their states are compared instead of each being reported as only on one side.
   */
  private void pairNewborn(EngineSnapshot left, EngineSnapshot right, Set<String> born) {
    List<String> mine =
        left.containers().stream()
            .map(EngineSnapshot.ContainerState::name)
            .filter(born::contains)
            .toList();
    List<EngineSnapshot.ContainerState> theirs =
        right.containers().stream()
            .filter(c -> born.contains(c.name()) && !mine.contains(c.name()))
            .toList();
    if (mine.size() == 1 && theirs.size() == 1) {
      pairedNames.put(theirs.get(0).id(), mine.get(0));
    }
  }

  /** The engine's snapshot with its paired containers under the simulator's names. */
  private EngineSnapshot withSimulatorNames(EngineSnapshot right) {
    if (pairedNames.isEmpty()) {
      return right;
    }
    List<EngineSnapshot.ContainerState> renamed = new java.util.ArrayList<>();
    for (EngineSnapshot.ContainerState c : right.containers()) {
      String name = pairedNames.get(c.id());
      renamed.add(
          name == null
              ? c
              : new EngineSnapshot.ContainerState(
                  c.id(),
                  name,
                  c.image(),
                  c.imageId(),
                  c.status(),
                  c.exitCode(),
                  c.oomKilled(),
                  c.limits(),
                  c.ports(),
                  c.mounts(),
                  c.networks(),
                  c.config(),
                  c.restartPolicy()));
    }
    return new EngineSnapshot(renamed, right.images(), right.networks(), right.volumes());
  }

  /**
   * {@code docker diff} on the engine lists changes in the order the upper directory holds them on
   * disk, which varies from run to run; the simulator lists them by path. The engine's lines are
   * shown and compared in path order, as ids and times are normalised.
   */
  static CommandResult diffInPathOrder(List<String> argv, CommandResult r) {
    int verb = argv.size() > 1 && argv.get(1).equals("container") ? 2 : 1;
    if (argv.size() <= verb
        || !argv.get(verb).equals("diff")
        || r.session().isPresent()
        || r.stdout().isEmpty()) {
      return r;
    }
    List<String> lines = new java.util.ArrayList<>(r.stdout().lines().toList());
    lines.sort(java.util.Comparator.comparing(l -> l.length() > 2 ? l.substring(2) : l));
    return CommandResult.of(r.exitCode(), String.join("\n", lines) + "\n", r.stderr());
  }

  /** The teaching points, read the first time a comparison needs them. */
  private io.dockerlings.lessons.errors.TeachingPoints points() {
    if (points == null) {
      points = io.dockerlings.lessons.errors.TeachingPoints.load();
    }
    return points;
  }

  /** Compare mode's verdicts follow the session's language (its two engines are told by Modes). */
  @Override
  public void language(Messages messages) {
    this.messages = messages;
  }

  /** A state difference with its "only on the left/right" said in the session's language. */
  private String side(String difference) {
    for (String side : List.of("left", "right")) {
      String english = ": only on the " + side;
      if (difference.endsWith(english)) {
        return messages.get(
            "compare.only." + side,
            difference.substring(0, difference.length() - english.length()));
      }
    }
    return difference;
  }

  /**
   * The two answers to a line typed into compare mode's terminal, side by side when they differ
   * after normalising (ids, times, generated names); empty when they agree.
   */
  String answerDifferences(String simAnswer, String engineAnswer) {
    SideBySide view = new SideBySide(new OutputNormalizer(generated));
    SideBySide.Comparison c =
        view.compare(CommandResult.of(0, simAnswer, ""), CommandResult.of(0, engineAnswer, ""));
    if (c.differingLines() == 0) {
      return "";
    }
    return view.render(
        c,
        messages.get("compare.left"),
        messages.get("compare.right"),
        width.getAsInt(),
        color,
        messages);
  }
}
