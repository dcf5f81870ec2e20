package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.State;
import java.util.Set;

/**
 * The volume {@code name} exists.
 *
 * @param name the volume's name
 */
public record VolumeGoal(String name) implements Goal {

  static VolumeGoal parse(Fields f) {
    if (f.node().isValueNode()) {
      return new VolumeGoal(f.text());
    }
    f.only(Set.of("name"), "volume");
    return new VolumeGoal(f.text("name"));
  }

  @Override
  public Verdict check(State state) {
    boolean there = state.snapshot().volumes().stream().anyMatch(v -> v.name().equals(name));
    return there
        ? Verdict.pass("volume " + name + " exists", "卷 " + name + " 存在")
        : Verdict.fail("there is no volume named " + name, "没有名为 " + name + " 的卷");
  }
}
