package io.dockerlings.shell;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.exercises.check.CheckRunner;
import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.submission.TerminalInput;
import io.dockerlings.exercises.submission.Transcript;
import io.dockerlings.lessons.state.Commands;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.text.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The learner's side of instructor exercises in the REPL: {@code exercise list}, {@code start ID}
 * (a fresh simulator with the exercise's host and seed, and in real or compare mode a fresh
 * real-engine sandbox too, its setup run silently), {@code check} (the visible checks with their
 * reasons, judged on the engine the learner works on; in compare mode on both, with the simulator's
 * differing results shown) and {@code submit [FILE]} (the signed transcript, naming the mode).
 */
final class ExerciseMode {
  /** An exercise in progress. */
  private record Active(
      Exercise exercise,
      Transcript transcript,
      List<Journal.Entry> journal,
      SimulatorBackend sim,
      Optional<RealBackend> real,
      String mode) {}

  private final java.util.function.Supplier<Catalog> catalog;
  private final Path home;
  private final String learner;
  private final Clock clock;
  private Active active;
  private java.time.Instant lineStarted;

  /**
   * @param home where submissions go unless the learner names a file
   * @param learner the learner's id written into submissions
   */
  ExerciseMode(Catalog catalog, Path home, String learner, Clock clock) {
    this(() -> catalog, home, learner, clock);
  }

  /**
   * The same with the catalogue still loading: {@code catalog} waits for it the first time an
   * exercise command needs it, so that parsing it never delays the first prompt.
   */
  ExerciseMode(
      java.util.function.Supplier<Catalog> catalog, Path home, String learner, Clock clock) {
    this.catalog = catalog;
    this.home = home;
    this.learner = learner;
    this.clock = clock;
  }

  /** The learner's id: {@code DOCKERLINGS_LEARNER}, else the login name. */
  static String learnerId(java.util.Map<String, String> env) {
    String id = env.getOrDefault("DOCKERLINGS_LEARNER", "");
    return id.isBlank() ? System.getProperty("user.name", "learner") : id.strip();
  }

  /** The id of the exercise in progress, if any. */
  Optional<String> current() {
    return Optional.ofNullable(active).map(a -> a.exercise().id());
  }

  /** The shipped exercises' ids, for completion. */
  List<String> ids() {
    return catalog.get().all().stream().map(Exercise::id).toList();
  }

  /** Runs {@code exercise ARGS} and returns what to show (each text already wrapped). */
  String handle(List<String> args, Backend backend, Messages m, int width) {
    Lang lang = Lang.of(m.language()).orElse(Lang.EN);
    String sub = args.isEmpty() ? "" : args.get(0);
    return switch (sub) {
      case "list" -> list(m, lang, width);
      case "start" ->
          args.size() < 2
              ? m.get("exercise.usage") + "\n"
              : start(args.get(1), backend, m, lang, width);
      case "check" -> check(m, lang, width);
      case "submit" ->
          submit(args.size() > 1 ? Optional.of(Path.of(args.get(1))) : Optional.empty(), m);
      default -> m.get("exercise.usage") + "\n";
    };
  }

  /** Notes when the line about to run started, which its record carries. */
  void lineStarts() {
    lineStarted = clock.instant();
  }

  /** Records a line the learner ran while an exercise is in progress. */
  void record(String line, int exitCode, String stdout, String stderr, List<TerminalInput> typed) {
    if (active == null) {
      return;
    }
    java.time.Instant at = lineStarted == null ? clock.instant() : lineStarted;
    active.transcript().add(line, at, exitCode, stdout, stderr, typed);
    List<String> sent =
        typed.stream().filter(t -> t.op().equals("send")).map(TerminalInput::text).toList();
    active.journal().add(new Journal.Entry(line, exitCode, stdout + stderr, sent));
  }

  private String list(Messages m, Lang lang, int width) {
    StringBuilder b = new StringBuilder(m.get("exercise.listHead")).append('\n');
    for (Exercise e : catalog.get().all()) {
      String head =
          String.format(
              "%s %-22s %-4s %3d  ",
              e.id().equals(current().orElse("")) ? "*" : " ", e.id(), e.module(), e.maxPoints());
      b.append(head).append(e.title().in(lang)).append('\n');
    }
    return b.toString();
  }

