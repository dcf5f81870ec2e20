package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.model.Catalog;
import io.dockerlings.simulator.DockerSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeededImagesTest {
  @Test
  void of_webOn8080_needsNginx() {
    assertEquals(
        List.of("nginx:latest"), NeededImages.of(Catalog.shipped().find("web-on-8080").get()));
  }

  @Test
  void of_buildCache_needsNothingBeyondBusybox() {
    assertEquals(List.of(), NeededImages.of(Catalog.shipped().find("build-cache").get()));
  }

  @Test
  void of_privateRegistry_needsTheRegistryButNotWhatItPullsFromIt() {
    assertEquals(
        List.of("registry:2"), NeededImages.of(Catalog.shipped().find("private-registry").get()));
  }

  @Test
  void fromOwnRegistry_tellsRegistryHostsFromNames() {
    assertTrue(NeededImages.fromOwnRegistry("localhost:5000/tools/hello:v1"));
    assertTrue(NeededImages.fromOwnRegistry("registry.cn-hangzhou.aliyuncs.com/x/y"));
    assertFalse(NeededImages.fromOwnRegistry("progrium/stress:latest"));
    assertFalse(NeededImages.fromOwnRegistry("nginx:latest"));
  }

  @Test
  void missing_onAnEngineWithBusyboxOnly_namesNginx() {
    assertEquals(
        List.of("nginx:latest"),
        NeededImages.missing(
            Catalog.shipped().find("web-on-8080").get(), DockerSimulator.create()));
    assertEquals(
        List.of(),
        NeededImages.missing(
            Catalog.shipped().find("copy-on-write").get(), DockerSimulator.create()));
  }
}
