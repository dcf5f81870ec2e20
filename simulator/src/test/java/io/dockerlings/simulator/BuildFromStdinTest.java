package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docker build -}: the Dockerfile piped in, a context with nothing else (as Engine 20.10
 * printed: "Sending build context to Docker daemon 2.048kB", and COPY finds no file).
 */
class BuildFromStdinTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 4));

  private CommandResult build(String dockerfile) {
    return sim.execute(List.of("docker", "build", "-t", "piped", "-"), dockerfile);
  }

  @Test
  void build_dockerfileOnStdin_buildsAndCachesLikeADirectory() {
    String file = "FROM busybox\nRUN echo one > /one\nCMD [\"sh\"]\n";
    CommandResult first = build(file);
    assertEquals(0, first.exitCode(), first.stderr());
    assertTrue(
        first.stdout().startsWith("Sending build context to Docker daemon  2.048kB"),
        first.stdout());
    assertTrue(first.stdout().contains("Step 2/3 : RUN echo one > /one"));
    assertTrue(first.stdout().contains("Successfully tagged piped:latest"));
    CommandResult second = build(file);
    assertEquals(2, second.stdout().lines().filter(l -> l.equals(" ---> Using cache")).count());
    CommandResult changed = build(file.replace("one >", "ONE >"));
    assertEquals(0, changed.stdout().lines().filter(l -> l.equals(" ---> Using cache")).count());
  }

  @Test
  void build_copyWithStdinContext_findsNoFile() {
    CommandResult r = build("FROM busybox\nCOPY a /a\n");
    assertEquals(1, r.exitCode());
    assertTrue(
        r.stderr()
            .endsWith(
                "COPY failed: file not found in build context or excluded by .dockerignore: stat"
                    + " a: file does not exist\n"),
        r.stderr());
  }
}