  private String start(String id, Backend backend, Messages m, Lang lang, int width) {
    Optional<Exercise> found = catalog.get().find(id);
    if (found.isEmpty()) {
      return m.get("exercise.unknown", id) + "\n";
    }
    Exercise e = found.get();
    Optional<SimulatorBackend> sim = simulatorOf(backend);
    Optional<RealBackend> real = Optional.empty();
    String mode = "sim";
    if (sim.isEmpty()) {
      if (!(backend instanceof Modes modes)
          || !(modes.simulator() instanceof SimulatorBackend s)
          || !(modes.engine() instanceof RealBackend r)) {
        return m.get("exercise.simOnly") + "\n";
      }
      mode = modes.name();
      if (!e.backends().contains("real")) {
        return m.get(
                "exercise.notOnEngine",
                e.id(),
                String.join(", ", new java.util.TreeSet<>(e.backends())))
            + "\n";
      }
      Optional<String> why = r.unavailable();
      if (why.isPresent()) {
        return m.get("exercise.noEngine", why.get()) + "\n";
      }
      sim = Optional.of(s);
      real = Optional.of(r);
    }
    java.time.Instant started = clock.instant();
    sim.get().reset(e.simulatorOptions(clock));
    if (real.isPresent()) {
      real.get().reset();
      for (String line : e.setup()) {
        setUp(backend, line);
      }
    } else {
      for (String line : e.setup()) {
        Commands.run(sim.get().engine(), line);
      }
    }
    active =
        new Active(
            e, new Transcript(learner, e, mode, started), new ArrayList<>(), sim.get(), real, mode);
    StringBuilder b = new StringBuilder();
    b.append(e.title().in(lang))
        .append(" (")
        .append(e.id())
        .append(", ")
        .append(e.maxPoints())
        .append(' ')
        .append(m.get("exercise.points"))
        .append(")\n");
    wrapped(b, e.task().in(lang), width, "");
    e.timeLimit().ifPresent(t -> b.append(m.get("exercise.timeLimit", t.toMinutes())).append('\n'));
    e.deadline().ifPresent(d -> b.append(m.get("exercise.deadline", d.toString())).append('\n'));
    wrapped(b, m.get("exercise.started", e.id()), width, "");
    return b.toString();
  }

  private String check(Messages m, Lang lang, int width) {
    if (active == null) {
      return m.get("exercise.none") + "\n";
    }
    Exercise e = active.exercise();
    Journal journal = new Journal(active.journal());
    List<CheckResult> onSim = CheckRunner.runVisible(e, active.sim().engine(), journal);
    List<CheckResult> results = onSim;
    boolean compare = active.mode().equals("compare");
    if (active.real().isPresent()) {
      Optional<io.dockerlings.real.RealEngine> engine = active.real().get().engineOrEmpty();
      if (engine.isEmpty()) {
        return m.get("exercise.noEngine", active.real().get().unavailable().orElse("")) + "\n";
      }
      results = CheckRunner.runVisible(e, engine.get(), journal);
    }
    StringBuilder b = new StringBuilder();
    int earned = 0;
    int max = 0;
    for (CheckResult r : results) {
      earned += r.earned();
      max += r.check().points();
      String mark = r.passed() ? "✓" : r.partial() ? "~" : "✗";
      wrapped(
          b,
          mark + " " + r.earned() + "/" + r.check().points() + "  " + r.check().reason().in(lang),
          width,
          "");
      if (!r.passed()) {
        wrapped(b, r.explanation().in(lang), width, "      ");
      }
      if (compare) {
        CheckResult sim = onSim.get(results.indexOf(r));
        if (sim.earned() != r.earned()) {
          wrapped(
              b,
              m.get("exercise.simulatorGave", sim.earned(), r.check().points())
                  + (sim.passed() ? "" : " " + sim.explanation().in(lang)),
              width,
              "      ");
        }
      }
    }
    b.append(m.get("exercise.score", earned, max)).append('\n');
    long hidden = e.checks().stream().filter(c -> !c.visible()).count();
    if (hidden > 0) {
      wrapped(b, m.get("exercise.hidden", hidden), width, "");
    }
    return b.toString();
  }

  private String submit(Optional<Path> named, Messages m) {
    if (active == null) {
      return m.get("exercise.none") + "\n";
    }
    Path file =
        named.orElse(
            home.resolve("submissions")
                .resolve(active.exercise().id() + "-" + safe(learner) + ".jsonl"));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, active.transcript().seal(clock.instant()), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException ex) {
      return m.get("exercise.cannotWrite", file, ex.getMessage()) + "\n";
    }
    int n = active.transcript().commands().size();
    active = null;
    return m.get("exercise.submitted", file, n) + "\n";
  }

  /**
   * Runs a setup line through the learner's backend, so that compare mode sets up both engines:
   * docker lines on the engine(s), other lines on the simulated host.
   */
  private static void setUp(Backend backend, String line) {
    if (!Commands.isDockerLine(line)) {
      backend.host(line);
      return;
    }
    try {
      backend.execute(io.dockerlings.simulator.CommandLine.split(line), "");
    } catch (io.dockerlings.simulator.CommandLineException e) {
      // A shipped exercise's setup is validated; a broken line simply sets nothing up.
    }
  }

  private static Optional<SimulatorBackend> simulatorOf(Backend backend) {
    if (backend instanceof SimulatorBackend s) {
      return Optional.of(s);
    }
    if (backend instanceof Modes modes
        && modes.name().equals("sim")
        && modes.simulator() instanceof SimulatorBackend s) {
      return Optional.of(s);
    }
    return Optional.empty();
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._@-]", "_");
  }

  private static void wrapped(StringBuilder b, String text, int width, String indent) {
    for (String line : text.split("\n")) {
      for (String piece : SideBySide.wrap(line, Math.max(20, width - indent.length()))) {
        b.append(indent).append(piece).append('\n');
      }
    }
  }
}
