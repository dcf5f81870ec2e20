package io.dockerlings.lessons.picture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.text.Lang;
import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.SimulatorOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PicturesTest {
  private final DockerSimulator sim =
      DockerSimulator.create(SimulatorOptions.defaults().withHost(HostSpec.courseServer()));

  private void docker(String line) {
    sim.execute(CommandLine.split(line), "");
  }

  private static void fits(String text, int width) {
    for (String line : text.split("\n")) {
      assertTrue(Cells.width(line) <= width, () -> "too wide (" + Cells.width(line) + "): " + line);
    }
  }

  @Test
  void show_eachPicture_fitsEightyColumnsInBothLanguages() {
    docker("docker network create demo-net");
    docker("docker volume create data");
    docker("docker run -d --name web -p 8080:80 -v data:/data -v /srv:/site:ro busybox httpd -f");
    docker("docker run -d --name db --network demo-net busybox sleep 100");
    docker("docker run -d --name hi -c 1024 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'");
    docker("docker run -d --name lo -c 512 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'");
    docker("docker exec web sh -c 'rm /etc/group; echo x > /new.txt'");
    for (Lang lang : Lang.values()) {
      Style style = new Style(lang, 80, true);
      for (List<String> args :
          List.of(
              List.of("layers", "web", "/etc/group"),
              List.of("layers", "busybox"),
              List.of("cpu"),
              List.of("net"),
              List.of("mounts", "web"))) {
        Pictures.Drawn d = Pictures.show(args, sim, Optional.empty(), 0, style);
        assertTrue(d.ok(), d.text());
        fits(d.text(), 80);
      }
    }
  }

  @Test
  void show_unknownName_saysSoInsteadOfDrawing() {
    Pictures.Drawn d =
        Pictures.show(
            List.of("layers", "nothing"), sim, Optional.empty(), 0, Style.plain(Lang.EN, 80));
    assertFalse(d.ok());
    assertTrue(d.text().contains("nothing"));
    assertFalse(
        Pictures.show(List.of("mounts", "x"), sim, Optional.empty(), 0, Style.plain(Lang.ZH, 80))
            .ok());
    assertFalse(
        Pictures.show(List.of("bogus"), sim, Optional.empty(), 0, Style.plain(Lang.EN, 80)).ok());
    assertFalse(Pictures.show(List.of(), sim, Optional.empty(), 0, Style.plain(Lang.EN, 80)).ok());
  }
}
