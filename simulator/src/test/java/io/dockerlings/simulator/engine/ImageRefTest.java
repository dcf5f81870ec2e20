package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageRefTest {
  @Test
  void parse_shortName_normalisesToDockerHubLibrary() {
    ImageRef r = ImageRef.parse("nginx");
    assertEquals("docker.io/library/nginx:latest", r.fullTagged());
    assertEquals("nginx:latest", r.familiarTagged());
  }

  @Test
  void parse_registryWithPort_andUserRepo() {
    assertEquals(
        "127.0.0.1:5000/busybox", ImageRef.parse("127.0.0.1:5000/busybox:v1").familiarRepository());
    assertEquals("docker.io/user/app:latest", ImageRef.parse("user/app").fullTagged());
    assertEquals("centos:7", ImageRef.parse("centos:7").familiarTagged());
  }

  @Test
  void parse_uppercaseRepository_isRejected_butUppercaseTagIsFine() {
    assertEquals(
        "invalid reference format: repository name must be lowercase",
        assertThrows(Failure.class, () -> ImageRef.parse("MyApp:v1")).getMessage());
    assertEquals("V1", ImageRef.parse("myapp:V1").tagOrLatest());
  }

  @Test
  void parse_malformed_isInvalidReferenceFormat() {
    assertEquals(
        "invalid reference format",
        assertThrows(Failure.class, () -> ImageRef.parse("a:b:c")).getMessage());
    assertEquals(
        "invalid reference format",
        assertThrows(Failure.class, () -> ImageRef.parse("bad name")).getMessage());
  }
}
