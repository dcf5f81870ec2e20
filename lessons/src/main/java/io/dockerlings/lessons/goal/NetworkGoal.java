package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.State;
import io.dockerlings.simulator.EngineSnapshot.NetworkState;
import java.util.Optional;
import java.util.Set;

/**
 * The network {@code name} exists, with the driver and subnet asked, if asked.
 *
 * @param name the network's name
 * @param driver the driver asked for ({@code bridge}), if any
 * @param subnet an IPv4 subnet it must have ({@code 172.30.0.0/16}), if any
 */
public record NetworkGoal(String name, Optional<String> driver, Optional<String> subnet)
    implements Goal {

  static NetworkGoal parse(Fields f) {
    if (f.node().isValueNode()) {
      return new NetworkGoal(f.text(), Optional.empty(), Optional.empty());
    }
    f.only(Set.of("name", "driver", "subnet"), "network");
    return new NetworkGoal(
        f.text("name"),
        f.has("driver") ? Optional.of(f.text("driver")) : Optional.empty(),
        f.has("subnet") ? Optional.of(f.text("subnet")) : Optional.empty());
  }

  @Override
  public Verdict check(State state) {
    Optional<NetworkState> n =
        state.snapshot().networks().stream().filter(x -> x.name().equals(name)).findFirst();
    if (n.isEmpty()) {
      return Verdict.fail("there is no network named " + name, "没有名为 " + name + " 的网络");
    }
    if (driver.isPresent() && !driver.get().equals(n.get().driver())) {
      return Verdict.fail(
          "network " + name + " uses driver " + n.get().driver() + ", not " + driver.get(),
          "网络 " + name + " 的驱动是 " + n.get().driver() + "，而不是 " + driver.get());
    }
    if (subnet.isPresent() && !n.get().subnets().contains(subnet.get())) {
      String has = String.join(", ", n.get().subnets());
      return Verdict.fail(
          "network " + name + " has subnet " + has + ", not " + subnet.get(),
          "网络 " + name + " 的子网是 " + has + "，而不是 " + subnet.get());
    }
    return Verdict.pass("network " + name + " exists as asked", "网络 " + name + " 存在，符合要求");
  }
}
