package io.dockerlings.shell;

import io.dockerlings.lessons.demo.Demo;
import io.dockerlings.lessons.demo.DemoCatalog;
import io.dockerlings.lessons.demo.DemoCheck;
import io.dockerlings.lessons.demo.DemoFile;
import io.dockerlings.lessons.demo.DemoRun;
import io.dockerlings.lessons.demo.Handout;
import io.dockerlings.lessons.picture.Cells;
import io.dockerlings.lessons.picture.Pictures;
import io.dockerlings.lessons.picture.Style;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REPL's {@code demo} and {@code show} commands: list, present, and export the classroom demos
 * (shipped or a teacher's own file), and draw the terminal pictures of the current engine's state.
 */
final class DemoCommands {
  private final Backend backend;
  private final Console console;
  private final Path directory;
  private final DemoPresenter.Pace pace;
  private final Map<String, DemoRun> lastRuns = new HashMap<>();

  /**
   * @param directory where handouts are written (the current directory)
   */
  DemoCommands(Backend backend, Console console, Path directory, DemoPresenter.Pace pace) {
    this.backend = backend;
    this.console = console;
    this.directory = directory;
    this.pace = pace;
  }

  /** {@code demo [list | NAME | FILE | export NAME --format md|html]}. */
  void demo(List<String> args, Lang lang) {
    if (args.isEmpty() || args.get(0).equals("list")) {
      list(lang);
      return;
    }
    if (args.get(0).equals("export")) {
      export(args.subList(1, args.size()), lang);
      return;
    }
    if (args.get(0).equals("validate")) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      List<String> paths =
          args.subList(1, args.size()).stream().map(a -> directory.resolve(a).toString()).toList();
      LessonsCli.validateDemos(
          paths,
          new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
          new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
      console.out(out.toString(StandardCharsets.UTF_8));
      console.err(err.toString(StandardCharsets.UTF_8));
      return;
    }
    Optional<Demo> demo = load(args.get(0), lang);
    if (demo.isEmpty()) {
      return;
    }
    boolean withEngine = !backend.name().equals("sim");
    DemoPresenter presenter = new DemoPresenter(console, lang, engines(lang), pace);
    try {
      lastRuns.put(demo.get().id(), presenter.present(demo.get(), withEngine));
    } finally {
      cleanUp();
    }
  }

  /** The shipped demos, one a line: the name, then what it shows. */
  private void list(Lang lang) {
    Style style = Style.plain(lang, console.width());
    StringBuilder b = new StringBuilder();
    for (Demo d : DemoCatalog.all()) {
      String line = Cells.pad(d.id(), 14) + " " + style.say(d.teaches());
      b.append(Cells.cut(line, console.width())).append('\n');
    }
    console.out(b.toString());
  }

  /** A shipped demo by name, or a teacher's file by path, validated; errors go to the console. */
  Optional<Demo> load(String nameOrFile, Lang lang) {
    Optional<Demo> shipped = DemoCatalog.find(nameOrFile);
    if (shipped.isPresent()) {
      return shipped;
    }
    Path file = directory.resolve(nameOrFile);
    if (!Files.isRegularFile(file)) {
      console.err(
          (lang == Lang.ZH
                  ? "demo：没有名为 " + nameOrFile + " 的演示，也没有这个文件；可选："
                  : "demo: no demo or file called " + nameOrFile + "; the demos are: ")
              + String.join(", ", DemoCatalog.NAMES)
              + "\n");
      return Optional.empty();
    }
    try {
      DemoFile.Result l =
          DemoFile.load(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      List<String> errors =
          l.demo().isPresent()
              ? DemoCheck.replay(l.demo().get(), engines())
              : l.problems().stream().map(Object::toString).toList();
      if (!errors.isEmpty()) {
        console.err(
            (lang == Lang.ZH ? "演示文件有错误，无法运行：\n" : "the demo file has errors:\n")
                + String.join("\n", errors)
                + "\n");
        return Optional.empty();
      }
      return l.demo();
    } catch (IOException e) {
      console.err(
          (lang == Lang.ZH ? "demo：无法读取 " + file + "：" : "demo: cannot read " + file + ": ")
              + e.getMessage()
              + "\n");
      return Optional.empty();
    }
  }

  /** {@code demo export NAME --format md|html}: the last run's handout in the current directory. */
  private void export(List<String> args, Lang lang) {
    String name = null;
    String format = "html";
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--format") && i + 1 < args.size()) {
        format = args.get(++i);
      } else if (a.startsWith("--format=")) {
        format = a.substring("--format=".length());
      } else if (name == null && !a.startsWith("-")) {
        name = a;
      } else {
        name = null;
        break;
      }
    }
    if (name == null || !Handout.FORMATS.contains(format)) {
      console.err((lang == Lang.ZH ? "用法：" : "usage: ") + "demo export NAME --format md|html\n");
      return;
    }
    Optional<Demo> demo = load(name, lang);
    if (demo.isEmpty()) {
      return;
    }
    DemoRun run = lastRuns.get(demo.get().id());
    if (run == null) {
      // Not presented yet: run it through (with the engine outside sim mode) for the outputs.
      run = new DemoRun(demo.get(), engines(lang), !backend.name().equals("sim"), pace.samples());
      try {
        for (int i = 0; i < demo.get().steps().size(); i++) {
          run.run(i, Style.plain(lang, 80), (r, n, of) -> {});
        }
      } finally {
        cleanUp();
      }
      lastRuns.put(demo.get().id(), run);
    }
    Path out = directory.resolve(demo.get().id() + "." + format);
    try {
      Files.writeString(out, Handout.render(run, format, lang), StandardCharsets.UTF_8);
      console.out((lang == Lang.ZH ? "讲义已写入 " : "handout written to ") + out + "\n");
    } catch (IOException e) {
      console.err(
          (lang == Lang.ZH
                  ? "demo export：无法写入 " + out + "："
                  : "demo export: cannot write " + out + ": ")
              + e.getMessage()
              + "\n");
    }
  }

  /** {@code show layers|cpu|net|mounts ...} on the current backend. */
  void show(List<String> args, Lang lang) {
    Style style = new Style(lang, console.width(), console.colours());
    Optional<DockerEngine> engine = Optional.empty();
    DockerEngine state = new BackendEngine(backend);
    if (backend instanceof Modes modes && modes.name().equals("compare")) {
      state = new BackendEngine(modes.simulator());
      engine = Optional.of(new BackendEngine(modes.engine()));
    }
    Pictures.Drawn d = Pictures.show(args, state, engine, 3, style);
    if (d.ok()) {
      console.out(d.text());
    } else {
      console.err(d.text());
    }
  }

  /** Fresh simulators for the model; the session's real engine, emptied, for the engine. */
  DemoRun.Engines engines() {
    return engines(Lang.EN);
  }

  /** The same, the model's own notes in {@code lang}. */
  DemoRun.Engines engines(Lang lang) {
    return new DemoRun.Engines() {
      @Override
      public DockerEngine model(String host) {
        SimulatorOptions o =
            SimulatorOptions.defaults().withLanguage(java.util.Locale.forLanguageTag(lang.tag()));
        return DockerSimulator.create(
            host.equals("course-server") ? o.withHost(HostSpec.courseServer()) : o);
      }

      @Override
      public Optional<DockerEngine> engine() {
        Optional<Backend> real = realBackend();
        if (real.isEmpty() || real.get().unavailable().isPresent()) {
          return Optional.empty();
        }
        real.get().reset();
        return Optional.of(new BackendEngine(real.get()));
      }
    };
  }

  private Optional<Backend> realBackend() {
    return backend instanceof Modes modes ? Optional.of(modes.engine()) : Optional.empty();
  }

  /** Removes what a demo made on the real engine. */
  private void cleanUp() {
    realBackend().ifPresent(Backend::reset);
  }
}
