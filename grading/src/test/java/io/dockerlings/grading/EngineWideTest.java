package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineWideTest {

  @Test
  void uses_publishedPorts_inEveryFlagForm() {
    assertTrue(EngineWide.uses("docker run -d --name web -p 8080:80 nginx"));
    assertTrue(EngineWide.uses("docker run -dp 8080:80 nginx"));
    assertTrue(EngineWide.uses("docker run -d -p8080:80 nginx"));
    assertTrue(EngineWide.uses("docker container create --publish=5000:5000 registry:2"));
    assertTrue(EngineWide.uses("docker run --publish 5000:5000 registry:2"));
  }

  @Test
  void uses_imageTags() {
    assertTrue(EngineWide.uses("docker build -t app ."));
    assertTrue(EngineWide.uses("printf 'FROM busybox' | docker build -t app -"));
    assertTrue(EngineWide.uses("docker tag busybox localhost:5000/b"));
    assertTrue(EngineWide.uses("docker image pull busybox"));
    assertTrue(EngineWide.uses("docker commit web app:v2"));
    assertTrue(EngineWide.uses("docker load -i app.tar"));
  }

  @Test
  void uses_namesAlone_doNotCount() {
    assertFalse(EngineWide.uses("docker run -d --name web --network net busybox sleep 60"));
    assertFalse(EngineWide.uses("docker run -d -P --name web busybox sleep 60"));
    assertFalse(EngineWide.uses("docker run --privileged -it -v data:/d busybox"));
    assertFalse(EngineWide.uses("docker volume create data"));
    // the container's own command and a flag's value are not publish flags
    assertFalse(EngineWide.uses("docker run -d --name web busybox httpd -f -p 80"));
    assertFalse(EngineWide.uses("docker run -e OPT=-p --name x busybox true"));
    assertFalse(EngineWide.uses("docker run -w -p busybox true"));
    assertTrue(EngineWide.uses("docker run -e A=1 -p 80 busybox true"));
    assertTrue(EngineWide.uses("docker run --name=web -itp 8080:80 busybox"));
    assertFalse(EngineWide.uses("docker ps -a"));
    assertFalse(EngineWide.uses(List.of("docker network create net", "curl localhost:8080")));
    assertTrue(EngineWide.uses(List.of("docker network create net", "docker build -t a .")));
  }

  @Test
  void uses_errsOnTheSharedSide_forWordsThatOnlyLookLikeACommand() {
    assertTrue(EngineWide.uses("echo docker build is not run here"));
  }

  @Test
  void uses_unparsableLine_countsWhenItMentionsDocker() {
    assertTrue(EngineWide.uses("docker run 'unclosed"));
    assertFalse(EngineWide.uses("echo 'unclosed"));
  }

  @Test
  void runSwitches_areTheClisOwn() {
    io.dockerlings.simulator.cli.CommandSpec run =
        io.dockerlings.simulator.cli.CommandSpecs.load().find("run").orElseThrow();
    java.util.Set<String> switches = new java.util.TreeSet<>();
    java.util.Set<Character> letters = new java.util.TreeSet<>();
    for (io.dockerlings.simulator.cli.FlagSpec f : run.flags()) {
      if (f.kind() == io.dockerlings.simulator.cli.FlagKind.BOOL) {
        switches.add(f.longName());
        f.shortName().ifPresent(letters::add);
      }
    }
    org.junit.jupiter.api.Assertions.assertEquals(
        switches, new java.util.TreeSet<>(EngineWide.RUN_SWITCHES));
    org.junit.jupiter.api.Assertions.assertEquals(
        letters, new java.util.TreeSet<>(EngineWide.RUN_SHORT_SWITCHES));
  }
}
