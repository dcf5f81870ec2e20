package io.dockerlings.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandLine;
import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.DockerSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleCommandsTest {
  private final DockerSimulator sim = DockerSimulator.create();

  private CommandResult docker(String line) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(CommandLine.split(line));
    return sim.execute(argv);
  }

  @Test
  void stopAndRestart_time_takeWhatTheFlagParserTakes_andWordsAreRefusedWhileParsing() {
    // Docker 20.10 stops with -t 0x1 and -t 99999999999 (ParseInt in base 0, 64 bits).
    docker("run -d --name sleeper busybox sleep 1000");
    CommandResult hex = docker("stop -t 0x1 sleeper");
    assertEquals(0, hex.exitCode(), hex.stderr());
    assertEquals("sleeper\n", hex.stdout());
    assertEquals(0, docker("restart -t 99999999999 sleeper").exitCode());
    CommandResult words = docker("stop -t soon sleeper");
    assertEquals(125, words.exitCode());
    assertTrue(
        words.stderr().contains("strconv.ParseInt: parsing \"soon\": invalid syntax"),
        words.stderr());
  }

  @Test
  void run_stopTimeout_inHex_isKeptAsItsValue() {
    docker("run -d --stop-timeout 0x10 --name sleeper busybox sleep 1000");
    assertEquals("16\n", docker("inspect --format '{{.Config.StopTimeout}}' sleeper").stdout());
  }
}
