package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import io.dockerlings.lessons.text.Text;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The learner's own commands did ({@code used}) or never did ({@code never}) match a pattern. Only
 * commands that succeeded count for {@code used}; every command counts for {@code never}.
 *
 * @param pattern a regular expression, found anywhere in a command line
 * @param wanted true for {@code used}, false for {@code never}
 * @param means what the pattern stands for in words, which the learner reads instead of the regular
 *     expression
 */
public record JournalGoal(Pattern pattern, boolean wanted, Optional<Text> means) implements Goal {

  public JournalGoal(Pattern pattern, boolean wanted) {
    this(pattern, wanted, Optional.empty());
  }

  /**
   * Reads {@code used}/{@code never}: a regular expression, or {@code {regex, means: {en, zh}}}
   * where {@code means} says in words what the expression matches ("a docker run that runs uname
   * -r").
   */
  static JournalGoal parse(Fields f, boolean wanted) {
    if (!f.node().isObject()) {
      return new JournalGoal(f.regex(), wanted);
    }
    f.only(Set.of("regex", "means"), wanted ? "used" : "never");
    Optional<Text> means = Optional.empty();
    if (f.has("means")) {
      Fields m = f.at("means").only(Set.of("en", "zh"), "means");
      means = Optional.of(new Text(m.text("en"), m.text("zh")));
    }
    if (!f.has("regex")) {
      throw f.error("missing 'regex'");
    }
    return new JournalGoal(f.at("regex").regex(), wanted, means);
  }

  @Override
  public Verdict check(State state) {
    String hit = null;
    for (Journal.Entry e : state.journal().entries()) {
      if ((accepted(e.exitCode()) || !wanted) && pattern.matcher(e.line()).find()) {
        hit = e.line();
        break;
      }
    }
    String en = means.map(Text::en).orElse("/" + pattern + "/");
    String zh = means.map(Text::zh).orElse("/" + pattern + "/");
    if (wanted) {
      if (hit != null) {
        return Verdict.pass("you ran " + hit, "你运行了 " + hit);
      }
      return means.isPresent()
          ? Verdict.fail("you have not run " + en + " yet", "你还没有运行" + zh)
          : Verdict.fail("none of your commands matches " + en + " yet", "你的命令里还没有符合 " + zh + " 的");
    }
    if (hit == null) {
      return means.isPresent()
          ? Verdict.pass("you never ran " + en, "你没有运行过" + zh)
          : Verdict.pass("none of your commands matches " + en, "你的命令里没有符合 " + zh + " 的");
    }
    return Verdict.fail(
        "you ran " + hit + ", which this step rules out (" + en + ")",
        "你运行了 " + hit + "，这一步不允许这样做（" + zh + "）");
  }

  private static boolean accepted(int exit) {
    return exit == 0 || (exit > 2 && exit < 125) || exit > 127;
  }
}
