package io.dockerlings.lessons.run;

import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lesson says after something happened: paragraphs to show, and what changed.
 *
 * @param paragraphs texts to show, in order, each in both languages
 * @param stepDone whether a step was just completed
 * @param lessonDone whether the lesson was just finished
 */
public record Reply(List<Text> paragraphs, boolean stepDone, boolean lessonDone) {
  public Reply {
    paragraphs = List.copyOf(paragraphs);
  }

  /** Nothing to say. */
  public static Reply none() {
    return new Reply(List.of(), false, false);
  }

  /** Just these paragraphs. */
  public static Reply of(Text... paragraphs) {
    return new Reply(List.of(paragraphs), false, false);
  }

  /** This reply followed by {@code more}. */
  public Reply then(Reply more) {
    List<Text> all = new ArrayList<>(paragraphs);
    all.addAll(more.paragraphs);
    return new Reply(all, stepDone || more.stepDone, lessonDone || more.lessonDone);
  }

  /** Whether there is nothing to show. */
  public boolean isEmpty() {
    return paragraphs.isEmpty();
  }

  /** The paragraphs in one language, separated by blank lines. */
  public String in(Lang lang) {
    return String.join("\n\n", paragraphs.stream().map(t -> t.in(lang)).toList());
  }
}
