package io.dockerlings.lessons.picture;

import io.dockerlings.lessons.text.Text;
import io.dockerlings.simulator.DockerEngine;
import java.util.List;
import java.util.Optional;

/**
 * The {@code show} command's pictures ({@code layers}, {@code cpu}, {@code net}, {@code mounts}),
 * drawn from an engine's state in the REPL, in lessons and in demos.
 */
public final class Pictures {
  /** The pictures {@code show} knows, in the order help lists them. */
  public static final List<String> KINDS = List.of("layers", "cpu", "net", "mounts");

  private static final Text USAGE =
      new Text(
          "usage: show layers IMAGE|CONTAINER [PATH] | show cpu | show net | show mounts CONTAINER",
          "用法：show layers 镜像|容器 [路径] | show cpu | show net | show mounts 容器");
  private static final Text NO_SUCH =
      new Text("show: no image or container called {name}", "show：没有名为 {name} 的镜像或容器");
  private static final Text NO_CONTAINER =
      new Text("show: no container called {name}", "show：没有名为 {name} 的容器");

  private Pictures() {}

  /** A picture, or the reason there is none (an unknown kind, a missing name). */
  public record Drawn(boolean ok, String text) {}

  /**
   * Draws {@code show ARGS}.
   *
   * @param state the engine whose state is drawn (the simulator in sim and compare mode)
   * @param engine the real engine, in compare mode, for the CPU picture's measured bars
   * @param samples how many times the engine's CPU use is read
   */
  public static Drawn show(
      List<String> args,
      DockerEngine state,
      Optional<DockerEngine> engine,
      int samples,
      Style style) {
    if (args.isEmpty()) {
      return new Drawn(false, style.say(USAGE) + "\n");
    }
    String kind = args.get(0);
    switch (kind) {
      case "cpu" -> {
        CpuSampler sampler = new CpuSampler(Optional.of(state), engine);
        for (int i = 0; i < samples && sampler.sample(); i++) {
          // Each reading adds to the engine's means.
        }
        return new Drawn(true, CpuPicture.render(sampler.current(), style));
      }
      case "net" -> {
        EngineView v = new EngineView(state);
        return new Drawn(true, NetPicture.render(v.networks(), v.containers(), style));
      }
      case "layers" -> {
        if (args.size() < 2) {
          return new Drawn(false, style.say(USAGE) + "\n");
        }
        return layers(
            state,
            args.get(1),
            args.size() > 2 ? Optional.of(args.get(2)) : Optional.empty(),
            style,
            12);
      }
      case "mounts" -> {
        if (args.size() < 2) {
          return new Drawn(false, style.say(USAGE) + "\n");
        }
        Optional<EngineView.Container> c = new EngineView(state).container(args.get(1));
        return c.map(x -> new Drawn(true, MountsPicture.render(x, style)))
            .orElseGet(
                () ->
                    new Drawn(
                        false, style.say(NO_CONTAINER).replace("{name}", args.get(1)) + "\n"));
      }
      default -> {
        return new Drawn(false, style.say(USAGE) + "\n");
      }
    }
  }

  /** The layer picture of a container (its layer on top of its image's) or of an image. */
  public static Drawn layers(
      DockerEngine state, String name, Optional<String> path, Style style, int maxDiffRows) {
    EngineView v = new EngineView(state);
    Optional<EngineView.Container> c = v.container(name);
    String image = c.map(EngineView.Container::image).orElse(name);
    Optional<List<EngineView.Step>> steps = v.history(image);
    if (steps.isEmpty()) {
      return new Drawn(false, style.say(NO_SUCH).replace("{name}", name) + "\n");
    }
    Optional<LayersPicture.Top> top =
        c.map(
            x ->
                new LayersPicture.Top(
                    x.name(),
                    x.sizeRw(),
                    v.diff(x.name()).orElse(List.of()).stream()
                        .sorted(java.util.Comparator.comparing(l -> l.substring(2)))
                        .toList()));
    return new Drawn(
        true,
        LayersPicture.render(
            new LayersPicture.Subject(image, steps.get(), top, path), style, maxDiffRows));
  }
}
