package io.dockerlings.lessons.picture;

import io.dockerlings.lessons.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code show layers}: an image's layer stack, bottom layer last, each with its size and the
 * instruction that made it; for a container, its writable layer on top with the files it added (A),
 * changed (C) and deleted (D, a whiteout that hides the file below); and, when asked, which layer a
 * path comes from.
 */
public final class LayersPicture {
  private static final Text TITLE_IMAGE = new Text("Layers of image {name}", "镜像 {name} 的层");
  private static final Text TITLE_CONTAINER =
      new Text("Layers of container {name} (image {image})", "容器 {name} 的层（镜像 {image}）");
  private static final Text CONTAINER_LAYER = new Text("container layer, read-write", "容器层，可读写");
  private static final Text IMAGE_LAYERS = new Text("image layers, read-only, shared", "镜像层，只读，共享");
  private static final Text EMPTY_DIFF = new Text("(nothing written yet)", "（还没有写入任何文件）");
  private static final Text WHITEOUT =
      new Text("whiteout: hides the lower file", "whiteout：遮住下层的文件");
  private static final Text COPIED_UP = new Text("copied up", "已复制上来");
  private static final Text NO_LAYER = new Text("metadata, no layer", "只有元数据，不占层");
  private static final Text MORE = new Text("... and {n} more", "……还有 {n} 项");
  private static final Text FROM_CONTAINER =
      new Text("{path}: in the container layer", "{path}：在容器层中");
  private static final Text FROM_WHITEOUT =
      new Text(
          "{path}: deleted; the whiteout in the container layer hides layer {n}'s copy",
          "{path}：已删除；容器层里的 whiteout 遮住了第 {n} 层中的文件");
  private static final Text FROM_LAYER =
      new Text("{path}: from layer {n} ({instruction})", "{path}：来自第 {n} 层（{instruction}）");

  private LayersPicture() {}

  /**
   * What to draw.
   *
   * @param image the image's name
   * @param steps its history, oldest first
   * @param container the container on top of it, if the picture is of a container
   * @param path a path to trace to its layer, if asked
   */
  public record Subject(
      String image, List<EngineView.Step> steps, Optional<Top> container, Optional<String> path) {}

  /** A container's writable layer: its name, bytes and {@code docker diff} lines. */
  public record Top(String name, long size, List<String> diff) {}

  /** The picture, at most {@code style.width()} columns and {@code maxRows} rows of diff lines. */
  public static String render(Subject s, Style style, int maxDiffRows) {
    int w = Math.min(style.width(), 100);
    int inner = w - 4;
    StringBuilder b = new StringBuilder();
    String title =
        s.container().isPresent()
            ? style
                .say(TITLE_CONTAINER)
                .replace("{name}", s.container().get().name())
                .replace("{image}", s.image())
            : style.say(TITLE_IMAGE).replace("{name}", s.image());
    b.append(style.bold(Cells.cut(title, w))).append('\n');
    boolean first = true;
    if (s.container().isPresent()) {
      Top top = s.container().get();
      String size = top.size() > 0 || top.diff().isEmpty() ? EngineView.size(top.size()) : "";
      b.append(rule('┌', '┐', style.say(CONTAINER_LAYER), size, w, style)).append('\n');
      List<String> diff = top.diff();
      if (diff.isEmpty()) {
        b.append(row(style.dim(style.say(EMPTY_DIFF)), inner)).append('\n');
      }
      int shown = diff.size() > maxDiffRows ? Math.max(1, maxDiffRows - 1) : diff.size();
      for (int i = 0; i < shown; i++) {
        b.append(row(diffLine(diff.get(i), style), inner)).append('\n');
      }
      if (shown < diff.size()) {
        b.append(row(style.say(MORE).replace("{n}", "" + (diff.size() - shown)), inner))
            .append('\n');
      }
      first = false;
    }
    b.append(rule(first ? '┌' : '├', first ? '┐' : '┤', style.say(IMAGE_LAYERS), "", w, style))
        .append('\n');
    int layers = (int) s.steps().stream().filter(st -> !st.emptyLayer()).count();
    int n = layers;
    for (int i = s.steps().size() - 1; i >= 0; i--) {
      EngineView.Step st = s.steps().get(i);
      String instruction = instruction(st.createdBy());
      String line;
      if (st.emptyLayer()) {
        line =
            style.dim(
                "    "
                    + Cells.cut(instruction, Math.max(10, inner - 26))
                    + "  ("
                    + style.say(NO_LAYER)
                    + ")");
      } else {
        String num = Cells.padLeft(Integer.toString(n), 2);
        line =
            style.bold(num)
                + "  "
                + style.green(Cells.padLeft(EngineView.size(st.size()), 7))
                + "  "
                + instruction;
        n--;
      }
      b.append(row(line, inner)).append('\n');
    }
    b.append('└').append("─".repeat(w - 2)).append("┘\n");
    s.path().ifPresent(p -> b.append(Cells.cut(origin(s, p, style), w)).append('\n'));
    return b.toString();
  }

