package io.dockerlings.grading;

import com.fasterxml.jackson.databind.JsonNode;
import io.dockerlings.exercises.check.Attempt;
import io.dockerlings.exercises.check.Judge;
import io.dockerlings.exercises.check.Verdict;
import io.dockerlings.lessons.text.Text;
import java.util.regex.Pattern;

/**
 * A judge for the grading tests that knows three goals ({@code used}, {@code never}, {@code
 * container: {name, state}}), enough to test the pipeline apart from the goal vocabulary.
 */
final class TestJudge implements Judge {
  @Override
  public Verdict judge(JsonNode goal, Attempt attempt) {
    String kind = goal.fieldNames().next();
    JsonNode body = goal.get(kind);
    return switch (kind) {
      case "used" -> {
        Pattern p = Pattern.compile(body.asText());
        boolean any = attempt.journal().stream().anyMatch(l -> p.matcher(l).find());
        yield any ? Verdict.yes() : Verdict.no(new Text("never ran " + p, "从未运行 " + p));
      }
      case "never" -> {
        Pattern p = Pattern.compile(body.asText());
        boolean any = attempt.journal().stream().anyMatch(l -> p.matcher(l).find());
        yield any ? Verdict.no(new Text("ran " + p, "运行了 " + p)) : Verdict.yes();
      }
      case "container" -> {
        String name = body.path("name").asText();
        var c =
            attempt.engine().snapshot().containers().stream()
                .filter(x -> x.name().equals(name))
                .findFirst();
        if (c.isEmpty()) {
          yield Verdict.no(new Text("no container " + name, "没有容器 " + name));
        }
        String state = body.path("state").asText(c.get().status());
        yield c.get().status().equals(state)
            ? Verdict.yes()
            : Verdict.no(
                new Text(name + " is " + c.get().status(), name + " 是 " + c.get().status()));
      }
      default -> throw new IllegalArgumentException("unknown goal " + kind);
    };
  }
}
