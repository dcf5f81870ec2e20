package io.dockerlings.grading;

import io.dockerlings.exercises.check.CheckResult;
import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a real-engine replay and the simulator's replay of the same submission part: the checks
 * they scored differently and the commands that ended with different exit statuses. Notes name
 * visible checks only; hidden ones are counted.
 */
final class Disagreements {
  /** How many commands a note lists before it only counts. */
  private static final int LISTED = 5;

  private Disagreements() {}

  /** The checks scored differently, in the exercise's order. */
  static List<Disagreement> of(List<CheckResult> simulator, List<CheckResult> engine) {
    Map<String, CheckResult> byId = new LinkedHashMap<>();
    simulator.forEach(r -> byId.put(r.check().id(), r));
    List<Disagreement> out = new ArrayList<>();
    for (CheckResult e : engine) {
      CheckResult s = byId.get(e.check().id());
      if (s != null && s.earned() != e.earned()) {
        out.add(
            new Disagreement(
                e.check().id(),
                e.check().visible(),
                s.earned(),
                e.earned(),
                s.passed() ? Text.same("") : s.explanation(),
                e.passed() ? Text.same("") : e.explanation()));
      }
    }
    return out;
  }

  /** One note for the grade, or empty when the two replays agree on every check. */
  static Optional<Text> note(List<Disagreement> ds) {
    if (ds.isEmpty()) {
      return Optional.empty();
    }
    List<String> named = new ArrayList<>();
    long hidden = 0;
    for (Disagreement d : ds) {
      if (d.visible()) {
        named.add(d.check() + " (" + d.simulator() + " → " + d.engine() + ")");
      } else {
        hidden++;
      }
    }
    String list = String.join(", ", named);
    String en =
        "the real engine scored "
            + ds.size()
            + " check(s) differently from the simulator (simulator → engine): "
            + list
            + (hidden > 0 ? (named.isEmpty() ? "" : ", ") + hidden + " hidden" : "");
    String zh =
        "真实引擎与模拟器对 "
            + ds.size()
            + " 项检查的评分不同（模拟器 → 引擎）："
            + list
            + (hidden > 0 ? (named.isEmpty() ? "" : "，") + hidden + " 项隐藏检查" : "");
    return Optional.of(new Text(en, zh));
  }

  /** A note naming the commands whose exit status differed between the replays, if any did. */
  static Optional<Text> commands(List<CommandOutcome> simulator, List<CommandOutcome> engine) {
    Map<Integer, CommandOutcome> bySeq = new LinkedHashMap<>();
    simulator.forEach(c -> bySeq.put(c.seq(), c));
    List<String> listed = new ArrayList<>();
    int count = 0;
    for (CommandOutcome e : engine) {
      CommandOutcome s = bySeq.get(e.seq());
      if (s != null && s.exitCode() != e.exitCode()) {
        count++;
        if (listed.size() < LISTED) {
          listed.add(
              "#" + e.seq() + " " + e.line() + " (" + s.exitCode() + " → " + e.exitCode() + ")");
        }
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    String list = String.join("; ", listed) + (count > listed.size() ? "; …" : "");
    return Optional.of(
        new Text(
            count + " command(s) ended otherwise on the real engine (simulator → engine): " + list,
            "有 " + count + " 条命令在真实引擎上的退出码不同（模拟器 → 引擎）：" + list));
  }
}
