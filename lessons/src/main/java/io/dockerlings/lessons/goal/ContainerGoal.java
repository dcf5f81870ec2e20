package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.State;
import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.EngineSnapshot.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container exists and matches every property asked: the one named, or, without a name, any.
 *
 * @param name the container's name, or empty for "some container"
 * @param properties what it must be (state, ports, mounts, limits...)
 */
public record ContainerGoal(Optional<String> name, List<Property<ContainerState>> properties)
    implements Goal {
  public ContainerGoal {
    properties = List.copyOf(properties);
  }

  /** Reads {@code container: {...}}. */
  static ContainerGoal parse(Fields f) {
    f.only(ContainerProperties.KEYS, "container");
    Optional<String> name = f.has("name") ? Optional.of(f.text("name")) : Optional.empty();
    return new ContainerGoal(name, ContainerProperties.parse(f));
  }

  @Override
  public Verdict check(State state) {
    if (name.isPresent()) {
      Optional<ContainerState> c = state.container(name.get());
      if (c.isEmpty()) {
        return Verdict.fail(
            "there is no container named " + name.get(), "没有名为 " + name.get() + " 的容器");
      }
      return judge(c.get());
    }
    List<ContainerState> all = state.snapshot().containers();
    if (all.isEmpty()) {
      return Verdict.fail("there is no container yet", "还没有任何容器");
    }
    Verdict closest = null;
    int fewest = Integer.MAX_VALUE;
    for (ContainerState c : all) {
      int misses = misses(c).size();
      if (misses == 0) {
        return judge(c);
      }
      if (misses < fewest) {
        fewest = misses;
        closest = judge(c);
      }
    }
    return Verdict.fail(
        "no container matches; the closest: " + closest.reason().en(),
        "没有符合要求的容器；最接近的是：" + closest.reason().zh());
  }

  private List<Text> misses(ContainerState c) {
    List<Text> out = new ArrayList<>();
    for (Property<ContainerState> p : properties) {
      p.differs().apply(c).ifPresent(out::add);
    }
    return out;
  }

  private Verdict judge(ContainerState c) {
    Text status = Words.status(c.status());
    for (Property<ContainerState> p : properties) {
      Optional<Text> d = p.differs().apply(c);
      if (d.isPresent()) {
        if (p.key().equals("state")) {
          return Verdict.fail(c.name() + " " + d.get().en(), c.name() + " " + d.get().zh());
        }
        return Verdict.fail(
            c.name() + " is " + status.en() + " but " + d.get().en(),
            c.name() + " 的状态是" + status.zh() + "，但" + d.get().zh());
      }
    }
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    for (Property<ContainerState> p : properties) {
      if (!p.key().equals("state")) {
        en.add(p.wants().en());
        zh.add(p.wants().zh());
      }
    }
    if (en.isEmpty()) {
      return Verdict.pass(
          c.name() + " exists and is " + status.en(), c.name() + " 存在，状态是" + status.zh());
    }
    return Verdict.pass(
        c.name() + " is " + status.en() + " and " + String.join(", ", en),
        c.name() + " 的状态是" + status.zh() + "，并且" + String.join("，", zh));
  }
}
