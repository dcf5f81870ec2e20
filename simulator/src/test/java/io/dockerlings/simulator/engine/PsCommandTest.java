package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsCommandTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void ps_exitedFilterThatIsNoNumber_isRefusedWithGosWords() {
    CommandResult r = docker("ps -a --filter exited=abc");
    assertEquals(1, r.exitCode());
    assertEquals(
        "Error response from daemon: strconv.Atoi: parsing \"abc\": invalid syntax\n", r.stderr());
  }

  @Test
  void ps_beforeAndSince_pickByCreationOrder() {
    docker("create --name one busybox");
    docker("create --name two busybox");
    docker("create --name three busybox");
    assertEquals("one\n", docker("ps -a --filter before=two --format '{{.Names}}'").stdout());
    assertEquals("three\ntwo\n", docker("ps -a --filter since=one --format '{{.Names}}'").stdout());
  }

  @Test
  void ps_beforeAMissingContainer_isRefused() {
    assertEquals(
        "Error response from daemon: no such container gone\n",
        docker("ps --filter before=gone").stderr());
  }

  @Test
  void ps_nameFilter_triesTheNameWithItsSlash_andABadPatternMatchesNothing() {
    docker("create --name web busybox");
    assertEquals("web\n", docker("ps -a --filter name=^/web$ --format '{{.Names}}'").stdout());
    assertEquals("", docker("ps -a --filter 'name=web[' --format '{{.Names}}'").stdout());
  }
}
