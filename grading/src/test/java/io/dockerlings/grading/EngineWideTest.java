package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineWideTest {

  @Test
  void uses_singleHostPorts_areTheSessionsOwn_inEveryFlagForm() {
    assertFalse(EngineWide.uses("docker run -d --name web -p 8080:80 nginx"));
    assertFalse(EngineWide.uses("docker run -dp 8080:80 nginx"));
    assertFalse(EngineWide.uses("docker run -d -p8080:80 nginx"));
    assertFalse(EngineWide.uses("docker container create --publish=5000:5000 registry:2"));
    assertFalse(EngineWide.uses("docker run --publish 127.0.0.1:5000:5000 registry:2"));
    assertFalse(EngineWide.uses("docker run -e A=1 -p 80 busybox true"));
  }

  @Test
  void uses_hostPortRanges_inEveryFlagForm() {
    assertTrue(EngineWide.uses("docker run -d -p 8080-8081:80-81 nginx"));
    assertTrue(EngineWide.uses("docker run -dp 8080-8081:80-81 nginx"));
    assertTrue(EngineWide.uses("docker run -d -p8080-8081:80-81 nginx"));
    assertTrue(EngineWide.uses("docker run --publish=127.0.0.1:8080-8081:80-81 nginx"));
    assertTrue(EngineWide.uses("docker run --name=web -itp 9000-9001:80 busybox"));
    assertFalse(EngineWide.uses("docker run -p 8080:80-81 nginx"));
  }

  @Test
  void uses_tagsTheSessionMakes_areItsOwn() {
    assertFalse(EngineWide.uses("docker build -t app ."));
    assertFalse(EngineWide.uses("printf 'FROM busybox' | docker build -t app -"));
    assertFalse(EngineWide.uses("docker tag busybox localhost:5000/b"));
    assertFalse(EngineWide.uses("docker commit web app:v2"));
    assertFalse(EngineWide.uses("docker image pull localhost:5000/tools/hello:v1"));
  }

  @Test
  void uses_loadRemotePullAndSubnets() {
    assertTrue(EngineWide.uses("docker load -i app.tar"));
    assertTrue(EngineWide.uses("docker image pull busybox"));
    assertTrue(EngineWide.uses("docker pull -q reg.example.com:5000/app"));
    assertTrue(EngineWide.uses("docker network create --subnet 192.168.0.0/16 net"));
    assertTrue(EngineWide.uses("docker network create --subnet=10.9.0.0/24 --gateway 10.9.0.1 n"));
    assertFalse(EngineWide.uses("docker network create --driver bridge net"));
  }

  @Test
  void uses_namesAlone_doNotCount() {
    assertFalse(EngineWide.uses("docker run -d --name web --network net busybox sleep 60"));
    assertFalse(EngineWide.uses("docker run -d -P --name web busybox sleep 60"));
    assertFalse(EngineWide.uses("docker run --privileged -it -v data:/d busybox"));
    assertFalse(EngineWide.uses("docker volume create data"));
    // the container's own command and a flag's value are not publish flags
    assertFalse(EngineWide.uses("docker run -d --name web busybox httpd -f -p 8080-8081"));
    assertFalse(EngineWide.uses("docker run -e OPT=-p --name x busybox true"));
    assertFalse(EngineWide.uses("docker run -w -p busybox true"));
    assertFalse(EngineWide.uses("docker ps -a"));
    assertFalse(EngineWide.uses(List.of("docker network create net", "curl localhost:8080")));
    assertTrue(EngineWide.uses(List.of("docker network create net", "docker load -i a.tar")));
  }

  @Test
  void uses_errsOnTheSharedSide_forWordsThatOnlyLookLikeACommand() {
    assertTrue(EngineWide.uses("echo docker load is not run here"));
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
