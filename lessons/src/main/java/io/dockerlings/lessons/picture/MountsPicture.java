package io.dockerlings.lessons.picture;

import io.dockerlings.lessons.text.Text;

/**
 * {@code show mounts <container>}: the container's paths on the left, where their data lives on the
 * right (a named or anonymous volume, or a directory of the host for a bind), read-only marked; a
 * path not listed lives in the container layer and goes when the container is removed.
 */
public final class MountsPicture {
  private static final Text TITLE =
      new Text("Mounts of container {name} ({status})", "容器 {name} 的挂载（{status}）");
  private static final Text NONE =
      new Text(
          "No volumes or binds: everything it writes is in its container layer and is removed"
              + " with it.",
          "没有数据卷或绑定挂载：它写的一切都在容器层里，删除容器时一起删除。");
  private static final Text VOLUME = new Text("volume", "数据卷");
  private static final Text ANONYMOUS = new Text("anonymous volume", "匿名数据卷");
  private static final Text BIND = new Text("bind (host directory)", "绑定挂载（宿主机目录）");
  private static final Text READ_ONLY = new Text("read-only", "只读");
  private static final Text OUTLIVES =
      new Text(
          "Volumes and binds outlive the container: docker rm keeps them.",
          "数据卷和绑定挂载比容器活得久：docker rm 不会删除它们。");

  private MountsPicture() {}

  /** The picture of one container's mounts. */
  public static String render(EngineView.Container c, Style style) {
    int w = Math.min(style.width(), 110);
    StringBuilder b = new StringBuilder();
    String title = style.say(TITLE).replace("{name}", c.name()).replace("{status}", c.status());
    b.append(style.bold(Cells.cut(title, w))).append('\n');
    if (c.mounts().isEmpty()) {
      Cells.wrap(style.say(NONE), w).forEach(l -> b.append(l).append('\n'));
      return b.toString();
    }
    int left = Math.min(28, Math.max(12, w / 3));
    int right = w - left - 9;
    b.append('┌').append("─".repeat(left + 2)).append("┐\n");
    for (EngineView.Mount m : c.mounts()) {
      String kind =
          m.type().equals("bind")
              ? style.say(BIND)
              : m.anonymous() ? style.say(ANONYMOUS) : style.say(VOLUME) + " " + m.name();
      String dest = m.destination() + (m.readOnly() ? " (" + style.say(READ_ONLY) + ")" : "");
      b.append("│ ")
          .append(Cells.pad(dest, left))
          .append(" ├──▶ ")
          .append(style.green(Cells.cut(kind, right)))
          .append('\n');
      b.append("│ ")
          .append(" ".repeat(left))
          .append(" │    ")
          .append(style.dim(Cells.cut(m.source(), right)))
          .append('\n');
    }
    b.append('└').append("─".repeat(left + 2)).append("┘\n");
    Cells.wrap(style.say(OUTLIVES), w).forEach(l -> b.append(style.dim(l)).append('\n'));
    return b.toString();
  }
}
