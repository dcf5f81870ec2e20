package io.dockerlings.lessons.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.goal.Fields;
import io.dockerlings.lessons.goal.GoalException;
import io.dockerlings.lessons.state.Sandbox;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuantityTest {
  private static Optional<Value> read(Sandbox s, String yaml) {
    return Quantity.parse(new Fields(Sandbox.yaml(yaml), "")).read(s.state(), s.sim);
  }

  @Test
  void containerQuantities_readTheState() {
    Sandbox s = new Sandbox();
    s.run("docker run --name seven -m 64m busybox sh -c 'exit 7'");
    assertEquals("7", read(s, "exit-code: seven").orElseThrow().text());
    assertEquals("exited", read(s, "state: seven").orElseThrow().text());
    assertEquals(
        64.0 * (1 << 20), read(s, "memory-limit: seven").orElseThrow().number().orElseThrow());
    assertEquals(
        128.0 * (1 << 20), read(s, "memory-swap: seven").orElseThrow().number().orElseThrow());
    assertEquals("false", read(s, "oom-killed: seven").orElseThrow().text());
    assertTrue(read(s, "exit-code: nobody").isEmpty());
    assertEquals("1", read(s, "count: {containers: all}").orElseThrow().text());
    assertEquals("0", read(s, "count: {containers: running}").orElseThrow().text());
  }

  @Test
  void cpuPercent_ofTheLighterOfTwoOnOneCpu_isAThird() {
    Sandbox s = new Sandbox();
    s.ok("docker run -d --name high -c 1024 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'");
    s.ok("docker run -d --name low -c 512 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'");
    double low = read(s, "cpu-percent: low").orElseThrow().number().orElseThrow();
    assertEquals(33.3, low, 1.0);
    s.ok("docker run -d --name ip busybox sleep 100");
    assertEquals("172.17.0.4", read(s, "ip: ip").orElseThrow().text());
    assertTrue(read(s, "pid-of: ip").orElseThrow().number().orElseThrow() > 0);
  }

  @Test
  void layerQuantities_andRebuiltSteps() {
    // The build context lives on the simulated host (one host: builds read it, not the disk).
    Sandbox s =
        new Sandbox()
            .ok("mkdir -p /root/ctx")
            .ok(
                "printf 'FROM busybox\\nRUN echo a > /a\\nRUN head -c 1000 /dev/zero > /b\\n'"
                    + " > /root/ctx/Dockerfile")
            .ok("docker build -t app:v1 /root/ctx");
    assertEquals("3", read(s, "image-layers: app:v1").orElseThrow().text());
    assertEquals(
        1000.0,
        read(s, "layer-size: {image: 'app:v1', layer: top}").orElseThrow().number().orElseThrow(),
        100);
    assertTrue(
        read(s, "layer-of: {image: 'app:v1', path: /a}").orElseThrow().text().contains("echo a"));
    assertTrue(read(s, "layer-of: {image: 'app:v1', path: /nope}").isEmpty());
    assertEquals("2,3", read(s, "rebuilt-steps: {}").orElseThrow().text());
    s.ok(
        "printf 'FROM busybox\\nRUN echo a > /a\\nRUN head -c 999 /dev/zero > /b\\n'"
            + " > /root/ctx/Dockerfile");
    s.ok("docker build -t app:v2 /root/ctx");
    assertEquals("3", read(s, "rebuilt-steps: {}").orElseThrow().text());
    s.ok("docker run --name ff app:v2 true");
    assertEquals("a\n", read(s, "file: {container: ff, path: /a}").orElseThrow().text() + "\n");
  }

  @Test
  void parse_unknownQuantityOrBadLayer_isRefused() {
    assertThrows(
        GoalException.class, () -> Quantity.parse(new Fields(Sandbox.yaml("cpu: low"), "")));
    assertThrows(
        GoalException.class,
        () -> Quantity.parse(new Fields(Sandbox.yaml("layer-size: {image: a, layer: 0}"), "")));
  }

  @Test
  void demoQuantities_cpuRatioDiffAndLastExit_readTheEngineAndTheJournal() {
    Sandbox s = new Sandbox();
    s.ok("docker run -d --name high -c 1024 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'");
    s.ok("docker run -d --name low -c 512 --cpuset-cpus 0 busybox sh -c 'while :; do :; done'");
    assertEquals(2.0, read(s, "cpu-ratio: [high, low]").orElseThrow().number().orElseThrow(), 0.1);
    assertTrue(read(s, "cpu-ratio: [high, nobody]").isEmpty());
    s.ok("docker run --name cow busybox rm /etc/group");
    assertEquals(
        "true", read(s, "diff: {container: cow, lists: D /etc/group}").orElseThrow().text());
    assertEquals(
        "false", read(s, "diff: {container: cow, lists: D /etc/passwd}").orElseThrow().text());
    s.run("docker run --rm busybox ls /nothing");
    assertEquals("1", read(s, "last-exit").orElseThrow().text());
    assertThrows(GoalException.class, () -> read(s, "cpu-ratio: [high]"));
  }
}
