package io.dockerlings.grading;

import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.exercises.model.Check;
import io.dockerlings.exercises.model.Exercise;
import io.dockerlings.exercises.model.ExerciseException;
import io.dockerlings.lessons.text.Lang;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * {@code dockerlings grade <exercise> <submissions-dir> [--backend sim|real] [--out DIR] [--jobs N]
 * [--overrides CSV] [--lang en|zh-CN] [--limit-memory SIZE] [--limit-pids N] [--limit-cpus CPUS]}:
 * grades every {@code *.jsonl} in the directory and writes the reports. With several exercises
 * separated by commas, {@code DIR/<id>/} holds each one's submissions and {@code OUT/<id>/} gets
 * its reports, with an index page linking them. Exits 0 when every submission was graded, whatever
 * the scores; 2 on a usage error; 1 when the directory cannot be read or a report cannot be
 * written.
 */
public final class GradeCommand {
  /** How long one submission may take on a real engine unless {@code --real-limit} says. */
  static final int DEFAULT_REAL_LIMIT = 120;

  private final PrintStream out;
  private final PrintStream err;
  private final RealEngines engines;

  /** A grader without a real engine: {@code --backend real} says none is available. */
  public GradeCommand(PrintStream out, PrintStream err) {
    this(
        out, err, RealEngines.none("this build of dockerlings grade has no real engine connected"));
  }

  /**
   * @param engines opens sandboxes on a real engine for {@code --backend real}
   */
  public GradeCommand(PrintStream out, PrintStream err, RealEngines engines) {
    this.out = out;
    this.err = err;
    this.engines = engines;
  }

  /** The options of one run. */
  record Options(
      String exercise,
      Path submissions,
      String backend,
      Path out,
      int jobs,
      Optional<Path> overrides,
      Lang lang,
      int realLimit,
      GradingLimits limits) {}

  /** A usage error: the key of its words in the report bundle ({@code cli.*}) and their values. */
  static final class UsageError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    UsageError(String key, Object... args) {
      super(new Labels(Lang.EN).format(key, args));
      this.key = key;
      this.args = args;
    }

