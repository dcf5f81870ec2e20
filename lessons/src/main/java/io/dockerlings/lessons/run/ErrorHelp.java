package io.dockerlings.lessons.run;

import io.dockerlings.lessons.errors.Note;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue's explanation of an error a learner's command hit inside a lesson step, and the
 * title of the lesson that teaches it (when the course has it).
 *
 * @param note the catalogue's note for what docker printed
 * @param teachingTitle the title of the note's lesson, when that lesson exists
 */
public record ErrorHelp(Note note, Optional<Text> teachingTitle) {
  /**
   * What the step shows: the cause and what to do, a "did you mean" when there is one, and, when
   * the error belongs to another lesson than {@code current}, which lesson teaches it.
   */
  public List<Text> paragraphs(String current) {
    List<Text> out = new ArrayList<>();
    Text cause = note.cause();
    Text next = note.next();
    out.add(
        new Text(
            Says.text("step.error", cause.en(), next.en()).en(),
            Says.text("step.error", cause.zh(), next.zh()).zh()));
    note.didYouMean().ifPresent(out::add);
    if (!note.lesson().equals(current)) {
      Text title = teachingTitle.orElse(Text.same(note.lesson()));
      out.add(
          new Text(
              Says.text("step.error.lesson", note.lesson(), title.en()).en(),
              Says.text("step.error.lesson", note.lesson(), title.zh()).zh()));
    }
    return out;
  }
}
