package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.cli.DockerException;
import org.junit.jupiter.api.Test;

class FailureTest {
  private static final String MESSAGE =
      "invalid reference format: repository name must be lowercase";

  @Test
  void create_invalidReference_isPrintedBareWithExitOne() {
    DockerException e = Failure.request(MESSAGE).forCreate("create");
    assertEquals(MESSAGE, e.text());
    assertEquals(1, e.exitCode());
  }

  @Test
  void run_invalidReference_keepsTheDockerPrefixAndHint() {
    DockerException e = Failure.request(MESSAGE).forRun("run");
    assertEquals("docker: " + MESSAGE + ".\nSee 'docker run --help'.", e.text());
    assertEquals(125, e.exitCode());
  }

  @Test
  void create_flagError_isWordedAsRunWords() {
    DockerException e = Failure.client("Invalid containerPort: abc").forCreate("create");
    assertEquals("docker: Invalid containerPort: abc.\nSee 'docker create --help'.", e.text());
    assertEquals(125, e.exitCode());
  }
}
