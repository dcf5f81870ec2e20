package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefsTest {
  @Test
  void tagged_addsLatestOnlyWhenNoTagOrDigest() {
    assertEquals("busybox:latest", Refs.tagged("busybox"));
    assertEquals("127.0.0.1:5000/app:latest", Refs.tagged("127.0.0.1:5000/app"));
    assertEquals("127.0.0.1:5000/app:v1", Refs.tagged("127.0.0.1:5000/app:v1"));
    assertEquals("app@sha256:" + "a".repeat(64), Refs.tagged("app@sha256:" + "a".repeat(64)));
  }

  @Test
  void repositoryAndTag_splitAtTheTagColonNotThePort() {
    assertEquals("127.0.0.1:5000/app", Refs.repository("127.0.0.1:5000/app:v1"));
    assertEquals("v1", Refs.tag("127.0.0.1:5000/app:v1"));
    assertEquals("latest", Refs.tag("127.0.0.1:5000/app"));
  }

  @Test
  void problem_wordsTheParsersErrors() {
    assertEquals(Optional.empty(), Refs.problem("dl-g-bb:V1"));
    assertEquals(
        Optional.of("invalid reference format: repository name must be lowercase"),
        Refs.problem("MyApp:v1"));
    assertEquals(Optional.of("invalid reference format"), Refs.problem("app:"));
    assertEquals(Optional.of("invalid reference format"), Refs.problem("-app"));
  }
}
