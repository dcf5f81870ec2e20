package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.State;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A registry reached as {@code host:port} holds {@code repo:tag}.
 *
 * @param host {@code localhost:5000}
 * @param repo the repository path ({@code busybox}, {@code team/app})
 * @param tag the tag
 */
public record RegistryGoal(String host, String repo, String tag) implements Goal {

  static RegistryGoal parse(Fields f) {
    f.only(Set.of("host", "repo", "tag"), "registry");
    return new RegistryGoal(
        f.text("host"), f.text("repo"), f.has("tag") ? f.text("tag") : "latest");
  }

  @Override
  public Verdict check(State state) {
    Optional<List<String>> tags = state.registryTags(host, repo);
    String what = host + "/" + repo + ":" + tag;
    if (tags.isEmpty()) {
      return Verdict.fail(
          "no registry answers at " + host + " (or this engine cannot look inside it)",
          host + " 上没有仓库应答（或这个引擎无法查看其内容）");
    }
    if (!tags.get().contains(tag)) {
      String has = tags.get().isEmpty() ? "no tags" : "tags " + String.join(", ", tags.get());
      String hasZh = tags.get().isEmpty() ? "没有任何标签" : "标签 " + String.join(", ", tags.get());
      return Verdict.fail(
          "the registry at " + host + " holds " + has + " for " + repo + ", not " + tag,
          host + " 上的仓库里 " + repo + " 有" + hasZh + "，没有 " + tag);
    }
    return Verdict.pass("the registry holds " + what, "仓库里有 " + what);
  }
}
