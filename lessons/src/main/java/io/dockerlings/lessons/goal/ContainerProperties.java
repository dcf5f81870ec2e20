package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.EngineSnapshot.ContainerState;
import io.dockerlings.simulator.EngineSnapshot.Mount;
import io.dockerlings.simulator.EngineSnapshot.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The properties a {@code container:} goal may ask, read from YAML. */
final class ContainerProperties {
  static final Set<String> KEYS =
      Set.of(
          "name",
          "image",
          "state",
          "exit-code",
          "oom-killed",
          "publishes",
          "mounts",
          "network",
          "limits",
          "restart",
          "env",
          "cmd",
          "entrypoint",
          "user",
          "workdir",
          "labels");

  static final List<String> STATES =
      List.of("created", "running", "paused", "exited", "restarting", "dead", "removing");

  private ContainerProperties() {}

  static List<Property<ContainerState>> parse(Fields f) {
    List<Property<ContainerState>> out = new ArrayList<>();
    if (f.has("state")) {
      String want = f.at("state").oneOf(STATES);
      Text w = Words.status(want);
      out.add(
          new Property<>(
              "state",
              new Text("is " + want, "状态是" + w.zh()),
              c -> {
                if (c.status().equals(want)) {
                  return Optional.empty();
                }
                Text got = Words.status(c.status());
                return Optional.of(
                    new Text(
                        "is " + got.en() + ", not " + want, "的状态是" + got.zh() + "，而不是" + w.zh()));
              }));
    }
    if (f.has("image")) {
      String want = f.text("image");
      out.add(
          new Property<>(
              "image",
              new Text("runs image " + want, "使用镜像 " + want),
              c ->
                  sameImage(c.image(), want)
                      ? Optional.empty()
                      : Optional.of(
                          new Text(
                              "runs image " + c.image() + ", not " + want,
                              "使用的镜像是 " + c.image() + "，而不是 " + want))));
    }
    if (f.has("exit-code")) {
      long want = f.at("exit-code").number();
      out.add(
          new Property<>(
              "exit-code",
              new Text("exited with " + want, "退出码为 " + want),
              c ->
                  c.exitCode() == want
                          && !c.status().equals("running")
                          && !c.status().equals("created")
                      ? Optional.empty()
                      : Optional.of(
                          c.status().equals("running") || c.status().equals("created")
                              ? new Text(
                                  "has not exited yet (wanted exit code " + want + ")",
                                  "还没有退出（要求退出码为 " + want + "）")
                              : new Text(
                                  "exited with " + c.exitCode() + ", not " + want,
                                  "退出码是 " + c.exitCode() + "，而不是 " + want))));
    }
    if (f.has("oom-killed")) {
      boolean want = f.at("oom-killed").bool();
      out.add(
          new Property<>(
              "oom-killed",
              want
                  ? new Text("was killed by the OOM killer", "被 OOM killer 杀掉了")
                  : new Text("was not OOM-killed", "没有被 OOM killer 杀掉"),
              c ->
                  c.oomKilled() == want
                      ? Optional.empty()
                      : Optional.of(
                          want
                              ? new Text("was not killed by the OOM killer", "并没有被 OOM killer 杀掉")
                              : new Text("was killed by the OOM killer", "被 OOM killer 杀掉了"))));
    }
    if (f.has("publishes")) {
      for (Fields p : f.at("publishes").items()) {
        out.add(publishes(p));
      }
    }
    if (f.has("mounts")) {
      for (Fields m : f.at("mounts").items()) {
        out.add(mount(m));
      }
    }
    if (f.has("network")) {
      out.add(network(f.at("network")));
    }
    if (f.has("limits")) {
      out.addAll(Limits.parse(f.at("limits")));
    }
    if (f.has("restart")) {
      String want = f.text("restart");
      out.add(
          Property.equal(
              "restart", want, ContainerState::restartPolicy, "has restart policy", "重启策略"));
    }
    if (f.has("env")) {
      for (Map.Entry<String, String> e : f.at("env").textMap().entrySet()) {
        out.add(env(e.getKey(), e.getValue()));
      }
    }
    if (f.has("cmd")) {
      out.add(command("cmd", f.at("cmd"), c -> c.config().cmd(), "runs the command", "命令"));
    }
    if (f.has("entrypoint")) {
      out.add(
          command(
              "entrypoint",
              f.at("entrypoint"),
              c -> c.config().entrypoint(),
              "has entrypoint",
              "入口点"));
    }
    if (f.has("user")) {
      out.add(
          Property.equal("user", f.text("user"), c -> c.config().user(), "runs as user", "运行用户"));
    }
    if (f.has("workdir")) {
      out.add(
          Property.equal(
              "workdir", f.text("workdir"), c -> c.config().workdir(), "works in", "工作目录"));
    }
    if (f.has("labels")) {
      for (Map.Entry<String, String> e : f.at("labels").textMap().entrySet()) {
        String k = e.getKey();
        out.add(
            Property.equal(
                "labels",
                e.getValue(),
                c -> c.config().labels().getOrDefault(k, ""),
                "has label " + k + " =",
                "标签 " + k + " "));
      }
    }
    return out;
  }

