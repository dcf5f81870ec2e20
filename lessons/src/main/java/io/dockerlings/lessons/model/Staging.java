package io.dockerlings.lessons.model;

import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;

/**
 * How a demo presents a step after its commands ran (the demo fields of the format): the picture
 * drawn, whether the presenter waits for a key, and the explanation shown. Lessons leave it empty.
 *
 * @param picture the {@code show} arguments of the picture ({@code cpu}, {@code layers NAME})
 * @param pause whether the presenter waits for a key after the step
 * @param explain shown after the step's values
 */
public record Staging(Optional<List<String>> picture, boolean pause, Optional<Text> explain) {
  /** A lesson's step: no picture, a pause, no explanation. */
  public static final Staging NONE = new Staging(Optional.empty(), true, Optional.empty());

  public Staging {
    picture = picture.map(List::copyOf);
  }
}
