package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.State;
import java.util.ArrayList;
import java.util.List;

/**
 * A predicate over the engine's state and the learner's journal, from one small vocabulary that
 * composes ({@code all}, {@code any}, {@code not}). Every goal explains itself in both languages.
 */
public sealed interface Goal
    permits Goal.All,
        Goal.Any,
        Goal.Not,
        ContainerGoal,
        ImageGoal,
        VolumeGoal,
        NetworkGoal,
        FileGoal,
        DiffGoal,
        RegistryGoal,
        JournalGoal,
        OutputGoal {

  /** Whether the goal holds in {@code state}, and why. */
  Verdict check(State state);

  /** Every sub-goal holds; the reason names the first that does not. */
  record All(List<Goal> goals) implements Goal {
    public All {
      goals = List.copyOf(goals);
    }

    @Override
    public Verdict check(State state) {
      List<String> en = new ArrayList<>();
      List<String> zh = new ArrayList<>();
      for (Goal g : goals) {
        Verdict v = g.check(state);
        if (!v.passed()) {
          return v;
        }
        en.add(v.reason().en());
        zh.add(v.reason().zh());
      }
      return Verdict.pass(String.join("; ", en), String.join("；", zh));
    }
  }

  /** At least one sub-goal holds; the reason lists why none does. */
  record Any(List<Goal> goals) implements Goal {
    public Any {
      goals = List.copyOf(goals);
    }

    @Override
    public Verdict check(State state) {
      List<String> en = new ArrayList<>();
      List<String> zh = new ArrayList<>();
      for (Goal g : goals) {
        Verdict v = g.check(state);
        if (v.passed()) {
          return v;
        }
        en.add(v.reason().en());
        zh.add(v.reason().zh());
      }
      return Verdict.fail(
          "none of these holds: " + String.join("; or ", en), "以下没有一条成立：" + String.join("；或", zh));
    }
  }

  /** The sub-goal does not hold. */
  record Not(Goal goal) implements Goal {
    @Override
    public Verdict check(State state) {
      Verdict v = goal.check(state);
      if (v.passed()) {
        return Verdict.fail(
            "this should not be so: " + v.reason().en(), "这一条不应成立：" + v.reason().zh());
      }
      return Verdict.pass("as wanted, not so: " + v.reason().en(), "符合要求，并不成立：" + v.reason().zh());
    }
  }
}
