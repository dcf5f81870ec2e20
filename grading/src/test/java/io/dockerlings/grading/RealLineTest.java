package io.dockerlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.state.Journal;
import io.dockerlings.simulator.DockerSimulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routing of a real-engine replay, with a second simulator standing in for the engine. */
class RealLineTest {
  private final DockerSimulator engine = DockerSimulator.create();
  private final DockerSimulator host = DockerSimulator.create();
  private final RealLine line = new RealLine(engine, host);

  @Test
  void hostLine_runsOnTheSimulatedHost_notTheEngine() {
    assertEquals(0, line.run("mkdir -p /srv/site && echo hi > /srv/site/a", List.of()).exitCode());
    assertEquals("hi\n", host.host("cat /srv/site/a").stdout());
    assertTrue(engine.host("cat /srv/site/a").exitCode() != 0);
  }

  @Test
  void dockerLine_runsOnTheEngine() {
    Journal.Entry e = line.run("docker run --name one busybox echo hello", List.of());
    assertEquals(0, e.exitCode());
    assertEquals("hello\n", e.output());
    assertTrue(engine.containerNames().contains("one"));
    assertFalse(host.containerNames().contains("one"));
  }

  @Test
  void hostStagePipedIntoDocker_feedsTheEnginesStdin() {
    Journal.Entry e =
        line.run(
            "printf 'FROM busybox\\nCMD [\"echo\", \"hi\"]\\n' | docker build -t greeter:v1 -",
            List.of());
    assertEquals(0, e.exitCode(), e.output());
    assertTrue(engine.imageNames().contains("greeter:v1"), engine.imageNames().toString());
    assertFalse(host.imageNames().contains("greeter:v1"));
  }

  @Test
  void dockerPipedIntoHostStage_filtersTheEnginesOutput() {
    line.run("docker create --name web busybox", List.of());
    line.run("docker create --name db busybox", List.of());
    Journal.Entry e = line.run("docker ps -a --format '{{.Names}}' | grep we", List.of());
    assertEquals(0, e.exitCode(), e.output());
    assertEquals("web\n", e.output());
  }

  @Test
  void substitution_runsOnTheEngine() {
    line.run("docker run --name old1 busybox true", List.of());
    line.run("docker run --name old2 busybox false", List.of());
    line.run("docker create --name fresh busybox", List.of());
    Journal.Entry e = line.run("docker rm $(docker ps -aq -f status=exited)", List.of());
    assertEquals(0, e.exitCode(), e.output());
    assertEquals(List.of("fresh"), engine.containerNames());
  }

  @Test
  void chainAroundDocker_isRefusedAndRunsNothing() {
    Journal.Entry e = line.run("docker run --name a busybox true && docker ps", List.of());
    assertEquals(RealLine.REFUSED, e.exitCode());
    assertTrue(e.output().contains("was not run"), e.output());
    assertTrue(engine.containerNames().isEmpty());
  }

  @Test
  void split_keepsQuotedBarsAndRefusesOr() {
    assertEquals(List.of("echo 'a|b' ", " docker x"), RealLine.split("echo 'a|b' | docker x", '|'));
    assertEquals(List.of("a || b"), RealLine.split("a || b", '|'));
  }
}
