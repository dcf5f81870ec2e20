package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;

/**
 * One step of a demo, in the lesson format's terms: a {@code do} step runs its commands (the
 * lesson's {@code solution}, typed out by the presenter); a {@code predict} step asks its question,
 * computes the answer on the model, then runs its commands ({@code run}) and reads {@code measure}
 * on the model and the engine. Either may draw a picture afterwards and pause.
 *
 * @param id unique in the demo
 * @param kind {@code do} or {@code predict}
 * @param say the narrative
 * @param question a predict step's question
 * @param commands what runs, in order
 * @param picture the {@code show} arguments of the picture drawn after the commands
 * @param measure a predict step's quantity
 * @param tolerance how far the engine's measurement may lie from the model's value
 * @param unit shown after the values
 * @param explain shown after the values
 * @param pause whether the presenter waits for a key after the step
 */
public record DemoStep(
    String id,
    String kind,
    Text say,
    Optional<Text> question,
    List<DemoCommand> commands,
    Optional<List<String>> picture,
    Optional<Measure> measure,
    Tolerance tolerance,
    Text unit,
    Optional<Text> explain,
    boolean pause) {
  public DemoStep {
    commands = List.copyOf(commands);
    picture = picture.map(List::copyOf);
  }

  /** Whether the step asks for a prediction. */
  public boolean predicts() {
    return kind.equals("predict");
  }
}
