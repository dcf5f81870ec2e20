package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import java.util.regex.Pattern;

/**
 * The learner's own commands did ({@code used}) or never did ({@code never}) match a pattern. Only
 * commands that succeeded count for {@code used}; every command counts for {@code never}.
 *
 * @param pattern a regular expression, found anywhere in a command line
 * @param wanted true for {@code used}, false for {@code never}
 */
public record JournalGoal(Pattern pattern, boolean wanted) implements Goal {

  @Override
  public Verdict check(State state) {
    String hit = null;
    for (Journal.Entry e : state.journal().entries()) {
      if ((accepted(e.exitCode()) || !wanted) && pattern.matcher(e.line()).find()) {
        hit = e.line();
        break;
      }
    }
    if (wanted) {
      return hit != null
          ? Verdict.pass("you ran " + hit, "你运行了 " + hit)
          : Verdict.fail(
              "none of your commands matches /" + pattern + "/ yet",
              "你的命令里还没有符合 /" + pattern + "/ 的");
    }
    return hit == null
        ? Verdict.pass(
            "none of your commands matches /" + pattern + "/", "你的命令里没有符合 /" + pattern + "/ 的")
        : Verdict.fail(
            "you ran " + hit + ", which this step rules out (/" + pattern + "/)",
            "你运行了 " + hit + "，这一步不允许这样做（/" + pattern + "/）");
  }

  private static boolean accepted(int exit) {
    return exit == 0 || (exit > 2 && exit < 125) || exit > 127;
  }
}