    String in(Labels words) {
      return words.format(key, args);
    }
  }

  /** Runs with the words after {@code grade}; returns the exit status. */
  public int run(List<String> args) {
    return run(args, System.getenv());
  }

  /**
   * As {@link #run(List)}; the command's own errors speak the language of a {@code --lang} anywhere
   * among {@code args}, else of {@code LC_ALL} or {@code LANG} in {@code env}, as the launcher
   * does.
   */
  public int run(List<String> args, java.util.Map<String, String> env) {
    Labels words = new Labels(language(args, env));
    if (args.contains("--help") || args.contains("-h")) {
      out.print(help(words.lang()));
      return 0;
    }
    Options o;
    try {
      o = parse(args);
    } catch (UsageError e) {
      err.println(e.in(words));
      err.println(words.get("cli.usage"));
      return 2;
    }
    List<Exercise> exercises = new ArrayList<>();
    try {
      for (String id : o.exercise().split(",")) {
        exercises.add(Catalog.shipped().resolve(id.strip()));
      }
    } catch (ExerciseException e) {
      err.println(words.format("cli.error", e.getMessage()));
      return 2;
    }
    Optional<RealGrading> chosen = Optional.empty();
    if (o.backend().equals("real")) {
      RealGrading r =
          new RealGrading(
              engines,
              java.time.Duration.ofSeconds(o.realLimit()),
              Long.toString(System.currentTimeMillis(), 36),
              o.limits());
      try {
        List<String> refused = new ArrayList<>();
        for (Exercise e : exercises) {
          List<String> missing = r.missingImages(e);
          if (!missing.isEmpty()) {
            refused.add(words.format("cli.needsImages", e.id(), String.join(", ", missing)));
          }
        }
        if (!refused.isEmpty()) {
          refused.forEach(x -> err.println(words.format("cli.real", x)));
          err.println(words.get("cli.nothingGraded"));
          return 2;
        }
      } catch (RealEngines.Unavailable e) {
        err.println(words.format("cli.real", e.getMessage()));
        return 1;
      }
      chosen = Optional.of(r);
    }
    Optional<RealGrading> real = chosen;
    Thread cleanup = new Thread(() -> real.ifPresent(RealGrading::close), "grade-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      return gradeEach(exercises, o, real);
    } finally {
      Runtime.getRuntime().removeShutdownHook(cleanup);
      real.ifPresent(RealGrading::close);
    }
  }

  private int gradeEach(List<Exercise> exercises, Options o, Optional<RealGrading> real) {
    try {
      if (exercises.size() == 1) {
        return grade(exercises.get(0), o, real);
      }
      // Several exercises: DIR/<id>/ holds each one's submissions; reports go to OUT/<id>/.
      for (Exercise e : exercises) {
        Options one =
            new Options(
                e.id(),
                o.submissions().resolve(e.id()),
                o.backend(),
                o.out().resolve(e.id()),
                o.jobs(),
                o.overrides(),
                o.lang(),
                o.realLimit(),
                o.limits());
        grade(e, one, real);
      }
      write(o.out().resolve("index.html"), ClassIndex.html(exercises, new Labels(o.lang())));
      return 0;
    } catch (IOException e) {
      err.println(new Labels(o.lang()).format("cli.error", e.getMessage()));
      return 1;
    }
  }

  static String usage() {
    return new Labels(Lang.EN).get("cli.usage");
  }

  /** The language of the command's own errors: {@code --lang}, else LC_ALL, else LANG. */
  static Lang language(List<String> args, java.util.Map<String, String> env) {
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("--lang") && Lang.of(args.get(i + 1)).isPresent()) {
        return Lang.of(args.get(i + 1)).get();
      }
    }
    String locale = env.getOrDefault("LC_ALL", "");
    if (locale.isEmpty()) {
      locale = env.getOrDefault("LANG", "");
    }
    return locale.startsWith("zh") ? Lang.ZH : Lang.EN;
  }

  /** {@code grade --help} in {@code lang}. */
  static String help(Lang lang) {
    String name = lang == Lang.ZH ? "grade-help.zh-CN.txt" : "grade-help.en.txt";
    try (java.io.InputStream in = GradeCommand.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the build lost " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A ceiling option's value, or the usage error {@code key} when it is not one. */
  private static GradingLimits limit(
      java.util.function.Function<String, GradingLimits> parse, String value, String key) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new UsageError(key);
    }
  }

  static Options parse(List<String> args) {
    List<String> positional = new ArrayList<>();
    String backend = "sim";
    Path outDir = Path.of("grades");
    int jobs = Runtime.getRuntime().availableProcessors();
    Optional<Path> overrides = Optional.empty();
    Lang lang = Lang.EN;
    int realLimit = DEFAULT_REAL_LIMIT;
    GradingLimits limits = GradingLimits.DEFAULTS;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--")) {
        if (i + 1 >= args.size()) {
          throw new UsageError("cli.needsValue", a);
        }
        String v = args.get(++i);
        switch (a) {
          case "--backend" -> {
            if (!v.equals("sim") && !v.equals("real")) {
              throw new UsageError("cli.backend");
            }
            backend = v;
          }
          case "--out" -> outDir = Path.of(v);
          case "--jobs" -> {
            try {
              jobs = Integer.parseInt(v);
            } catch (NumberFormatException e) {
              jobs = 0;
            }
            if (jobs < 1 || jobs > 256) {
              throw new UsageError("cli.jobs");
            }
          }
          case "--overrides" -> overrides = Optional.of(Path.of(v));
          case "--real-limit" -> {
            try {
              realLimit = Integer.parseInt(v);
            } catch (NumberFormatException e) {
              realLimit = 0;
            }
            if (realLimit < 5 || realLimit > 3600) {
              throw new UsageError("cli.realLimit");
            }
          }
          case "--limit-memory" -> limits = limit(limits::withMemory, v, "cli.limitMemory");
          case "--limit-pids" -> limits = limit(limits::withPids, v, "cli.limitPids");
          case "--limit-cpus" -> limits = limit(limits::withCpus, v, "cli.limitCpus");
          case "--lang" -> lang = Lang.of(v).orElseThrow(() -> new UsageError("cli.lang"));
          default -> throw new UsageError("cli.unknownOption", a);
        }
      } else {
        positional.add(a);
      }
    }
    if (positional.size() != 2) {
      throw new UsageError("cli.positional");
    }
    return new Options(
        positional.get(0),
        Path.of(positional.get(1)),
        backend,
        outDir,
        jobs,
        overrides,
        lang,
        realLimit,
        limits);
  }

  private int grade(Exercise exercise, Options o, Optional<RealGrading> real) throws IOException {
    if (!Files.isDirectory(o.submissions())) {
      throw new IOException(
          new Labels(o.lang()).format("cli.notDirectory", o.submissions().toString()));
    }
    Overrides overrides = Overrides.none();
    if (o.overrides().isPresent()) {
      overrides = Overrides.parse(Files.readString(o.overrides().get(), StandardCharsets.UTF_8));
    }
    List<String> problems = new ArrayList<>(overrides.problems());
    List<Path> files;
    try (Stream<Path> s = Files.list(o.submissions())) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    Path feedback = Files.createDirectories(o.out().resolve("feedback"));
    Path junit = Files.createDirectories(o.out().resolve("junit"));
    Path classroom = Files.createDirectories(o.out().resolve("classroom"));
    Labels labels = new Labels(o.lang());
    Templates templates = new Templates();
    FeedbackPage page =
        new FeedbackPage(
            exercise, labels, templates, io.dockerlings.lessons.errors.ErrorCatalogue.load());
    JUnitReport junitReport = new JUnitReport(exercise);
    Grader grader = new Grader(exercise, overrides, real);
    List<Grade> grades =
        gradeAll(
            files,
            o.jobs(),
            f -> {
              Grade g = grader.grade(f.getFileName().toString(), Files.readAllBytes(f));
              write(feedback.resolve(g.file() + ".html"), page.html(g));
              write(feedback.resolve(g.file() + ".md"), page.markdown(g));
              write(junit.resolve(g.file() + ".xml"), junitReport.xml(g));
              write(classroom.resolve(g.file() + ".json"), ClassroomResult.json(g));
              return g.compact();
            });
    for (Grade g : grades) {
      for (GradeOverride x : overrides.of(g.learner(), g.file())) {
        if (exercise.checks().stream().map(Check::id).noneMatch(x.check()::equals)) {
          problems.add("override for " + x.learner() + ": no check '" + x.check() + "'");
        }
      }
    }
    Gradebook book = new Gradebook(exercise);
    write(o.out().resolve("gradebook.csv"), book.csv(grades));
    write(o.out().resolve("gradebook.json"), book.json(grades));
    write(o.out().resolve("canvas.csv"), book.canvas(grades));
    write(o.out().resolve("moodle.csv"), book.moodle(grades));
    write(
        o.out().resolve("summary.html"),
        new SummaryPage(exercise, labels, templates).html(grades, problems));
    long flagged = grades.stream().filter(g -> g.flag().isPresent()).count();
    out.println(
        labels.format(
            "cli.graded",
            String.valueOf(grades.size()),
            exercise.id(),
            String.valueOf(flagged),
            o.out().toString()));
    problems.forEach(p -> err.println(labels.format("cli.error", p)));
    return 0;
  }

  /** One file's work: grade it, write its own reports, return what the class reports need. */
  @FunctionalInterface
  interface Work {
    Grade apply(Path file) throws IOException;
  }

  /**
   * Grades the files on {@code jobs} threads, at most twice as many in flight as threads so that
   * memory stays bounded whatever the class size; the results come back in file order.
   */
  static List<Grade> gradeAll(List<Path> files, int jobs, Work work) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    Semaphore inFlight = new Semaphore(jobs * 2);
    List<Future<Grade>> futures = new ArrayList<>();
    try {
      for (Path f : files) {
        inFlight.acquireUninterruptibly();
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return work.apply(f);
                  } finally {
                    inFlight.release();
                  }
                }));
      }
      List<Grade> grades = new ArrayList<>();
      for (Future<Grade> f : futures) {
        grades.add(f.get());
      }
      return grades;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("grading failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void write(Path p, String text) throws IOException {
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
