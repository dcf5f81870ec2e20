package io.dockerlings.lessons.model;

import io.dockerlings.lessons.goal.Goal;
import io.dockerlings.lessons.measure.Quantity;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Optional;

/** One step of a lesson: the learner acts (do), predicts, answers a quiz, or observes. */
public sealed interface Step permits Step.Do, Step.Predict, Step.Quiz, Step.Observe {
  /** Unique inside its lesson. */
  String id();

  /** The narrative, a Mustache template over the state. */
  Text say();

  /** Hints, vaguest first. */
  List<Text> hints();

  /** What the step needs from the engine beyond busybox (images, or the simulator itself). */
  Needs needs();

  /**
   * The learner acts; the goal completes the step.
   *
   * @param solution lines that solve it, replayed by the self-test and shown by {@code solution}
   * @param wrong plausible wrong attempts, each a list of lines that must not complete it
   * @param staging how a demo presents it ({@link Staging#NONE} in a lesson)
   */
  record Do(
      String id,
      Text say,
      Goal goal,
      List<Text> hints,
      List<String> solution,
      List<List<String>> wrong,
      Staging staging,
      Needs needs)
      implements Step {
    public Do {
      hints = List.copyOf(hints);
      solution = List.copyOf(solution);
      wrong = wrong.stream().map(List::copyOf).toList();
    }
  }

  /**
   * The learner answers first, then runs {@code run}; the model computes the right answer.
   *
   * @param form {@code number}, {@code choice} or {@code text}
   * @param tolerance for numbers: the allowed difference (absolute, or relative when {@code
   *     relative})
   * @param relative whether the tolerance is a fraction of the model's value
   * @param choices the options of a choice form
   * @param goal what shows that {@code run} took effect; empty means "the run lines were run"
   * @param wrongAnswer a plausible wrong answer the self-test proves is refused (empty in a demo)
   * @param staging how a demo presents it ({@link Staging#NONE} in a lesson)
   */
  record Predict(
      String id,
      Text say,
      Text question,
      List<String> run,
      Quantity measure,
      String form,
      double tolerance,
      boolean relative,
      List<Choice> choices,
      Optional<Text> unit,
      Optional<Goal> goal,
      List<Text> hints,
      String wrongAnswer,
      Staging staging,
      Needs needs)
      implements Step {
    public Predict {
      run = List.copyOf(run);
      choices = List.copyOf(choices);
      hints = List.copyOf(hints);
    }
  }

  /**
   * A concept question.
   *
   * @param answer the 1-based index of the right choice, or 0 when {@code accept} is used
   * @param accept the short texts accepted (compared ignoring case and spaces around)
   */
  record Quiz(
      String id,
      Text say,
      Text question,
      List<Text> choices,
      int answer,
      List<String> accept,
      Text explain,
      List<Text> hints,
      String wrongAnswer,
      Needs needs)
      implements Step {
    public Quiz {
      choices = List.copyOf(choices);
      accept = List.copyOf(accept);
      hints = List.copyOf(hints);
    }
  }

  /**
   * The learner runs a command where the notes and today's engine disagree.
   *
   * @param command the line to run
   * @param recorded what Docker Engine 20.10 answered
   * @param differs a known difference: why the simulator does not answer as the engine did (the
   *     self-test then requires that it does not), or empty when it must agree
   */
  record Observe(
      String id,
      Text say,
      String command,
      Recorded recorded,
      Text explain,
      List<Text> hints,
      Needs needs,
      Optional<Text> differs)
      implements Step {
    public Observe {
      hints = List.copyOf(hints);
    }
  }

  /**
   * One option of a predict step's choice.
   *
   * @param text what the learner reads
   * @param value a regular expression found in the measured value that makes this the right option;
   *     when absent, the option is right when its English text equals the measured value (ignoring
   *     case)
   */
  record Choice(Text text, Optional<java.util.regex.Pattern> value) {
    /** Whether this option is the one the measured value names. */
    public boolean matches(String measured) {
      return value.isPresent()
          ? value.get().matcher(measured).find()
          : text.en().strip().equalsIgnoreCase(measured.strip());
    }
  }

  /**
   * A real engine's recorded answer.
   *
   * @param exit its exit code
   * @param output what it printed, one write after another in the order the engine made them
   *     (stdout and stderr interleaved, as the REPL shows a command's output)
   * @param tolerance how far each number of a recorded line may lie from what is printed now (a
   *     sample such as a CPU % or a size)
   */
  record Recorded(
      int exit, List<io.dockerlings.simulator.CommandResult.Chunk> output, Tolerance tolerance) {
    public Recorded {
      output = List.copyOf(output);
    }

    /** Everything printed, in the order it was written. */
    public String printed() {
      StringBuilder b = new StringBuilder();
      for (io.dockerlings.simulator.CommandResult.Chunk c : output) {
        b.append(c.text());
      }
      return b.toString();
    }

    /** What was printed on stdout ({@code err} false) or stderr ({@code err} true) alone. */
    public String stream(boolean err) {
      StringBuilder b = new StringBuilder();
      for (io.dockerlings.simulator.CommandResult.Chunk c : output) {
        if (c.err() == err) {
          b.append(c.text());
        }
      }
      return b.toString();
    }

    /** The recorded lines that are not blank, in the order they were written. */
    public List<String> lines() {
      return java.util.Arrays.stream(printed().split("\n"))
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .toList();
    }
  }
}
