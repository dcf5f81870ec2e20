package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.State;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker diff} of a container lists every line asked ({@code "D /etc/group"}) and none of
 * the lines refused.
 *
 * @param container the container's name
 * @param lists lines that must be listed
 * @param omits lines that must not be listed
 */
public record DiffGoal(String container, List<String> lists, List<String> omits) implements Goal {
  public DiffGoal {
    lists = List.copyOf(lists);
    omits = List.copyOf(omits);
  }

  static DiffGoal parse(Fields f) {
    f.only(Set.of("container", "lists", "omits"), "diff");
    List<String> lists = f.has("lists") ? f.at("lists").texts() : List.of();
    List<String> omits = f.has("omits") ? f.at("omits").texts() : List.of();
    for (String l : concat(lists, omits)) {
      if (!l.matches("[ACD] /.*")) {
        throw f.error(
            "'" + l + "' is not a docker diff line (A, C or D, a space, an absolute path)");
      }
    }
    if (lists.isEmpty() && omits.isEmpty()) {
      throw f.error("a diff goal asks for lists or omits");
    }
    return new DiffGoal(f.text("container"), lists, omits);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  @Override
  public Verdict check(State state) {
    Optional<List<String>> diff = state.diff(container);
    if (diff.isEmpty()) {
      return Verdict.fail("there is no container named " + container, "没有名为 " + container + " 的容器");
    }
    for (String l : lists) {
      if (!diff.get().contains(l)) {
        String path = l.substring(2);
        Optional<String> other =
            diff.get().stream().filter(d -> d.substring(2).equals(path)).findFirst();
        return Verdict.fail(
            "docker diff "
                + container
                + " does not list "
                + l
                + other.map(o -> " (it lists " + o + ")").orElse(""),
            "docker diff "
                + container
                + " 没有列出 "
                + l
                + other.map(o -> "（列出的是 " + o + "）").orElse(""));
      }
    }
    for (String l : omits) {
      if (diff.get().contains(l)) {
        return Verdict.fail(
            "docker diff " + container + " lists " + l, "docker diff " + container + " 列出了 " + l);
      }
    }
    return Verdict.pass(
        "docker diff " + container + " shows the changes asked",
        "docker diff " + container + " 显示了要求的改动");
  }
}
