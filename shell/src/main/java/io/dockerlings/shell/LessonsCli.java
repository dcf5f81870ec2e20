package io.dockerlings.shell;

import io.dockerlings.lessons.demo.DemoCheck;
import io.dockerlings.lessons.demo.DemoFile;
import io.dockerlings.lessons.demo.DemoRun;
import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.LessonLoader;
import io.dockerlings.lessons.model.Problem;
import io.dockerlings.lessons.progress.Progress;
import io.dockerlings.lessons.progress.ProgressStore;
import io.dockerlings.lessons.run.Rehearsal;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lessons on the command line: {@code dockerlings lessons validate FILE|DIR} checks an author's
 * lessons (schema, both languages, the solutions solve, the wrong attempts do not), and the course
 * the REPL and batch mode use (the built-in one plus {@code --lessons DIR}).
 */
final class LessonsCli {
  private LessonsCli() {}

  /** {@code dockerlings lessons validate PATH...}: 0 when every lesson is sound, 1 otherwise. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 3 || !args[1].equals("validate")) {
      err.println("usage: dockerlings lessons validate FILE|DIR...");
      return 2;
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      Path p = Path.of(args[i]);
      try {
        if (Files.isDirectory(p)) {
          // A module's resources directory holds its lessons in lessons/: take them from there.
          Path dir =
              Course.readDir(p).isEmpty() && Files.isDirectory(p.resolve(Course.RESOURCE_DIR))
                  ? p.resolve(Course.RESOURCE_DIR)
                  : p;
          Map<String, String> found = Course.readDir(dir);
          if (found.isEmpty()) {
            err.println(p + ": no lesson files (*.yaml) here");
            return 1;
          }
          found.forEach((name, text) -> files.put(dir.resolve(name).toString(), text));
        } else {
          files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
      } catch (IOException | UncheckedIOException e) {
        err.println(p + ": cannot read: " + e.getMessage());
        return 1;
      }
    }
    Map<String, String> known = new LinkedHashMap<>(Course.builtIn());
    files.forEach((name, text) -> known.put(Path.of(name).getFileName().toString(), text));
    Course course = Course.of(known);
    List<Problem> problems = new ArrayList<>();
    for (Problem p : course.problems()) {
      files.keySet().stream()
          .filter(
              f ->
                  Path.of(f)
                      .getFileName()
                      .toString()
                      .equals(Path.of(p.file()).getFileName().toString()))
          .findFirst()
          .ifPresent(f -> problems.add(new Problem(f, p.line(), p.message())));
    }
    int steps = 0;
    int lessons = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      Optional<Lesson> l = LessonLoader.load(e.getKey(), e.getValue()).lesson();
      if (l.isEmpty()) {
        continue;
      }
      Rehearsal.Report r = Rehearsal.rehearse(l.get(), e.getKey(), e.getValue());
      problems.addAll(r.problems());
      lessons++;
      steps += r.steps();
      out.printf(
          "%s: %d steps, %d solved, %d of %d wrong attempts refused%n",
          e.getKey(), r.steps(), r.solved(), r.refused(), r.wrongs());
    }
    problems.forEach(p -> err.println(p));
    out.printf("%d lessons, %d steps, %d problems%n", lessons, steps, problems.size());
    return problems.isEmpty() && !files.isEmpty() ? 0 : 1;
  }

  /**
   * {@code dockerlings demo validate PATH...}: each demo file (or directory of them; a module's
   * resources directory means its {@code demos/}) is read by the lessons loader, checked as a demo,
   * then replayed on the model. 0 when every demo is sound, 1 otherwise, 2 without a path.
   */
  static int validateDemos(List<String> paths, PrintStream out, PrintStream err) {
    if (paths.isEmpty()) {
      err.println("usage: dockerlings demo validate FILE|DIR...");
      return 2;
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (String arg : paths) {
      Path p = Path.of(arg);
      try {
        if (Files.isDirectory(p)) {
          Path dir =
              Course.readDir(p).isEmpty() && Files.isDirectory(p.resolve("demos"))
                  ? p.resolve("demos")
                  : p;
          Map<String, String> found = Course.readDir(dir);
          if (found.isEmpty()) {
            err.println(p + ": no demo files (*.yaml) here");
            return 1;
          }
          found.forEach((name, text) -> files.put(dir.resolve(name).toString(), text));
        } else {
          files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
      } catch (IOException | UncheckedIOException e) {
        err.println(p + ": cannot read: " + e.getMessage());
        return 1;
      }
    }
    int problems = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      DemoFile.Result r = DemoFile.load(e.getKey(), e.getValue());
      List<String> found = new ArrayList<>(r.problems().stream().map(Problem::toString).toList());
      r.demo()
          .ifPresent(
              d -> DemoCheck.replay(d, MODEL_ONLY).forEach(x -> found.add(e.getKey() + ": " + x)));
      found.forEach(err::println);
      problems += found.size();
      r.demo()
          .ifPresent(
              d ->
                  out.printf(
                      "%s: %d steps, replayed on the model%n", e.getKey(), d.steps().size()));
    }
    out.printf("%d demo files, %d problems%n", files.size(), problems);
    return problems == 0 ? 0 : 1;
  }

  /** Fresh simulators for a demo's replay, and no real engine. */
  private static final DemoRun.Engines MODEL_ONLY =
      new DemoRun.Engines() {
        @Override
        public DockerEngine model(String host) {
          SimulatorOptions o = SimulatorOptions.defaults();
          return DockerSimulator.create(
              host.equals("course-server") ? o.withHost(HostSpec.courseServer()) : o);
        }

        @Override
        public Optional<DockerEngine> engine() {
          return Optional.empty();
        }
      };

  /** The course (built-in plus an author's directory) at a desk on {@code backend}. */
  static LessonDesk desk(
      Backend backend,
      Optional<Path> extra,
      Optional<Path> dataDir,
      PrintStream err,
      Messages messages) {
    return desk(backend, course(extra), dataDir, err, messages);
  }

  /** The built-in course plus an author's directory, read and parsed (no output). */
  static Course course(Optional<Path> extra) {
    Map<String, String> files = new LinkedHashMap<>(Course.builtIn());
    extra.ifPresent(d -> files.putAll(Course.readDir(d)));
    return Course.of(files);
  }

  /** A course already loaded, at a desk on {@code backend}; its problems are reported here. */
  static LessonDesk desk(
      Backend backend, Course course, Optional<Path> dataDir, PrintStream err, Messages messages) {
    course.problems().forEach(p -> err.println("dockerlings: " + p));
    Optional<ProgressStore> store = dataDir.map(d -> new ProgressStore(d, Clock.systemUTC()));
    Progress progress = Progress.empty();
    if (store.isPresent()) {
      try {
        ProgressStore.Loaded loaded = store.get().load();
        progress = loaded.progress();
        loaded.movedAside().ifPresent(p -> err.println(messages.get("progress.corrupt", p)));
      } catch (IOException e) {
        err.println(messages.get("progress.unwritable", store.get().file(), e.getMessage()));
      }
    }
    return new LessonDesk(course, new ShellWorkbench(backend), store, progress);
  }
}
