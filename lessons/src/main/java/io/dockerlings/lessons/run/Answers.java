package io.dockerlings.lessons.run;

import io.dockerlings.lessons.goal.Sizes;
import io.dockerlings.lessons.measure.Value;
import io.dockerlings.lessons.model.Step;
import io.dockerlings.lessons.text.Text;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Judges a learner's answer to a quiz or a prediction. */
public final class Answers {
  private Answers() {}

  /**
   * A judged answer.
   *
   * @param right whether it is right
   * @param expected the right answer as the learner reads it
   */
  public record Judged(boolean right, Text expected) {}

  /** A quiz answer: a choice's number or text, or one of the accepted short texts. */
  public static Judged quiz(Step.Quiz q, String answer) {
    if (q.answer() > 0) {
      Text right = q.choices().get(q.answer() - 1);
      Optional<Integer> picked = choice(q.choices(), answer);
      return new Judged(
          picked.isPresent() && picked.get() == q.answer(), numbered(q.answer(), right));
    }
    String a = norm(answer);
    boolean ok = q.accept().stream().anyMatch(x -> norm(x).equals(a));
    return new Judged(ok, Text.same(q.accept().get(0)));
  }

  /** A prediction against the model's value. */
  public static Judged predict(Step.Predict p, String answer, Value model) {
    switch (p.form()) {
      case "number" -> {
        double m = inUnit(p, model);
        String unit = p.unit().map(u -> u.en()).orElse("");
        Text expected = Text.same(Value.of(m).text() + (unit.isEmpty() ? "" : " " + unit));
        Optional<Double> a = number(answer);
        if (a.isEmpty()) {
          return new Judged(false, expected);
        }
        double tol = p.relative() ? p.tolerance() * Math.abs(m) : p.tolerance();
        return new Judged(Math.abs(a.get() - m) <= tol + 1e-9, expected);
      }
      case "choice" -> {
        List<Text> texts = p.choices().stream().map(Step.Choice::text).toList();
        int right = -1;
        for (int i = 0; i < p.choices().size(); i++) {
          if (p.choices().get(i).matches(model.text())) {
            right = i + 1;
            break;
          }
        }
        if (right < 0) {
          return new Judged(false, Text.same(model.text()));
        }
        Optional<Integer> picked = choice(texts, answer);
        return new Judged(
            picked.isPresent() && picked.get() == right, numbered(right, texts.get(right - 1)));
      }
      default -> {
        String a = norm(answer);
        String m = norm(model.text());
        boolean ok = !a.isEmpty() && (a.equals(m) || (a.length() >= 3 && m.contains(a)));
        return new Judged(ok, Text.same(model.text()));
      }
    }
  }

  /** The model's number in the step's unit (bytes to MiB when the unit is MiB). */
  static double inUnit(Step.Predict p, Value model) {
    double m = model.number().orElse(Double.NaN);
    if (p.unit().isPresent()) {
      String u = p.unit().get().en().strip();
      if (u.matches("(?i)(KiB|MiB|GiB|kB|MB|GB)")) {
        m = m / Sizes.parse("1" + u);
      }
    }
    return m;
  }

  private static Text numbered(int n, Text t) {
    return new Text(n + ") " + t.en(), n + ") " + t.zh());
  }

  private static Optional<Integer> choice(List<Text> choices, String answer) {
    String a = norm(answer);
    if (a.matches("\\d+")) {
      int n = Integer.parseInt(a);
      return n >= 1 && n <= choices.size() ? Optional.of(n) : Optional.empty();
    }
    for (int i = 0; i < choices.size(); i++) {
      if (norm(choices.get(i).en()).equals(a) || norm(choices.get(i).zh()).equals(a)) {
        return Optional.of(i + 1);
      }
    }
    return Optional.empty();
  }

  private static Optional<Double> number(String answer) {
    String a = answer.strip().replaceAll("[%\\s]|(?i)(KiB|MiB|GiB|kB|MB|GB|B)$", "");
    try {
      return Optional.of(Double.parseDouble(a));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String norm(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
