package io.dockerlings.lessons.run;

import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.Narrative;
import io.dockerlings.lessons.model.Step;
import io.dockerlings.lessons.state.State;
import io.dockerlings.lessons.text.Lang;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;

/** How a step presents itself: its header, narrative (rendered over the state) and question. */
final class StepView {
  private final Narrative narrative = new Narrative();

  Reply intro(Lesson lesson, int index, State state) {
    return intro(lesson, index, state, java.util.Optional.empty());
  }

  /**
   * The step's introduction; a prediction already given (the learner left after answering and came
   * back) is named with the commands still to run, instead of asking for it again.
   */
  Reply intro(Lesson lesson, int index, State state, java.util.Optional<String> answered) {
    Step step = lesson.steps().get(index);
    List<Text> out = new ArrayList<>();
    String where = lesson.module() + " " + (index + 1) + "/" + lesson.steps().size();
    Text kind = kind(step);
    out.add(
        Says.text(
            "step.header", where, lesson.title().en(), lesson.title().zh(), kind.en(), kind.zh()));
    if (!step.say().en().isBlank()) {
      out.add(render(step.say(), state));
    }
    if (step instanceof Step.Predict p) {
      out.add(render(p.question(), state));
      if (!p.choices().isEmpty()) {
        out.add(numbered(p.choices().stream().map(Step.Choice::text).toList()));
      }
      if (answered.isPresent()) {
        out.add(Says.text("predict.noted", answered.get(), String.join("\n  ", p.run())));
      } else {
        out.add(Says.text("predict.how", p.unit().map(u -> u.en()).orElse("")));
      }
    } else if (step instanceof Step.Quiz q) {
      out.add(render(q.question(), state));
      if (!q.choices().isEmpty()) {
        out.add(numbered(q.choices()));
        out.add(Says.text("quiz.how.choice", q.choices().size()));
      } else {
        out.add(Says.text("quiz.how.text"));
      }
    } else if (step instanceof Step.Observe o) {
      out.add(Says.text("observe.how", o.command()));
    } else {
      out.add(Says.text("do.how"));
    }
    return new Reply(out, false, false);
  }

  /** The text over the state, without the line break a YAML block (|) leaves at its end. */
  Text render(Text t, State state) {
    return new Text(
        narrative.render(t, Lang.EN, state).stripTrailing(),
        narrative.render(t, Lang.ZH, state).stripTrailing());
  }

  private static Text kind(Step s) {
    if (s instanceof Step.Do) {
      return Says.text("kind.do");
    }
    if (s instanceof Step.Predict) {
      return Says.text("kind.predict");
    }
    return s instanceof Step.Quiz ? Says.text("kind.quiz") : Says.text("kind.observe");
  }

  private static Text numbered(List<Text> choices) {
    StringBuilder en = new StringBuilder();
    StringBuilder zh = new StringBuilder();
    for (int i = 0; i < choices.size(); i++) {
      String sep = i == 0 ? "" : "\n";
      en.append(sep).append("  ").append(i + 1).append(") ").append(choices.get(i).en());
      zh.append(sep).append("  ").append(i + 1).append(") ").append(choices.get(i).zh());
    }
    return new Text(en.toString(), zh.toString());
  }
}
