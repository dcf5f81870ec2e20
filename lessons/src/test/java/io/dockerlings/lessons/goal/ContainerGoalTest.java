package io.dockerlings.lessons.goal;

import static io.dockerlings.lessons.goal.Checks.fails;
import static io.dockerlings.lessons.goal.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.lessons.state.Sandbox;
import org.junit.jupiter.api.Test;

class ContainerGoalTest {
  private static Sandbox web() {
    return new Sandbox()
        .ok(
            "docker run -d --name web -p 8081:80 -v data:/data -v /srv:/s:ro -m 64m -c 512"
                + " --cpus 1.5 --cpuset-cpus 0 -e MODE=dev -l tier=front -u nobody -w /tmp"
                + " --restart always busybox httpd -f -p 80");
  }

  @Test
  void publishes_wrongHostPort_namesBothPorts() {
    Sandbox s = web();
    Verdict v = fails(s, "container: {name: web, state: running, publishes: '80/tcp -> 8080'}");
    assertEquals("web is running but publishes 8081, not 8080", v.reason().en());
    assertEquals("web 的状态是运行中，但发布的是 8081，而不是 8080", v.reason().zh());
    passes(s, "container: {name: web, publishes: '80/tcp -> 8081'}");
    passes(s, "container: {name: web, publishes: '8081:80'}");
    passes(s, "container: {name: web, publishes: '80'}");
    fails(s, "container: {name: web, publishes: '443'}");
  }

  @Test
  void state_andMissingContainer_areNamed() {
    Sandbox s = web();
    assertEquals(
        "web is running, not exited",
        fails(s, "container: {name: web, state: exited}").reason().en());
    assertEquals("there is no container named db", fails(s, "container: {name: db}").reason().en());
    passes(s, "container: {name: web, state: running}");
  }

  @Test
  void exitCodeAndOom_passAndFail() {
    Sandbox s = new Sandbox();
    s.run("docker run --name three busybox sh -c 'exit 3'");
    passes(s, "container: {name: three, state: exited, exit-code: 3}");
    assertEquals(
        "three is exited but exited with 3, not 0",
        fails(s, "container: {name: three, exit-code: 0}").reason().en());
    passes(s, "container: {name: three, oom-killed: false}");
    fails(s, "container: {name: three, oom-killed: true}");
    s.run(
        "docker run --name hog -m 64m busybox sh -c 'x=$(head -c 100m /dev/zero | tr \"\\0\" a)'");
    passes(s, "container: {name: hog, oom-killed: true, exit-code: 137}");
  }

  @Test
  void mountsNetworkLimits_passAndFail() {
    Sandbox s = web();
    passes(
        s, "container: {name: web, mounts: [{volume: data, at: /data}, {bind: /srv, ro: true}]}");
    fails(s, "container: {name: web, mounts: {volume: other}}");
    fails(s, "container: {name: web, mounts: {bind: /srv, ro: false}}");
    fails(s, "container: {name: web, mounts: {anonymous: true}}");
    passes(s, "container: {name: web, network: {name: bridge, address: 172.17.0.2}}");
    fails(s, "container: {name: web, network: {name: bridge, address: 172.17.0.9}}");
    assertEquals(
        "web is running but is not on network mynet (it is on bridge)",
        fails(s, "container: {name: web, network: {name: mynet}}").reason().en());
    passes(
        s,
        "container: {name: web, limits: {memory: 64m, memory-swap: 128m, cpu-shares: 512,"
            + " cpus: 1.5, cpuset: '0', oom-kill-disable: false}}");
    assertEquals(
        "web is running but has memory limit 64MiB, not 32MiB",
        fails(s, "container: {name: web, limits: {memory: 32m}}").reason().en());
    fails(s, "container: {name: web, limits: {cpu-shares: 1024}}");
    fails(s, "container: {name: web, limits: {cpus: 2}}");
  }

  @Test
  void configProperties_passAndFail() {
    Sandbox s = web();
    passes(
        s,
        "container: {name: web, image: busybox:latest, restart: always, env: {MODE: dev},"
            + " labels: {tier: front}, user: nobody, workdir: /tmp, cmd: httpd -f -p 80}");
    passes(s, "container: {name: web, cmd: [httpd, '-f', '-p', '80']}");
    fails(s, "container: {name: web, image: nginx}");
    fails(s, "container: {name: web, restart: 'no'}");
    assertEquals(
        "web is running but has MODE=dev, not prod",
        fails(s, "container: {name: web, env: {MODE: prod}}").reason().en());
    fails(s, "container: {name: web, env: {OTHER: x}}");
    fails(s, "container: {name: web, labels: {tier: back}}");
    fails(s, "container: {name: web, user: root}");
    fails(s, "container: {name: web, workdir: /}");
    Verdict cmd = fails(s, "container: {name: web, cmd: sh}");
    assertEquals("web is running but runs the command httpd -f -p 80, not sh", cmd.reason().en());
    assertEquals("web 的状态是运行中，但命令是 httpd -f -p 80，而不是 sh", cmd.reason().zh());
    fails(s, "container: {name: web, entrypoint: /bin/sh}");
  }

  @Test
  void withoutName_findsAnyAndNamesTheClosest() {
    Sandbox s = web();
    passes(s, "container: {state: running, image: busybox}");
    Verdict v = fails(s, "container: {state: running, publishes: '80 -> 8080'}");
    assertEquals(
        "no container matches; the closest: web is running but publishes 8081, not 8080",
        v.reason().en());
    assertEquals(
        "there is no container yet",
        fails(new Sandbox(), "container: {state: running}").reason().en());
  }
}
