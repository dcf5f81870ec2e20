package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineSnapshotTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DockerSimulator sim() {
    return DockerSimulator.create(SimulatorOptions.defaults());
  }

  private static void ok(DockerSimulator sim, String line) {
    CommandResult r = sim.execute(CommandLine.split(line));
    assertEquals(0, r.exitCode(), line + ": " + r.stderr());
  }

  @Test
  void snapshot_ofRunningContainer_carriesLimitsPortsMountsAndAddress() {
    DockerSimulator sim = sim();
    ok(
        sim,
        "docker run -d --name web -m 64m -c 512 --cpus 1.5 -p 8080:80 -v data:/data busybox"
            + " sleep 100");
    EngineSnapshot.ContainerState web = sim.snapshot().containers().get(0);
    assertEquals("web", web.name());
    assertEquals("busybox", web.image());
    assertEquals("running", web.status());
    assertEquals(
        new EngineSnapshot.Limits(512, 1_500_000_000L, 0, 0, "", 64L << 20, 128L << 20, false),
        web.limits());
    assertEquals(List.of("80/tcp -> :8080"), web.ports());
    assertEquals(List.of("volume:data -> /data"), web.mounts());
    assertEquals(Map.of("bridge", "172.17.0.2"), web.networks());
    assertTrue(sim.snapshot().volumes().contains(new EngineSnapshot.VolumeState("data", "local")));
    assertTrue(
        sim.snapshot().networks().stream()
            .anyMatch(
                n -> n.name().equals("bridge") && n.subnets().equals(List.of("172.17.0.0/16"))));
  }

  @Test
  void snapshot_ofOomKilledContainer_saysSo() {
    DockerSimulator sim = sim();
    sim.execute(
        CommandLine.split(
            "docker run --name hog -m 64m busybox sh -c 'x=$(head -c 100m /dev/zero | tr \"\\0\" a)'"));
    EngineSnapshot.ContainerState hog = sim.snapshot().containers().get(0);
    assertEquals("exited", hog.status());
    assertEquals(137, hog.exitCode());
    assertTrue(hog.oomKilled());
  }

  @Test
  void snapshot_ofImages_countsLayersPerTag() {
    DockerSimulator sim = sim();
    ok(sim, "docker tag busybox mine:v1");
    List<EngineSnapshot.ImageState> images = sim.snapshot().images();
    assertEquals(
        List.of(
            new EngineSnapshot.ImageState("busybox:latest", 1),
            new EngineSnapshot.ImageState("mine:v1", 1)),
        images);
  }

  @Test
  void differences_ofSameState_isEmpty() {
    DockerSimulator a = sim();
    DockerSimulator b = sim();
    ok(a, "docker run -d --name xx busybox sleep 9");
    ok(b, "docker run -d --name xx busybox sleep 9");
    assertEquals(List.of(), a.snapshot().differences(b.snapshot()));
  }

  @Test
  void differences_nameFieldsAndMissingObjects() {
    DockerSimulator a = sim();
    DockerSimulator b = sim();
    ok(a, "docker run -d --name xx -m 64m busybox sleep 9");
    ok(b, "docker run -d --name xx -m 128m busybox sleep 9");
    ok(b, "docker volume create v");
    assertEquals(
        List.of(
            "container xx: memory 67108864 \u2260 134217728",
            "container xx: memory+swap 134217728 \u2260 268435456",
            "volume v: only on the right"),
        a.snapshot().differences(b.snapshot()));
  }

  @Test
  void fromInspect_anonymousVolumeAndReadOnlyBind_areNamedStably() throws Exception {
    JsonNode c =
        JSON.readTree(
            "{\"Name\":\"/c\",\"Config\":{\"Image\":\"busybox\"},\"State\":{\"Status\":\"exited\","
                + "\"ExitCode\":3},\"HostConfig\":{},\"Mounts\":[{\"Type\":\"volume\",\"Name\":\""
                + "a".repeat(64)
                + "\",\"Destination\":\"/v\",\"RW\":true},{\"Type\":\"bind\",\"Source\":\"/srv\","
                + "\"Destination\":\"/s\",\"RW\":false}]}");
    EngineSnapshot s = EngineSnapshot.fromInspect(List.of(c), List.of(), List.of(), List.of());
    assertEquals(
        List.of("bind:/srv -> /s:ro", "volume:<anonymous> -> /v"), s.containers().get(0).mounts());
    assertEquals(3, s.containers().get(0).exitCode());
  }
}
