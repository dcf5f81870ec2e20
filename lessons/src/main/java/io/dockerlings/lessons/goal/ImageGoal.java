package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.Journal;
import io.dockerlings.lessons.state.State;
import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.EngineSnapshot.ImageState;
import io.dockerlings.simulator.EngineSnapshot.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The image {@code ref} exists and matches every property asked (layers, size, config, history, how
 * it was made).
 *
 * @param ref {@code repository:tag}; {@code busybox} means {@code busybox:latest}
 * @param properties what it must be
 * @param builtWith {@code dockerfile}, {@code commit} or {@code import} when asked: the journal
 *     shows the learner made it that way
 */
public record ImageGoal(
    String ref, List<Property<ImageState>> properties, Optional<String> builtWith) implements Goal {
  static final Set<String> KEYS =
      Set.of(
          "ref",
          "layers",
          "size",
          "cmd",
          "entrypoint",
          "env",
          "exposed",
          "user",
          "workdir",
          "history",
          "built-with");

  public ImageGoal {
    properties = List.copyOf(properties);
  }

  /** Reads {@code image: {...}}. */
  static ImageGoal parse(Fields f) {
    f.only(KEYS, "image");
    String ref = f.text("ref");
    List<Property<ImageState>> ps = new ArrayList<>();
    if (f.has("layers")) {
      ps.add(range(f.at("layers"), "layers", "层", i -> (long) i.layers(), false));
    }
    if (f.has("size")) {
      ps.add(range(f.at("size"), "size", "大小", ImageState::size, true));
    }
    if (f.has("cmd")) {
      ps.add(
          ContainerProperties.command("cmd", f.at("cmd"), i -> i.config().cmd(), "has CMD", "CMD"));
    }
    if (f.has("entrypoint")) {
      ps.add(
          ContainerProperties.command(
              "entrypoint",
              f.at("entrypoint"),
              i -> i.config().entrypoint(),
              "has ENTRYPOINT",
              "ENTRYPOINT"));
    }
    if (f.has("env")) {
      for (Map.Entry<String, String> e : f.at("env").textMap().entrySet()) {
        String k = e.getKey();
        ps.add(
            Property.equal(
                "env",
                e.getValue(),
                i -> i.config().envValue(k).orElse(""),
                "has ENV " + k + " =",
                "ENV " + k + " "));
      }
    }
    if (f.has("exposed")) {
      List<String> want =
          f.at("exposed").texts().stream()
              .map(p -> p.contains("/") ? p : p + "/tcp")
              .sorted()
              .toList();
      ps.add(
          Property.equal(
              "exposed",
              String.join(", ", want),
              i -> String.join(", ", i.config().exposedPorts()),
              "exposes",
              "EXPOSE 的端口"));
    }
    if (f.has("user")) {
      ps.add(Property.equal("user", f.text("user"), i -> i.config().user(), "has USER", "USER "));
    }
    if (f.has("workdir")) {
      ps.add(
          Property.equal(
              "workdir", f.text("workdir"), i -> i.config().workdir(), "has WORKDIR", "WORKDIR "));
    }
    if (f.has("history")) {
      for (Fields h : f.at("history").items()) {
        ps.add(history(h.regex()));
      }
    }
    Optional<String> built =
        f.has("built-with")
            ? Optional.of(f.at("built-with").oneOf(List.of("dockerfile", "commit", "import")))
            : Optional.empty();
    return new ImageGoal(ref, ps, built);
  }

  @Override
  public Verdict check(State state) {
    Optional<ImageState> found = state.image(ref);
    String name = EngineSnapshot.withTag(ref);
    if (found.isEmpty()) {
      return Verdict.fail("there is no image " + name, "没有镜像 " + name);
    }
    for (Property<ImageState> p : properties) {
      Optional<Text> d = p.differs().apply(found.get());
      if (d.isPresent()) {
        String zh = d.get().zh();
        // zh-style: one space between 的 and a Latin word (CMD, ENV) that follows it.
        String gap = !zh.isEmpty() && zh.charAt(0) < 0x80 ? " " : "";
        return Verdict.fail("image " + name + " " + d.get().en(), "镜像 " + name + " 的" + gap + zh);
      }
    }
    if (builtWith.isPresent()) {
      Optional<String> how = madeBy(state.journal(), ref);
      if (how.isEmpty() || !how.get().equals(builtWith.get())) {
        String h = how.orElse("none of your commands");
        return Verdict.fail(
            "image "
                + name
                + " was not made with docker "
                + verb(builtWith.get())
                + " (made by: "
                + h
                + ")",
            "镜像 " + name + " 不是用 docker " + verb(builtWith.get()) + " 做出来的（做出它的是：" + h + "）");
      }
    }
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    for (Property<ImageState> p : properties) {
      en.add(p.wants().en());
      zh.add(p.wants().zh());
    }
    builtWith.ifPresent(
        b -> {
          en.add("made with docker " + verb(b));
          zh.add("用 docker " + verb(b) + " 做出");
        });
    return Verdict.pass(
        "image " + name + " exists" + (en.isEmpty() ? "" : ": " + String.join(", ", en)),
        "镜像 " + name + " 存在" + (zh.isEmpty() ? "" : "：" + String.join("，", zh)));
  }

  private static String verb(String builtWith) {
    return builtWith.equals("dockerfile") ? "build" : builtWith;
  }

  /**
   * How the learner's last command naming {@code ref} made it: dockerfile, commit or import. A
   * docker command at the end of a pipe counts too ({@code printf '...' | docker build -t app -}).
   */
  static Optional<String> madeBy(Journal journal, String ref) {
    String full = EngineSnapshot.withTag(ref);
    Optional<String> how = Optional.empty();
    for (Journal.Entry e : journal.entries()) {
      if (e.exitCode() != 0) {
        continue;
      }
      for (String part : e.line().split("\\|")) {
        Optional<String> made = madeBy(part, full);
        if (made.isPresent()) {
          how = made;
        }
      }
    }
    return how;
  }

  /** What one docker command line does to {@code full} (repo:tag), if it makes it. */
  private static Optional<String> madeBy(String command, String full) {
    List<String> words = List.of(command.trim().split("\\s+"));
    boolean names =
        words.stream()
            .anyMatch(w -> EngineSnapshot.withTag(w.replaceFirst("^(-t|--tag)=", "")).equals(full));
    if (!names || words.size() < 2 || !words.get(0).equals("docker")) {
      return Optional.empty();
    }
    String verb = words.get(1).equals("image") && words.size() > 2 ? words.get(2) : words.get(1);
    return switch (verb) {
      case "build" -> Optional.of("dockerfile");
      case "commit" -> Optional.of("commit");
      case "import" -> Optional.of("import");
      default -> Optional.empty();
    };
  }

  private static Property<ImageState> range(
      Fields f,
      String en,
      String zh,
      java.util.function.Function<ImageState, Long> actual,
      boolean size) {
    long min;
    long max;
    if (f.node().isObject()) {
      f.only(Set.of("min", "max"), en);
      min = f.has("min") ? (size ? f.at("min").bytes() : f.at("min").number()) : Long.MIN_VALUE;
      max = f.has("max") ? (size ? f.at("max").bytes() : f.at("max").number()) : Long.MAX_VALUE;
    } else {
      min = size ? f.bytes() : f.number();
      max = min;
    }
    java.util.function.LongFunction<String> show = v -> size ? Sizes.human(v) : Long.toString(v);
    String want =
        min == max
            ? show.apply(min)
            : min == Long.MIN_VALUE
                ? "at most " + show.apply(max)
                : max == Long.MAX_VALUE
                    ? "at least " + show.apply(min)
                    : show.apply(min) + ".." + show.apply(max);
    String wantZh = want.replace("at most ", "最多 ").replace("at least ", "至少 ");
    return new Property<>(
        en,
        new Text("has " + en + " " + want, zh + "为 " + wantZh),
        i -> {
          long got = actual.apply(i);
          return got >= min && got <= max
              ? Optional.empty()
              : Optional.of(
                  new Text(
                      "has " + en + " " + show.apply(got) + ", not " + want,
                      zh + "是 " + show.apply(got) + "，而不是 " + wantZh));
        });
  }

  private static Property<ImageState> history(Pattern p) {
    return new Property<>(
        "history",
        new Text("has a step matching /" + p + "/", "有一步符合 /" + p + "/"),
        i -> {
          for (Step s : i.history()) {
            if (p.matcher(s.createdBy()).find()) {
              return Optional.empty();
            }
          }
          return Optional.of(
              new Text(
                  "history has no step matching /" + p + "/ (" + i.history().size() + " steps)",
                  "历史里没有符合 /" + p + "/ 的一步（共 " + i.history().size() + " 步）"));
        });
  }
}
