package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.state.State;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file in a container, a volume or on the host exists (or not) and holds what is asked.
 *
 * @param where {@code container}, {@code volume} or {@code host}
 * @param owner the container or volume name; empty for the host
 * @param path the file's path (inside the volume for a volume)
 * @param exists whether it must exist (default true)
 * @param contains a regular expression its content must contain, if asked
 * @param equals its exact content, ignoring one trailing newline, if asked
 */
public record FileGoal(
    String where,
    String owner,
    String path,
    boolean exists,
    Optional<Pattern> contains,
    Optional<String> equals)
    implements Goal {

  static FileGoal parse(Fields f) {
    f.only(Set.of("container", "volume", "host", "path", "exists", "contains", "equals"), "file");
    int places = (f.has("container") ? 1 : 0) + (f.has("volume") ? 1 : 0) + (f.has("host") ? 1 : 0);
    if (places != 1) {
      throw f.error("a file goal names exactly one of container, volume, host");
    }
    String where = f.has("container") ? "container" : f.has("volume") ? "volume" : "host";
    String owner = where.equals("host") ? "" : f.text(where);
    if (where.equals("host") && !f.at("host").bool()) {
      throw f.at("host").error("write host: true for a file on the host");
    }
    boolean exists = !f.has("exists") || f.at("exists").bool();
    Optional<Pattern> contains =
        f.has("contains") ? Optional.of(f.at("contains").regex()) : Optional.empty();
    Optional<String> equals = f.has("equals") ? Optional.of(f.text("equals")) : Optional.empty();
    if (!exists && (contains.isPresent() || equals.isPresent())) {
      throw f.error("exists: false cannot ask for content");
    }
    return new FileGoal(where, owner, f.text("path"), exists, contains, equals);
  }

  @Override
  public Verdict check(State state) {
    Optional<String> content =
        switch (where) {
          case "container" -> state.containerFile(owner, path);
          case "volume" -> state.volumeFile(owner, path);
          default -> state.hostFile(path);
        };
    String en = where.equals("host") ? path + " on the host" : path + " in " + where + " " + owner;
    String zh =
        where.equals("host")
            ? "主机上的 " + path
            : (where.equals("container") ? "容器 " : "卷 ") + owner + " 里的 " + path;
    if (!exists) {
      return content.isPresent()
          ? Verdict.fail(en + " still exists", zh + " 仍然存在")
          : Verdict.pass(en + " does not exist", zh + " 不存在");
    }
    if (content.isEmpty()) {
      return Verdict.fail("there is no file " + en, "没有文件：" + zh);
    }
    String text = content.get();
    if (equals.isPresent() && !stripNewline(text).equals(stripNewline(equals.get()))) {
      return Verdict.fail(
          en + " holds \"" + excerpt(text) + "\", not \"" + excerpt(equals.get()) + "\"",
          zh + " 的内容是“" + excerpt(text) + "”，而不是“" + excerpt(equals.get()) + "”");
    }
    if (contains.isPresent() && !contains.get().matcher(text).find()) {
      return Verdict.fail(
          en + " does not contain /" + contains.get() + "/ (it holds \"" + excerpt(text) + "\")",
          zh + " 不包含 /" + contains.get() + "/（内容是“" + excerpt(text) + "”）");
    }
    return Verdict.pass(en + " holds what was asked", zh + " 的内容符合要求");
  }

  private static String stripNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  static String excerpt(String s) {
    String one = stripNewline(s).replace("\n", "\\n");
    return one.length() > 40 ? one.substring(0, 40) + "…" : one;
  }
}