  private static String diffLine(String line, Style style) {
    if (line.startsWith("D ")) {
      return style.red(line) + "  " + style.dim(style.say(WHITEOUT));
    }
    if (line.startsWith("A ")) {
      return style.green(line);
    }
    return style.magenta(line) + "  " + style.dim(style.say(COPIED_UP));
  }

  /** Where a path comes from: the container layer, a whiteout over a layer, or a layer. */
  static String origin(Subject s, String path, Style style) {
    List<EngineView.Step> layers = new ArrayList<>();
    s.steps().stream().filter(st -> !st.emptyLayer()).forEach(layers::add);
    int fromImage = layerOf(layers, path);
    if (s.container().isPresent()) {
      List<String> diff = s.container().get().diff();
      if (diff.contains("D " + path)) {
        return style
            .say(FROM_WHITEOUT)
            .replace("{path}", path)
            .replace("{n}", Integer.toString(fromImage));
      }
      if (diff.contains("A " + path) || diff.contains("C " + path)) {
        return style.say(FROM_CONTAINER).replace("{path}", path);
      }
    }
    String instruction = layers.isEmpty() ? "" : instruction(layers.get(fromImage - 1).createdBy());
    return style
        .say(FROM_LAYER)
        .replace("{path}", path)
        .replace("{n}", Integer.toString(fromImage))
        .replace("{instruction}", Cells.cut(instruction, 40));
  }

  /**
   * The 1-based layer (from the bottom) that provides {@code path}, read from the instructions: the
   * topmost COPY or ADD whose destination holds the path, or RUN that names it; else the bottom
   * layer, the base image's filesystem.
   */
  static int layerOf(List<EngineView.Step> layers, String path) {
    for (int i = layers.size() - 1; i > 0; i--) {
      String ins = instruction(layers.get(i).createdBy());
      String[] words = ins.split("\\s+");
      if ((ins.startsWith("COPY ") || ins.startsWith("ADD ")) && words.length >= 3) {
        String dest = words[words.length - 1];
        if (path.equals(dest) || path.startsWith(dest.endsWith("/") ? dest : dest + "/")) {
          return i + 1;
        }
      } else if (ins.startsWith("RUN ") && ins.contains(path)) {
        return i + 1;
      }
    }
    return 1;
  }

  /** The Dockerfile instruction a history line records: {@code RUN echo hi}, {@code CMD ["sh"]}. */
  public static String instruction(String createdBy) {
    String c = createdBy.strip();
    c = c.replaceFirst("^\\|\\d+ (\\S+=\\S* )*", "");
    c = c.replaceAll("([0-9a-f]{12})[0-9a-f]{52}", "$1");
    if (c.startsWith("/bin/sh -c #(nop) ")) {
      return c.substring("/bin/sh -c #(nop) ".length()).strip();
    }
    if (c.startsWith("/bin/sh -c ")) {
      return "RUN " + c.substring("/bin/sh -c ".length()).strip();
    }
    return c;
  }

  private static String rule(char left, char right, String label, String tail, int w, Style st) {
    String l = "─ " + label + " ";
    String t = tail.isEmpty() ? "" : " " + tail + " ─";
    int fill = Math.max(1, w - 2 - Cells.width(l) - Cells.width(t));
    return left + st.bold(l) + "─".repeat(fill) + t + right;
  }

  private static String row(String content, int inner) {
    return "│ " + Cells.pad(content, inner) + " │";
  }
}
