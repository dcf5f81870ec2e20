package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.cli.DockerException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealCommitTest {
  @TempDir Path state;

  @Test
  void reference_defaultsToLatest_andRefusesCapitalsAsTheCliDoes() {
    assertEquals(
        new RealCommit.Reference("dl-rc/img", "latest"), RealCommit.Reference.parse("dl-rc/img"));
    assertEquals(
        new RealCommit.Reference("localhost:5000/img", "v1"),
        RealCommit.Reference.parse("localhost:5000/img:v1"));
    DockerException e =
        assertThrows(DockerException.class, () -> RealCommit.Reference.parse("Bad:Tag"));
    assertEquals("invalid reference format: repository name must be lowercase", e.text());
    assertEquals(
        "invalid reference format",
        assertThrows(DockerException.class, () -> RealCommit.Reference.parse("a:b:c")).text());
  }

  @Tag("real-engine")
  @Test
  void commit_unknownContainerOrBadChange_isTheDaemonsError() throws Exception {
    try (EnginePair both = EnginePair.open(state)) {
      both.same("docker commit nope");
      both.same("docker run --name dl-rc-commit0 busybox true");
      CommandResult bad = both.real("docker commit -c 'FOO bar' dl-rc-commit0 dl-rc-img:bad");
      assertEquals("Error response from daemon: foo is not a valid change command\n", bad.stderr());
      assertEquals(1, bad.exitCode());
    }
  }

  @Tag("real-engine")
  @Test
  void commit_withMessageAuthorAndChange_makesAnImageThatCleanupRemoves() throws Exception {
    try (EnginePair both = EnginePair.open(state)) {
      both.real("docker run --name dl-rc-commit busybox sh -c 'echo hi > /hello.txt'");
      CommandResult id =
          both.real(
              "docker commit -m 'first' -a 'dl rc' -c 'CMD [\"cat\", \"/hello.txt\"]'"
                  + " dl-rc-commit dl-rc-img:v1");
      assertTrue(id.stdout().matches("sha256:[0-9a-f]{64}\n"), id.stdout() + id.stderr());
      assertEquals(
          "first dl rc [cat /hello.txt]\n",
          both.real("docker inspect -f '{{.Comment}} {{.Author}} {{.Config.Cmd}}' dl-rc-img:v1")
              .stdout());
      assertEquals("hi\n", both.real("docker run --rm dl-rc-img:v1").stdout());
      assertTrue(both.real("docker images").stdout().contains("dl-rc-img"));
    }
    assertTrue(EnginePair.LOCATOR.api().get("/images/dl-rc-img:v1/json").isEmpty());
  }
}
