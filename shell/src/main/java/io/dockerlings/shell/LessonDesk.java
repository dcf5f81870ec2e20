package io.dockerlings.shell;

import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.progress.Progress;
import io.dockerlings.lessons.progress.ProgressStore;
import io.dockerlings.lessons.run.ErrorHelp;
import io.dockerlings.lessons.run.LessonSession;
import io.dockerlings.lessons.run.Reply;
import io.dockerlings.lessons.run.Workbench;
import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.text.Lang;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REPL's side of the lessons: the lesson commands ({@code lessons}, {@code lesson ID}, {@code
 * hint}, {@code answer}...), the learner's commands reported to the current lesson, progress saved
 * after each change, and where the learner is for the prompt. Returns text; prints nothing.
 */
final class LessonDesk {
  /** The commands this desk answers. */
  static final List<String> COMMANDS =
      List.of(
          "lessons",
          "lesson",
          "next",
          "hint",
          "solution",
          "check",
          "answer",
          "skip",
          "back",
          "undo",
          "restart",
          "progress");

  private final Course course;
  private final Workbench bench;
  private final Optional<ProgressStore> store;
  private Progress progress;
  private LessonSession session;
  private String storeProblem = "";

  LessonDesk(Course course, Workbench bench, Optional<ProgressStore> store, Progress progress) {
    this.course = course;
    this.bench = bench;
    this.store = store;
    this.progress = progress;
  }

  Course course() {
    return course;
  }

  /** Where the learner is ({@code M7 3/8}), when in a lesson. */
  Optional<String> where() {
    return session == null ? Optional.empty() : Optional.of(session.where());
  }

  /** Resumes the lesson progress says the learner was in, if any. */
  String resume(Messages m) {
    Optional<String> id = progress.currentLesson();
    Optional<Lesson> lesson = id.flatMap(course::lesson);
    if (lesson.isEmpty()) {
      return "";
    }
    session = LessonSession.resume(lesson.get(), bench, progress.of(id.get()).orElseThrow());
    return render(m, m.get("lesson.resumed", lesson.get().id(), session.where()))
        + show(session.intro(), m);
  }

  /** Runs one lesson command. */
  String handle(String name, List<String> args, Messages m) {
    String rest = String.join(" ", args);
    if (name.equals("lessons")) {
      return list(m);
    }
    if (name.equals("progress")) {
      return summary(m);
    }
    if (name.equals("lesson")) {
      if (args.isEmpty()) {
        return session == null ? render(m, m.get("lesson.usage")) : show(session.intro(), m);
      }
      if (args.get(0).equals("reset") && session != null) {
        return saved(session.resetLesson(), m);
      }
      return start(args.get(0), m);
    }
    if (name.equals("next")) {
      return next(m);
    }
    if (session == null) {
      return render(m, m.get("lesson.none"));
    }
    Reply r =
        switch (name) {
          case "hint" -> session.hint();
          case "solution" -> session.solution();
          case "check" -> session.check();
          case "answer" -> session.answer(rest);
          case "skip" -> session.skip();
          case "back" -> session.back();
          case "undo" -> session.undo();
          default -> session.restartStep();
        };
    return saved(r, m);
  }

  /** Tells the current lesson about a command the learner ran; returns what it says. */
  String afterCommand(Journal.Entry entry, Messages m) {
    return afterCommand(entry, Optional.empty(), m);
  }

  /**
   * Tells the current lesson about a command the learner ran and the note its error got, which the
   * step shows while it goes on; returns what the lesson says.
   */
  String afterCommand(
      Journal.Entry entry, Optional<io.dockerlings.lessons.errors.Note> note, Messages m) {
    if (!inStep()) {
      return "";
    }
    Optional<ErrorHelp> help =
        note.map(n -> new ErrorHelp(n, course.lesson(n.lesson()).map(Lesson::title)));
    return saved(session.afterCommand(entry, help), m);
  }

  /** Whether a lesson step is under way, which then shows the notes of the learner's errors. */
  boolean inStep() {
    return session != null && !session.finished();
  }

  private String start(String id, Messages m) {
    Optional<Lesson> lesson = course.lesson(id);
    if (lesson.isEmpty()) {
      return render(m, m.get("lesson.unknown", id));
    }
    Optional<Progress.LessonProgress> before = progress.of(id);
    if (before.isPresent() && !before.get().finished()) {
      session = LessonSession.resume(lesson.get(), bench, before.get());
      return saved(Reply.none(), m)
          + render(m, m.get("lesson.resumed", id, session.where()))
          + show(session.intro(), m);
    }
    session = LessonSession.begin(lesson.get(), bench);
    String missing =
        String.join(
            ", ",
            lesson.get().requires().stream()
                .filter(r -> !progress.of(r).map(Progress.LessonProgress::finished).orElse(false))
                .toList());
    String note = missing.isEmpty() ? "" : render(m, m.get("lesson.requires", missing));
    return note + saved(session.intro(), m);
  }