  /** {@code busybox} and {@code busybox:latest} name the same image. */
  static boolean sameImage(String got, String want) {
    return got.equals(want)
        || io.dockerlings.simulator.EngineSnapshot.withTag(got)
            .equals(io.dockerlings.simulator.EngineSnapshot.withTag(want));
  }

  /**
   * A command-like property (Cmd, Entrypoint) of any state: a YAML list must match element by
   * element, a string must match the words joined by spaces.
   */
  static <S> Property<S> command(
      String key,
      Fields f,
      java.util.function.Function<S, List<String>> actual,
      String en,
      String zh) {
    boolean list = f.node().isArray();
    List<String> want = f.texts();
    String shown = list ? want.toString() : want.get(0);
    // zh-style: one space between a Latin word (CMD) and the Chinese that follows it.
    String lead = zh.isEmpty() || zh.charAt(zh.length() - 1) >= 0x80 ? zh : zh + " ";
    return new Property<>(
        key,
        new Text(en + " " + shown, lead + "为 " + shown),
        s -> {
          List<String> got = actual.apply(s);
          boolean same = list ? got.equals(want) : String.join(" ", got).equals(want.get(0));
          String g = list ? got.toString() : String.join(" ", got);
          return same
              ? Optional.empty()
              : Optional.of(
                  new Text(en + " " + g + ", not " + shown, lead + "是 " + g + "，而不是 " + shown));
        });
  }

  private static Property<ContainerState> env(String key, String value) {
    return new Property<>(
        "env",
        new Text("has " + key + "=" + value, "环境变量 " + key + "=" + value),
        c -> {
          Optional<String> got = c.config().envValue(key);
          if (got.isPresent() && got.get().equals(value)) {
            return Optional.empty();
          }
          return Optional.of(
              got.isEmpty()
                  ? new Text(
                      "has no " + key + " in its environment (wanted " + key + "=" + value + ")",
                      "的环境变量里没有 " + key + "（要求 " + key + "=" + value + "）")
                  : new Text(
                      "has " + key + "=" + got.get() + ", not " + value,
                      "的 " + key + " 是 " + got.get() + "，而不是 " + value));
        });
  }

  private static Property<ContainerState> publishes(Fields f) {
    PortSpec want = PortSpec.parse(f);
    return new Property<>(
        "publishes",
        new Text("publishes " + want, "发布了 " + want),
        c -> {
          List<Port> same =
              c.ports().stream()
                  .filter(p -> p.containerPort().equals(want.containerPort()))
                  .toList();
          if (same.stream().anyMatch(want::matches)) {
            return Optional.empty();
          }
          if (same.isEmpty()) {
            String others =
                c.ports().isEmpty()
                    ? ""
                    : " (it publishes "
                        + String.join(", ", c.ports().stream().map(Port::describe).toList())
                        + ")";
            String othersZh =
                c.ports().isEmpty()
                    ? ""
                    : "（它发布的是 "
                        + String.join("，", c.ports().stream().map(Port::describe).toList())
                        + "）";
            return Optional.of(
                new Text(
                    "publishes nothing for " + want.containerPort() + others,
                    "没有为 " + want.containerPort() + " 发布端口" + othersZh));
          }
          String got = String.join(", ", same.stream().map(PortSpec::hostSide).toList());
          return Optional.of(
              new Text(
                  "publishes " + got + ", not " + want.hostSide(),
                  "发布的是 " + got + "，而不是 " + want.hostSide()));
        });
  }

  private static Property<ContainerState> mount(Fields f) {
    MountSpec want = MountSpec.parse(f);
    return new Property<>(
        "mounts",
        new Text("mounts " + want, "挂载了 " + want),
        c -> {
          if (c.mounts().stream().anyMatch(want::matches)) {
            return Optional.empty();
          }
          String has = String.join(", ", c.mounts().stream().map(Mount::describe).toList());
          return Optional.of(
              has.isEmpty()
                  ? new Text("mounts nothing (wanted " + want + ")", "没有任何挂载（要求 " + want + "）")
                  : new Text(
                      "does not mount " + want + " (it mounts " + has + ")",
                      "没有挂载 " + want + "（它挂载的是 " + has + "）"));
        });
  }

  private static Property<ContainerState> network(Fields f) {
    f.only(Set.of("name", "address"), "network");
    String net = f.text("name");
    Optional<String> address = f.has("address") ? Optional.of(f.text("address")) : Optional.empty();
    String wants = net + address.map(a -> " with address " + a).orElse("");
    String wantsZh = net + address.map(a -> "，地址为 " + a).orElse("");
    return new Property<>(
        "network",
        new Text("is on network " + wants, "在网络 " + wantsZh + " 上"),
        c -> {
          String ip = c.networks().get(net);
          if (ip == null) {
            String on = String.join(", ", c.networks().keySet());
            return Optional.of(
                new Text(
                    "is not on network " + net + " (it is on " + (on.isEmpty() ? "none" : on) + ")",
                    "不在网络 " + net + " 上（它在 " + (on.isEmpty() ? "无" : on) + " 上）"));
          }
          if (address.isPresent() && !address.get().equals(ip)) {
            return Optional.of(
                new Text(
                    "has address " + ip + " on " + net + ", not " + address.get(),
                    "在 " + net + " 上的地址是 " + ip + "，而不是 " + address.get()));
          }
          return Optional.empty();
        });
  }
}
