package io.dockerlings.exercises.model;

import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One instructor exercise, as its YAML file describes it.
 *
 * @param id the file name without {@code .yaml}
 * @param module the curriculum module ({@code M0}..{@code M11})
 * @param title the short name, in both languages
 * @param task what the learner is asked to do, in both languages
 * @param host {@code course-server} (the default) or {@code default}
 * @param seed the seed of the engine the exercise runs on, so that replays pick the same ids
 * @param setup lines run silently before the learner starts
 * @param tasks the parts of the exercise, each with its checks and points
 * @param timeLimit how long an attempt may take from its first to its last command, if limited
 * @param deadline when submissions are due, if there is a due date
 * @param backends where an attempt may run: {@code sim}, {@code real}
 * @param solution the reference solution, which must score full marks
 * @param wrong plausible wrong attempts, each of which must score less
 * @param checksum the SHA-256 of the file, which a submission names to prove which version it is
 */
public record Exercise(
    String id,
    String module,
    Text title,
    Text task,
    String host,
    long seed,
    List<String> setup,
    List<Task> tasks,
    Optional<Duration> timeLimit,
    Optional<Instant> deadline,
    Set<String> backends,
    List<String> solution,
    List<WrongAttempt> wrong,
    String checksum) {

  public Exercise {
    setup = List.copyOf(setup);
    tasks = List.copyOf(tasks);
    backends = Set.copyOf(backends);
    solution = List.copyOf(solution);
    wrong = List.copyOf(wrong);
  }

  /**
   * How to build the simulator an attempt runs on: the exercise's host and seed, so that the
   * learner's engine and every replay of it pick the same ids and names.
   */
  public SimulatorOptions simulatorOptions(Clock clock) {
    HostSpec spec = host.equals("default") ? HostSpec.detect() : HostSpec.courseServer();
    return new SimulatorOptions(spec, clock, seed);
  }

  /** Every check of every task, in file order. */
  public List<Check> checks() {
    return tasks.stream().flatMap(t -> t.checks().stream()).toList();
  }

  /** The full marks: the sum of every check's points. */
  public int maxPoints() {
    return checks().stream().mapToInt(Check::points).sum();
  }

  /** The task a check belongs to. */
  public Task taskOf(Check check) {
    return tasks.stream().filter(t -> t.checks().contains(check)).findFirst().orElseThrow();
  }
}
