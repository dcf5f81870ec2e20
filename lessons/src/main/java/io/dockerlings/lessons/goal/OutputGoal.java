package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last command's stdout and stderr matched a pattern.
 *
 * @param matches a regular expression, found anywhere in the output
 */
public record OutputGoal(Pattern matches) implements Goal {

  static OutputGoal parse(Fields f) {
    f.only(Set.of("matches"), "output");
    return new OutputGoal(f.at("matches").regex());
  }

  @Override
  public Verdict check(State state) {
    Optional<Journal.Entry> last = state.journal().last();
    if (last.isEmpty()) {
      return Verdict.fail("you have not run a command yet", "你还没有运行任何命令");
    }
    return matches.matcher(last.get().output()).find()
        ? Verdict.pass(
            "the output of " + last.get().line() + " shows what was asked",
            last.get().line() + " 的输出符合要求")
        : Verdict.fail(
            "the output of " + last.get().line() + " does not match /" + matches + "/",
            last.get().line() + " 的输出不符合 /" + matches + "/");
  }
}
