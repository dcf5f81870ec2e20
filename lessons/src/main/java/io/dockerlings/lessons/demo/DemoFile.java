package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.measure.Quantity;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.LessonLoader;
import io.dockerlings.lessons.model.Problem;
import io.dockerlings.lessons.model.Staging;
import io.dockerlings.lessons.model.Step;
import io.dockerlings.lessons.picture.Pictures;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A demo file read by the lessons loader ({@link LessonLoader#loadDemo}: the same schema, texts,
 * quantities and line-numbered problems as a lesson), then checked for what a presenter needs:
 * docker command lines (here-documents allowed), pictures that exist, quantities that can be read
 * on a real engine as well as on the model.
 */
public final class DemoFile {
  private DemoFile() {}

  /**
   * What loading gave.
   *
   * @param demo the demo, when the file has no problem
   * @param problems what is wrong, with lines
   */
  public record Result(Optional<Demo> demo, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  /** Loads and checks a demo file; {@code file} names it in problems. */
  public static Result load(String file, String yaml) {
    LessonLoader.Result loaded = LessonLoader.loadDemo(file, yaml);
    if (loaded.lesson().isEmpty()) {
      return new Result(Optional.empty(), loaded.problems());
    }
    Lesson lesson = loaded.lesson().get();
    List<Problem> problems = new ArrayList<>();
    List<DemoCommand> setup = commands(lesson.setup(), "/setup", file, yaml, problems);
    List<DemoStep> steps = new ArrayList<>();
    for (int i = 0; i < lesson.steps().size(); i++) {
      steps.add(step(lesson.steps().get(i), "/steps/" + i, file, yaml, problems));
    }
    if (!problems.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    Demo demo =
        new Demo(
            lesson.id(),
            lesson.title(),
            lesson.teaches(),
            lesson.courseServer() ? "course-server" : "default",
            setup,
            steps);
    return new Result(Optional.of(demo), List.of());
  }

  private static DemoStep step(
      Step step, String at, String file, String yaml, List<Problem> problems) {
    if (step instanceof Step.Predict p) {
      Quantity q = p.measure();
      if (!Measure.READABLE.contains(q.kind())) {
        problems.add(
            problem(
                file,
                yaml,
                at + "/measure",
                "a demo reads its measure on a real engine too; "
                    + q.kind()
                    + " is not one it can read there (use one of "
                    + String.join(", ", Measure.READABLE)
                    + ")"));
      }
      picture(p.staging(), at, file, yaml, problems);
      return new DemoStep(
          p.id(),
          "predict",
          p.say(),
          Optional.of(p.question()),
          commands(p.run(), at + "/run", file, yaml, problems),
          Optional.of(q),
          Tolerance.of(p.tolerance(), p.relative()),
          p.unit().orElse(Text.same("")),
          p.staging());
    }
    Step.Do d = (Step.Do) step;
    picture(d.staging(), at, file, yaml, problems);
    if (d.solution().isEmpty() && d.staging().picture().isEmpty()) {
      problems.add(problem(file, yaml, at, "a do step needs solution commands or a picture"));
    }
    return new DemoStep(
        d.id(),
        "do",
        d.say(),
        Optional.empty(),
        commands(d.solution(), at + "/solution", file, yaml, problems),
        Optional.empty(),
        Tolerance.EXACT,
        Text.same(""),
        d.staging());
  }

  private static void picture(
      Staging staging, String at, String file, String yaml, List<Problem> problems) {
    staging
        .picture()
        .ifPresent(
            args -> {
              boolean named = args.size() >= 2;
              if (!Pictures.KINDS.contains(args.get(0))
                  || ((args.get(0).equals("layers") || args.get(0).equals("mounts")) && !named)) {
                problems.add(
                    problem(
                        file,
                        yaml,
                        at + "/picture",
                        "picture is one of "
                            + Pictures.KINDS
                            + " (layers and mounts with a name), got '"
                            + String.join(" ", args)
                            + "'"));
              }
            });
  }

  private static List<DemoCommand> commands(
      List<String> lines, String at, String file, String yaml, List<Problem> problems) {
    List<DemoCommand> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      DemoCommand.Result r = DemoCommand.parse(lines.get(i));
      if (r.command().isPresent()) {
        out.add(r.command().get());
      } else {
        problems.add(problem(file, yaml, at + "/" + i, r.error()));
      }
    }
    return out;
  }

  private static Problem problem(String file, String yaml, String pointer, String message) {
    return new Problem(file, LessonLoader.lineOf(yaml, pointer), message);
  }
}
