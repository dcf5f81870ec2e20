package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.measure.Quantity;
import io.dockerlings.lessons.model.Staging;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;

/**
 * One step of a demo, made from a step of its file as the lessons loader read it: a {@code do} step
 * runs its commands (the {@code solution}, typed out by the presenter); a {@code predict} step asks
 * its question, computes the answer on the model, then runs its commands ({@code run}) and reads
 * {@code measure} on the model and the engine. Either may draw a picture afterwards and pause.
 *
 * @param id unique in the demo
 * @param kind {@code do} or {@code predict}
 * @param say the narrative
 * @param question a predict step's question
 * @param commands what runs, in order
 * @param measure a predict step's quantity
 * @param tolerance how far the engine's measurement may lie from the model's value
 * @param unit shown after the values
 * @param staging the picture, pause and explanation
 */
public record DemoStep(
    String id,
    String kind,
    Text say,
    Optional<Text> question,
    List<DemoCommand> commands,
    Optional<Quantity> measure,
    Tolerance tolerance,
    Text unit,
    Staging staging) {
  public DemoStep {
    commands = List.copyOf(commands);
  }

  /** Whether the step asks for a prediction. */
  public boolean predicts() {
    return kind.equals("predict");
  }

  /** The {@code show} arguments of the picture drawn after the commands. */
  public Optional<List<String>> picture() {
    return staging.picture();
  }

  /** Shown after the values. */
  public Optional<Text> explain() {
    return staging.explain();
  }

  /** Whether the presenter waits for a key after the step. */
  public boolean pause() {
    return staging.pause();
  }
}
