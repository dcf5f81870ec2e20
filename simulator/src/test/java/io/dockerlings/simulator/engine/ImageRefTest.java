package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void parse_ofAVeryLongNameThatFails_answersAtOnce() {
    // Found by the long fuzz: 14,000 characters of a name, then one that cannot be in it.
    String name = "busybox".repeat(2_000) + "-1}}";
    long start = System.nanoTime();
    assertEquals(
        "invalid reference format",
        assertThrows(Failure.class, () -> ImageRef.parse(name)).getMessage());
    assertEquals(
        "invalid reference format",
        assertThrows(Failure.class, () -> ImageRef.parse("a".repeat(5_000) + ".-/x")).getMessage());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "took too long");
    assertEquals("docker.io", ImageRef.parse("my-app__x/a--b_c.d").domain());
    assertEquals("reg-1.example.com:5000", ImageRef.parse("reg-1.example.com:5000/x:1").domain());
  }
}
