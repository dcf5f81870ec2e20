package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    assertEquals(List.of(new EngineSnapshot.Port("80/tcp", "", "8080")), web.ports());
    assertEquals(
        List.of("volume:data -> /data"),
        web.mounts().stream().map(EngineSnapshot.Mount::describe).toList());
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
        List.of("busybox:latest 1", "mine:v1 1"),
        images.stream().map(i -> i.reference() + " " + i.layers()).toList());
    assertEquals(images.get(0).id(), images.get(1).id());
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
        List.of("bind:/srv -> /s:ro", "volume:<anonymous> -> /v"),
        s.containers().get(0).mounts().stream().map(EngineSnapshot.Mount::describe).toList());
    assertEquals(3, s.containers().get(0).exitCode());
  }

  @Test
  void snapshot_ofContainer_carriesIdsConfigAndRestartPolicy() {
    DockerSimulator sim = sim();
    ok(
        sim,
        "docker run -d --name web -e A=1 -l tier=front -u nobody -w /tmp --restart on-failure:3"
            + " busybox sleep 100");
    EngineSnapshot.ContainerState web = sim.snapshot().container("web").orElseThrow();
    assertTrue(web.id().matches("[0-9a-f]{64}"), web.id());
    assertEquals(web, sim.snapshot().container(web.shortId()).orElseThrow());
    assertEquals(sim.snapshot().image("busybox").orElseThrow().id(), web.imageId());
    assertEquals(List.of("sleep", "100"), web.config().cmd());
    assertEquals("1", web.config().envValue("A").orElseThrow());
    assertEquals(Map.of("tier", "front"), web.config().labels());
    assertEquals("nobody", web.config().user());
    assertEquals("/tmp", web.config().workdir());
    assertEquals("on-failure:3", web.restartPolicy());
  }

  @Test
  void snapshot_ofBuiltImage_carriesConfigAndHistoryOldestFirst(@TempDir Path dir)
      throws Exception {
    DockerSimulator sim =
        DockerSimulator.create(SimulatorOptions.defaults().withWorkspace(Workspace.at(dir)));
    Files.writeString(
        dir.resolve("Dockerfile"),
        "FROM busybox\nRUN echo hi > /hi\nEXPOSE 80\nCMD [\"httpd\", \"-f\"]\n");
    ok(sim, "docker build -t app:v1 " + Workspace.HOME);
    EngineSnapshot.ImageState app = sim.snapshot().image("app:v1").orElseThrow();
    assertEquals(2, app.layers());
    assertEquals(List.of("httpd", "-f"), app.config().cmd());
    assertEquals(List.of("80/tcp"), app.config().exposedPorts());
    List<EngineSnapshot.Step> steps = app.history();
    assertTrue(steps.get(steps.size() - 1).createdBy().contains("CMD"), steps.toString());
    assertEquals(2, app.layerSteps().size());
    assertTrue(app.layerSteps().get(1).createdBy().contains("echo hi > /hi"));
    assertTrue(app.layerSteps().get(1).size() > 0);
    assertEquals(2, sim.layerOf("app:v1", "/hi").orElseThrow());
    assertEquals(1, sim.layerOf("app:v1", "/bin/sh").orElseThrow());
    assertTrue(sim.layerOf("app:v1", "/nope").isEmpty());
  }

  @Test
  void reads_ofFilesDiffAndRegistry_answerWithoutMovingTime() {
    DockerSimulator sim = sim();
    ok(sim, "docker run --name tt -v data:/data busybox sh -c 'echo hi > /data/x; rm /etc/group'");
    assertEquals("hi\n", sim.readFile("tt", "/data/x").orElseThrow());
    assertEquals("hi\n", sim.readVolumeFile("data", "/x").orElseThrow());
    assertTrue(sim.readFile("tt", "/etc/group").isEmpty());
    assertTrue(sim.readFile("nope", "/etc/passwd").isEmpty());
    assertTrue(sim.diff("tt").orElseThrow().contains("D /etc/group"));
    assertTrue(sim.diff("nope").isEmpty());
    assertTrue(sim.registryTags("localhost:5000", "busybox").isEmpty());
    ok(sim, "docker run -d --name reg -p 5000:5000 registry:2");
    ok(sim, "docker tag busybox localhost:5000/busybox:v1");
    ok(sim, "docker push localhost:5000/busybox:v1");
    assertEquals(List.of("v1"), sim.registryTags("localhost:5000", "busybox").orElseThrow());
    assertEquals(List.of(), sim.registryTags("localhost:5000", "other").orElseThrow());
  }
}
