package io.dockerlings.lessons.model;

import io.dockerlings.lessons.goal.Fields;
import io.dockerlings.lessons.goal.Goal;
import io.dockerlings.lessons.goal.GoalParser;
import io.dockerlings.lessons.measure.Quantity;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one step of a lesson, by its kind; in a demo file, a do or predict step with the demo
 * fields ({@code picture}, {@code pause}, {@code explain}) and without what only a learner needs (a
 * goal, wrong attempts, an answer form).
 */
final class StepParser {
  static final List<String> KINDS = List.of("do", "predict", "quiz", "observe");
  static final List<String> DEMO_KINDS = List.of("do", "predict");
  private static final Set<String> STAGING = Set.of("picture", "pause", "explain");
  private static final Set<String> DO =
      Set.of("id", "kind", "say", "hints", "goal", "solution", "wrong", "needs");
  private static final Set<String> PREDICT =
      Set.of(
          "id",
          "kind",
          "say",
          "hints",
          "question",
          "run",
          "measure",
          "form",
          "tolerance",
          "choices",
          "unit",
          "wrong-answer",
          "goal",
          "solution-answer",
          "needs");
  private static final Set<String> QUIZ =
      Set.of(
          "id",
          "kind",
          "say",
          "hints",
          "question",
          "choices",
          "answer",
          "accept",
          "explain",
          "wrong-answer",
          "needs");
  private static final Set<String> OBSERVE =
      Set.of("id", "kind", "say", "hints", "command", "recorded", "explain", "needs", "differs");

  private StepParser() {}

