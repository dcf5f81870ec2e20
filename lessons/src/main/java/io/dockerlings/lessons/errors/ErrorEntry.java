package io.dockerlings.lessons.errors;

import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One error of the engine or the docker CLI: how to recognise its text, what it means in the
 * learner's situation, what to do next, and the lesson that teaches it.
 *
 * @param id a short stable name ({@code port-allocated})
 * @param pattern a regular expression over docker's exact text; its named groups fill the {@code
 *     {name}} placeholders of the texts
 * @param groups the names of the pattern's named groups, in order
 * @param cause one to three lines naming the cause
 * @param next what to do next
 * @param lesson the id of the lesson that teaches it ({@code m8-ports})
 * @param example a command line that produces the error, for the catalogue's own tests
 * @param realSkip why the example cannot run on a real engine here, when it cannot
 */
public record ErrorEntry(
    String id,
    Pattern pattern,
    List<String> groups,
    Text cause,
    Text next,
    String lesson,
    Example example,
    Optional<String> realSkip) {
  public ErrorEntry {
    Objects.requireNonNull(id);
    Objects.requireNonNull(pattern);
    groups = List.copyOf(groups);
    Objects.requireNonNull(cause);
    Objects.requireNonNull(next);
    Objects.requireNonNull(lesson);
    Objects.requireNonNull(example);
    Objects.requireNonNull(realSkip);
  }

  /**
   * A way to produce the error: lines run in order on a fresh engine, the last one printing it.
   *
   * @param setup lines run first (docker commands or host lines); their output is not checked
   * @param run the line whose output carries the error
   * @param files files written into a fresh directory before anything runs (name to content);
   *     {@code {dir}} in the lines stands for that directory
   */
  public record Example(List<String> setup, String run, java.util.Map<String, String> files) {
    public Example {
      setup = List.copyOf(setup);
      Objects.requireNonNull(run);
      files = java.util.Map.copyOf(files);
    }
  }
}
