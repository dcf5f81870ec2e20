package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.EngineSnapshot.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The cgroup limits a {@code container:} goal may ask ({@code limits: {memory: 64m, ...}}). */
final class Limits {
  private Limits() {}

  static List<Property<ContainerState>> parse(Fields f) {
    f.only(
        Set.of("memory", "memory-swap", "cpu-shares", "cpus", "cpuset", "oom-kill-disable"),
        "limits");
    List<Property<ContainerState>> out = new ArrayList<>();
    if (f.has("memory")) {
      long want = f.at("memory").bytes();
      out.add(bytes("memory limit", "内存限制", want, c -> c.limits().memory()));
    }
    if (f.has("memory-swap")) {
      long want =
          f.at("memory-swap").node().asText().equals("-1") ? -1 : f.at("memory-swap").bytes();
      out.add(bytes("memory+swap limit", "内存+交换分区限制", want, c -> c.limits().memorySwap()));
    }
    if (f.has("cpu-shares")) {
      long want = f.at("cpu-shares").number();
      out.add(
          value(
              "cpu-shares",
              "CPU 份额",
              Long.toString(want),
              c -> Long.toString(c.limits().cpuShares() == 0 ? 1024 : c.limits().cpuShares())));
    }
    if (f.has("cpus")) {
      double want = f.at("cpus").decimal();
      out.add(
          value(
              "--cpus", "--cpus", cpus(Math.round(want * 1e9)), c -> cpus(c.limits().nanoCpus())));
    }
    if (f.has("cpuset")) {
      out.add(value("cpuset", "cpuset", f.text("cpuset"), c -> c.limits().cpusetCpus()));
    }
    if (f.has("oom-kill-disable")) {
      boolean want = f.at("oom-kill-disable").bool();
      out.add(
          value(
              "oom-kill-disable",
              "oom-kill-disable",
              Boolean.toString(want),
              c -> Boolean.toString(c.limits().oomKillDisable())));
    }
    return out;
  }

  private static String cpus(long nano) {
    return nano == 0 ? "unlimited" : String.format(Locale.ROOT, "%.2f", nano / 1e9);
  }

  private static Property<ContainerState> bytes(
      String en, String zh, long want, Function<ContainerState, Long> actual) {
    String w = shown(want);
    return new Property<>(
        "limits",
        new Text("has " + en + " " + w, zh + "为 " + w),
        c -> {
          long got = actual.apply(c);
          return got == want
              ? Optional.empty()
              : Optional.of(
                  new Text(
                      "has " + en + " " + shown(got) + ", not " + w,
                      zh + "是 " + shown(got) + "，而不是 " + w));
        });
  }

  private static String shown(long bytes) {
    return bytes == 0 ? "none" : bytes == -1 ? "unlimited" : Sizes.human(bytes);
  }

  private static Property<ContainerState> value(
      String en, String zh, String want, Function<ContainerState, String> actual) {
    return new Property<>(
        "limits",
        new Text("has " + en + " " + want, zh + "为 " + want),
        c -> {
          String got = actual.apply(c);
          return got.equals(want)
              ? Optional.empty()
              : Optional.of(
                  new Text(
                      "has " + en + " " + (got.isEmpty() ? "(none)" : got) + ", not " + want,
                      zh + "是 " + (got.isEmpty() ? "（无）" : got) + "，而不是 " + want));
        });
  }
}
