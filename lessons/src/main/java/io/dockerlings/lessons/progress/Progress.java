package io.dockerlings.lessons.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's progress through the course: where they are and, per lesson, what they did.
 *
 * @param version the file format's version
 * @param current the lesson they were in when they left; empty when none
 * @param lessons per lesson id
 */
public record Progress(int version, String current, Map<String, LessonProgress> lessons) {
  /** The format version this code writes. */
  public static final int VERSION = 1;

  public Progress {
    current = current == null ? "" : current;
    lessons = lessons == null ? Map.of() : lessons;
    lessons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lessons));
  }

  /** No progress yet. */
  public static Progress empty() {
    return new Progress(VERSION, "", Map.of());
  }

  /** This progress with one lesson's record replaced and that lesson current. */
  public Progress with(String lessonId, LessonProgress p) {
    Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
    m.put(lessonId, p);
    return new Progress(version, lessonId, m);
  }

  /** This progress with nothing current (the learner left the lesson). */
  public Progress withoutCurrent() {
    return new Progress(version, "", lessons);
  }

  /** The lesson the learner was in when they left, if any. */
  public Optional<String> currentLesson() {
    return current.isEmpty() ? Optional.empty() : Optional.of(current);
  }

  /** One lesson's record, if the learner started it. */
  public Optional<LessonProgress> of(String lessonId) {
    return Optional.ofNullable(lessons.get(lessonId));
  }

  /**
   * One lesson's record.
   *
   * @param step the index of the current step
   * @param stepStart how many of {@code commands} were run before the current step began
   * @param steps per step id: {@code done}, {@code assisted} or {@code skipped}
   * @param answers per step id: the learner's answer
   * @param commands the learner's commands since the lesson started, replayed on resume
   * @param finished whether every step was passed
   */
  public record LessonProgress(
      int step,
      int stepStart,
      Map<String, String> steps,
      Map<String, String> answers,
      List<Command> commands,
      boolean finished) {
    public LessonProgress {
      steps = steps == null ? Map.of() : steps;
      answers = answers == null ? Map.of() : answers;
      commands = commands == null ? List.of() : commands;
      steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
      answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
      commands = List.copyOf(commands);
    }
  }

  /**
   * One recorded command.
   *
   * @param line as typed
   * @param exit what it returned
   * @param input lines typed into the terminal it opened
   */
  public record Command(String line, int exit, List<String> input) {
    public Command {
      input = input == null ? List.of() : List.copyOf(input);
    }
  }
}
