package io.dockerlings.lessons.picture;

import io.dockerlings.lessons.text.Text;
import java.util.List;

/**
 * {@code show net}: each network as a bridge with its subnet and gateway, the containers attached
 * to it with their addresses, and the host ports published into them; a user-defined bridge is
 * marked as resolving container names, the default bridge as not.
 */
public final class NetPicture {
  private static final Text TITLE = new Text("Networks and containers", "网络与容器");
  private static final Text DNS = new Text("names resolve (embedded DNS)", "可按容器名解析（内置 DNS）");
  private static final Text NO_DNS =
      new Text("no name resolution: use IPs or --link", "不能按容器名解析：用 IP 或 --link");
  private static final Text EMPTY = new Text("(no container attached)", "（没有容器连接）");
  private static final Text HOST = new Text("host", "宿主机");
  private static final Text STOPPED = new Text("not running", "未运行");

  private NetPicture() {}

  /** The picture of these networks and containers. */
  public static String render(
      List<EngineView.Network> networks, List<EngineView.Container> containers, Style style) {
    int w = Math.min(style.width(), 110);
    StringBuilder b = new StringBuilder(style.bold(style.say(TITLE))).append('\n');
    for (EngineView.Network n : networks) {
      if (!n.driver().equals("bridge")) {
        continue;
      }
      boolean dflt = n.name().equals("bridge");
      String head =
          "▣ "
              + n.name()
              + (dflt ? " (docker0)" : "")
              + "  "
              + n.subnet()
              + (n.gateway().isEmpty() ? "" : "  gw " + n.gateway());
      b.append(style.bold(Cells.cut(head, w))).append('\n');
      b.append("│  ")
          .append(style.dim(Cells.cut(style.say(dflt ? NO_DNS : DNS), w - 3)))
          .append('\n');
      List<EngineView.Container> attached =
          containers.stream().filter(c -> c.networks().containsKey(n.name())).toList();
      if (attached.isEmpty()) {
        b.append("└─ ").append(style.dim(style.say(EMPTY))).append('\n');
      }
      for (int i = 0; i < attached.size(); i++) {
        EngineView.Container c = attached.get(i);
        boolean last = i == attached.size() - 1;
        String ip = c.networks().get(n.name());
        String addr =
            ip == null || ip.isEmpty()
                ? style.dim("(" + style.say(STOPPED) + ")")
                : style.green(ip);
        String line = (last ? "└─ " : "├─ ") + Cells.pad(c.name(), 14) + " " + addr;
        b.append(Cells.cut(line, w)).append('\n');
        for (EngineView.Port p : c.ports()) {
          String host =
              (p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp())
                  + ":"
                  + (p.hostPort().isEmpty() ? "?" : p.hostPort());
          String arrow =
              (last ? "   " : "│  ")
                  + "   "
                  + style.say(HOST)
                  + " "
                  + style.engine(host)
                  + " ──▶ "
                  + p.containerPort();
          b.append(Cells.cut(arrow, w)).append('\n');
        }
      }
    }
    for (EngineView.Network n : networks) {
      if (!n.driver().equals("bridge")) {
        List<String> on =
            containers.stream()
                .filter(c -> c.networks().containsKey(n.name()))
                .map(EngineView.Container::name)
                .toList();
        String line = "□ " + n.name() + " (" + n.driver() + ")" + (on.isEmpty() ? "" : ": " + on);
        b.append(style.dim(Cells.cut(line, w))).append('\n');
      }
    }
    return b.toString();
  }
}