  static Step parse(Fields f, boolean demo) {
    if (!f.node().isObject()) {
      throw f.error("a step is a map with id, kind and say");
    }
    String id = f.text("id");
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw f.at("id")
          .error("step id '" + id + "' may hold only lowercase letters, digits and '-'");
    }
    String kind = f.at("kind").oneOf(demo ? DEMO_KINDS : KINDS);
    List<Text> hints = Texts.list(f.at("hints"), "hint");
    return switch (kind) {
      case "do" -> {
        f.only(demo ? union(DO, STAGING) : DO, "do step");
        Staging staging = staging(f, demo);
        Goal goal =
            demo && !f.has("goal") ? new Goal.All(List.of()) : GoalParser.parse(f.at("goal"));
        List<String> solution =
            demo && (f.has("picture") || f.has("solution"))
                ? optionalLines(f.at("solution"), "solution")
                : lines(f.at("solution"), "solution");
        List<List<String>> wrong = new ArrayList<>();
        Fields w = f.at("wrong");
        if (!demo && (!w.node().isArray() || w.node().isEmpty())) {
          throw w.error("a do step keeps at least one plausible wrong attempt (wrong: [[lines]])");
        }
        for (Fields attempt : f.has("wrong") ? w.items() : List.<Fields>of()) {
          wrong.add(attempt.texts());
        }
        yield new Step.Do(
            id,
            Texts.of(f.at("say"), "say"),
            goal,
            hints,
            solution,
            wrong,
            staging,
            Needs.parse(f.at("needs")));
      }
      case "predict" -> predict(f, id, hints, demo);
      case "quiz" -> quiz(f, id, hints);
      default -> {
        f.only(OBSERVE, "observe step");
        Fields rec = f.at("recorded");
        rec.only(Set.of("exit", "output", "stdout", "stderr", "tolerance"), "recorded");
        Step.Recorded recorded =
            new Step.Recorded(
                (int) rec.at("exit").number(),
                recordedOutput(rec),
                Tolerance.parse(rec.at("tolerance")));
        yield new Step.Observe(
            id,
            Texts.of(f.at("say"), "say"),
            f.text("command"),
            recorded,
            Texts.of(f.at("explain"), "explain"),
            hints,
            Needs.parse(f.at("needs")),
            f.has("differs")
                ? Optional.of(Texts.of(f.at("differs"), "differs"))
                : Optional.empty());
      }
    };
  }

  /**
   * A recording's output in write order: {@code output: [{out: ...}, {err: ...}]}, or one stream
   * alone as {@code stdout:} or {@code stderr:}. Both streams need {@code output}, since only it
   * says which was written first.
   */
  private static List<io.dockerlings.simulator.CommandResult.Chunk> recordedOutput(Fields rec) {
    boolean out = rec.has("stdout");
    boolean err = rec.has("stderr");
    if (rec.has("output")) {
      if (out || err) {
        throw rec.at(out ? "stdout" : "stderr")
            .error("give the output once: in output, or as stdout or stderr alone");
      }
      List<io.dockerlings.simulator.CommandResult.Chunk> chunks = new ArrayList<>();
      for (Fields chunk : rec.at("output").items()) {
        chunk.only(Set.of("out", "err"), "output chunk");
        if (chunk.has("out") == chunk.has("err")) {
          throw chunk.error("an output chunk is {out: text} or {err: text}");
        }
        boolean isErr = chunk.has("err");
        chunks.add(
            new io.dockerlings.simulator.CommandResult.Chunk(
                isErr, chunk.text(isErr ? "err" : "out")));
      }
      return chunks;
    }
    if (out && err) {
      throw rec.at("stderr")
          .error(
              "stdout and stderr together do not say which came first: record them as output:"
                  + " [{out: ...}, {err: ...}] in the order the engine wrote them");
    }
    if (out) {
      return List.of(new io.dockerlings.simulator.CommandResult.Chunk(false, rec.text("stdout")));
    }
    if (err) {
      return List.of(new io.dockerlings.simulator.CommandResult.Chunk(true, rec.text("stderr")));
    }
    return List.of();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return out;
  }

  /** The demo fields; a lesson has none (they are refused as unknown fields before this). */
  private static Staging staging(Fields f, boolean demo) {
    if (!demo) {
      return Staging.NONE;
    }
    Optional<List<String>> picture = Optional.empty();
    if (f.has("picture")) {
      List<String> words = List.of(f.at("picture").text().strip().split("\\s+"));
      if (words.get(0).isEmpty()) {
        throw f.at("picture")
            .error("picture names what to draw: cpu, net, layers NAME, mounts NAME");
      }
      picture = Optional.of(words);
    }
    boolean pause = !f.has("pause") || f.at("pause").bool();
    Optional<Text> explain =
        f.has("explain") ? Optional.of(Texts.of(f.at("explain"), "explain")) : Optional.empty();
    return new Staging(picture, pause, explain);
  }

  /** A list of command lines that may be empty or absent. */
  private static List<String> optionalLines(Fields f, String what) {
    if (f.node().isMissingNode()) {
      return List.of();
    }
    if (!f.node().isArray()) {
      throw f.error(what + " must be a list of command lines");
    }
    return f.texts();
  }

  private static List<String> lines(Fields f, String what) {
    if (!f.node().isArray() || f.node().isEmpty()) {
      throw f.error(what + " must be a non-empty list of command lines");
    }
    return f.texts();
  }

  private static Step.Predict predict(Fields f, String id, List<Text> hints, boolean demo) {
    if (f.has("solution-answer")) {
      throw f.at("solution-answer")
          .error("solution-answer is not allowed: the model computes the answer from measure");
    }
    f.only(demo ? union(PREDICT, STAGING) : PREDICT, "predict step");
    Staging staging = staging(f, demo);
    String form =
        demo && !f.has("form") ? "number" : f.at("form").oneOf(List.of("number", "choice", "text"));
    double tolerance = 0;
    boolean relative = false;
    if (f.has("tolerance")) {
      String t = f.at("tolerance").text().trim();
      relative = t.endsWith("%");
      try {
        tolerance = Double.parseDouble(relative ? t.substring(0, t.length() - 1) : t);
      } catch (NumberFormatException e) {
        throw f.at("tolerance").error("tolerance is a number or a percentage (5, \"10%\")");
      }
      if (relative) {
        tolerance = tolerance / 100;
      }
    }
    List<Step.Choice> choices = new ArrayList<>();
    if (form.equals("choice")) {
      Fields c = f.at("choices");
      if (!c.node().isArray() || c.node().size() < 2) {
        throw c.error("a choice form lists at least two choices");
      }
      for (Fields item : c.items()) {
        if (item.node().isObject() && item.has("value")) {
          java.util.regex.Pattern value = item.at("value").regex();
          Fields text =
              new Fields(
                  ((com.fasterxml.jackson.databind.node.ObjectNode) item.node())
                      .deepCopy()
                      .without("value"),
                  item.pointer());
          choices.add(new Step.Choice(Texts.of(text, "choice"), Optional.of(value)));
        } else {
          choices.add(new Step.Choice(Texts.orPlain(item, "choice"), Optional.empty()));
        }
      }
    }
    if (!demo && !f.has("wrong-answer")) {
      throw f.error(
          "a predict step keeps a plausible wrong-answer the self-test proves is refused");
    }
    return new Step.Predict(
        id,
        Texts.of(f.at("say"), "say"),
        Texts.of(f.at("question"), "question"),
        demo ? optionalLines(f.at("run"), "run") : lines(f.at("run"), "run"),
        Quantity.parse(f.at("measure")),
        form,
        tolerance,
        relative,
        choices,
        f.has("unit") ? Optional.of(Texts.orPlain(f.at("unit"), "unit")) : Optional.empty(),
        f.has("goal") ? Optional.of(GoalParser.parse(f.at("goal"))) : Optional.empty(),
        hints,
        f.has("wrong-answer") ? f.at("wrong-answer").text() : "",
        staging,
        Needs.parse(f.at("needs")));
  }

  private static Step.Quiz quiz(Fields f, String id, List<Text> hints) {
    f.only(QUIZ, "quiz step");
    List<Text> choices = new ArrayList<>();
    if (f.has("choices")) {
      for (Fields item : f.at("choices").items()) {
        choices.add(Texts.orPlain(item, "choice"));
      }
    }
    int answer = 0;
    List<String> accept = List.of();
    if (f.has("answer") == f.has("accept")) {
      throw f.error("a quiz has either answer (a choice's number) or accept (short texts)");
    }
    if (f.has("answer")) {
      answer = (int) f.at("answer").number();
      if (choices.size() < 2) {
        throw f.at("choices").error("a quiz with answer lists at least two choices");
      }
      if (answer < 1 || answer > choices.size()) {
        throw f.at("answer").error("answer " + answer + " is not between 1 and " + choices.size());
      }
    } else {
      accept = f.at("accept").texts();
    }
    if (!f.has("wrong-answer")) {
      throw f.error("a quiz keeps a plausible wrong-answer the self-test proves is refused");
    }
    Text say = f.has("say") ? Texts.of(f.at("say"), "say") : new Text("", "");
    return new Step.Quiz(
        id,
        say,
        Texts.of(f.at("question"), "question"),
        choices,
        answer,
        accept,
        Texts.of(f.at("explain"), "explain"),
        hints,
        f.at("wrong-answer").text(),
        Needs.parse(f.at("needs")));
  }
}
