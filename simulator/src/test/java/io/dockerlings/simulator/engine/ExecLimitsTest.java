package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecLimitsTest {
  @Test
  void tooLong_argumentOfMaxArgStrlenWithItsNul_passes() {
    assertFalse(ExecLimits.tooLong(List.of("docker", "x".repeat(131_071))));
  }

  @Test
  void tooLong_oneByteMore_isRefused() {
    assertTrue(ExecLimits.tooLong(List.of("docker", "x".repeat(131_072))));
  }

  @Test
  void tooLong_multibyteCharacters_countAsBytes() {
    assertTrue(ExecLimits.tooLong(List.of("docker", "é".repeat(70_000))));
  }

  @Test
  void tooLong_manyShortArgumentsPastArgMax_isRefused() {
    assertTrue(ExecLimits.tooLong(Collections.nCopies(30_000, "x".repeat(100))));
    assertFalse(ExecLimits.tooLong(Collections.nCopies(10_000, "x".repeat(100))));
  }

  @Test
  void execute_templateLongerThanAnArgument_isRefusedByTheShell() {
    // As bash and ash report execve's E2BIG on docker 20.10.24's machine: exit 126.
    DockerSimulator sim = DockerSimulator.create();
    CommandResult r =
        sim.execute(List.of("docker", "inspect", "-f", "{{" + "(".repeat(131_070), "busybox"));
    assertEquals(126, r.exitCode());
    assertEquals("sh: docker: Argument list too long\n", r.stderr());
  }
}