  private String next(Messages m) {
    String from = session == null ? "" : session.lesson().id();
    for (Lesson l : course.lessons()) {
      boolean done = progress.of(l.id()).map(Progress.LessonProgress::finished).orElse(false);
      if (!done && !l.id().equals(from)) {
        return start(l.id(), m);
      }
    }
    return render(m, m.get("next.none"));
  }

  private String saved(Reply r, Messages m) {
    StringBuilder out = new StringBuilder(show(r, m));
    if (session != null) {
      Lesson l = session.lesson();
      progress = progress.with(l.id(), session.progress());
      if (r.lessonDone()) {
        out.append(celebrate(l, m));
      }
    }
    store.ifPresent(
        s -> {
          try {
            s.save(progress);
            storeProblem = "";
          } catch (IOException e) {
            if (storeProblem.isEmpty()) {
              storeProblem = e.getMessage();
              out.append(render(m, m.get("progress.unwritable", s.file(), e.getMessage())));
            }
          }
        });
    return out.toString();
  }

  private String celebrate(Lesson l, Messages m) {
    StringBuilder out = new StringBuilder();
    List<Lesson> module = course.byModule().get(l.module());
    if (module.stream().allMatch(this::finished)) {
      out.append(render(m, m.get("module.done", l.module(), module.size())));
    }
    if (course.lessons().stream().allMatch(this::finished)) {
      out.append(render(m, m.get("course.done", course.lessons().size())));
      out.append(summary(m));
    } else {
      out.append(render(m, m.get("lesson.next")));
    }
    return out.toString();
  }

  private boolean finished(Lesson l) {
    return progress.of(l.id()).map(Progress.LessonProgress::finished).orElse(false);
  }

  private String list(Messages m) {
    if (course.lessons().isEmpty()) {
      return render(m, m.get("lessons.empty"));
    }
    Lang lang = lang(m);
    StringBuilder b = new StringBuilder(m.get("lessons.header")).append('\n');
    for (Map.Entry<String, List<Lesson>> e : course.byModule().entrySet()) {
      b.append(e.getKey()).append('\n');
      for (Lesson l : e.getValue()) {
        int total = l.steps().size();
        long passed =
            progress
                .of(l.id())
                .map(p -> p.steps().values().stream().filter(v -> !v.equals("skipped")).count())
                .orElse(0L);
        String mark =
            finished(l)
                ? "\u2713"
                : session != null && session.lesson().id().equals(l.id()) ? "\u25b8" : " ";
        // The lesson's row (mark, id, bar, steps), then what it is and teaches beneath it, wrapped
        // with a hanging indent so that the ids and bars stay in their columns at any width.
        b.append(
                String.format(
                    "  %s %-22s %s %5s", mark, l.id(), bar(passed, total), passed + "/" + total))
            .append('\n');
        b.append(
            Wrap.wrap(
                l.title().in(lang) + " \u2014 " + l.teaches().in(lang), "      ", "      ", width));
      }
    }
    b.append(render(m, m.get("lessons.how")));
    return b.toString();
  }

  private String summary(Messages m) {
    int lessons = course.lessons().size();
    long finished = course.lessons().stream().filter(this::finished).count();
    long done = 0;
    long assisted = 0;
    long skipped = 0;
    int steps = 0;
    for (Lesson l : course.lessons()) {
      steps += l.steps().size();
      for (String v : progress.of(l.id()).map(p -> p.steps().values()).orElse(List.of())) {
        done += v.equals("done") ? 1 : 0;
        assisted += v.equals("assisted") ? 1 : 0;
        skipped += v.equals("skipped") ? 1 : 0;
      }
    }
    StringBuilder b =
        new StringBuilder(
            render(
                m, m.get("progress.summary", finished, lessons, done, assisted, skipped, steps)));
    for (Map.Entry<String, List<Lesson>> e : course.byModule().entrySet()) {
      long f = e.getValue().stream().filter(this::finished).count();
      b.append(
          String.format(
              "  %-4s %s %d/%d%n",
              e.getKey(), bar(f, e.getValue().size()), f, e.getValue().size()));
    }
    return b.toString();
  }

  private static String bar(long part, long whole) {
    int n = whole == 0 ? 0 : (int) Math.round(10.0 * part / whole);
    return "\u2588".repeat(n) + "\u2591".repeat(10 - n);
  }

  private int width = 80;

  /** Tells the desk how wide the terminal is. */
  void width(int columns) {
    this.width = columns;
  }

  private static Lang lang(Messages m) {
    return m.language().equals("zh-CN") ? Lang.ZH : Lang.EN;
  }

  private String show(Reply r, Messages m) {
    return r.isEmpty() ? "" : wrapProse(r.in(lang(m))) + "\n";
  }

  /**
   * The text wrapped at the terminal's width, except the commands it lists on lines of their own
   * ({@code " docker run ..."}): the learner copies those, and a break inside one would change what
   * the shell reads.
   */
  private String wrapProse(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (b.length() > 0) {
        b.append('\n');
      }
      boolean command = line.startsWith("  ") && line.stripLeading().startsWith("docker ");
      b.append(command ? line : Wrap.wrap(line, width));
    }
    return b.toString();
  }

  private String render(Messages m, String text) {
    return Wrap.wrap(text, width) + "\n";
  }
}
