package io.dockerlings.lessons.model;

import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.HostSpec;
import java.util.List;
import java.util.Optional;

/**
 * One lesson, as its YAML file describes it.
 *
 * @param id the file name without {@code .yaml}
 * @param module the curriculum module, {@code M0}..{@code M11}
 * @param order its position inside the module
 * @param title its title
 * @param teaches what it teaches, in one line
 * @param requires ids of lessons to take first
 * @param courseServer whether it pins the notes' 4-core CentOS 7 server as the simulated host
 * @param setup lines run silently before step 1
 * @param steps its steps, in order
 * @param needs what the whole lesson (its setup and every step) needs from the engine
 */
public record Lesson(
    String id,
    String module,
    int order,
    Text title,
    Text teaches,
    List<String> requires,
    boolean courseServer,
    List<String> setup,
    List<Step> steps,
    Needs needs) {
  public Lesson {
    requires = List.copyOf(requires);
    setup = List.copyOf(setup);
    steps = List.copyOf(steps);
  }

  /** The module's number, for sorting: 7 for {@code M7}. */
  public int moduleNumber() {
    return Integer.parseInt(module.substring(1));
  }

  /** The simulated host a session of this lesson runs on. */
  public HostSpec host() {
    return courseServer ? HostSpec.courseServer() : HostSpec.detect();
  }

  /** What step {@code i} needs from the engine, the lesson's own needs included. */
  public Needs needsOf(int i) {
    return needs.and(steps.get(i).needs());
  }

  /** The index of the step with that id, if any. */
  public Optional<Integer> indexOf(String stepId) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(stepId)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
