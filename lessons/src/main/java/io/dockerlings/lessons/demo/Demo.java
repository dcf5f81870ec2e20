package io.dockerlings.lessons.demo;

import io.dockerlings.lessons.text.Text;
import java.util.List;

/**
 * A classroom demo: a lesson-format script (narrative, commands, pictures, predictions, pause
 * points) that a presenter runs step by step on its own clean engines.
 *
 * @param id its name, as {@code demo NAME} takes it
 * @param title its title
 * @param teaches what it shows, one line, as {@code demo list} prints it
 * @param host {@code default} (this machine) or {@code course-server} (the notes' 4-core server)
 * @param setup commands run silently before the first step
 * @param steps the steps, in order
 */
public record Demo(
    String id,
    Text title,
    Text teaches,
    String host,
    List<DemoCommand> setup,
    List<DemoStep> steps) {
  public Demo {
    setup = List.copyOf(setup);
    steps = List.copyOf(steps);
  }
}
