package io.dockerlings.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order of a command's writes to stdout and stderr. */
class CommandResultTest {
  private final DockerSimulator sim =
      DockerSimulator.create(new SimulatorOptions(HostSpec.courseServer(), Clock.systemUTC(), 5));

  /** The result as tools/stream-order prints it: "1> " and "2> " lines in order, then "? N". */
  private static String tagged(CommandResult r) {
    StringBuilder b = new StringBuilder();
    for (CommandResult.Chunk c : r.inOrder()) {
      for (String line : c.text().split("\n")) {
        b.append(c.err() ? "2> " : "1> ").append(line).append('\n');
      }
    }
    return b.append("? ").append(r.exitCode()).append('\n').toString();
  }

  @Test
  void inOrder_interleavesTheStreams_asTheEngineWroteThem() throws Exception {
    String golden;
    try (var in = getClass().getResourceAsStream("/terminal/stream-order.txt")) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    sim.execute(List.of("docker", "run", "-d", "--name", "s2-host-a", "busybox", "sleep", "1"));
    StringBuilder replay = new StringBuilder();
    for (String line : golden.split("\n")) {
      if (line.startsWith("#")) {
        replay.append(line).append('\n');
      } else if (line.startsWith("$ ")) {
        replay.append(line).append('\n');
        List<String> argv = new ArrayList<>(CommandLine.split(line.substring(2)));
        replay.append(tagged(sim.execute(argv)));
      }
    }
    assertEquals(golden, replay.toString());
  }

  /**
   * Replays a golden of tools/stream-order: "# setup: docker ..." lines run first, each "$ " line
   * runs as a docker command, or as a host line when {@code host}.
   */
  private String replay(String golden, boolean host) {
    StringBuilder replay = new StringBuilder();
    for (String line : golden.split("\n")) {
      if (line.startsWith("# setup: ")) {
        CommandResult r = sim.execute(CommandLine.split(line.substring("# setup: ".length())));
        assertEquals(0, r.exitCode(), r.stderr());
      }
      if (line.startsWith("#")) {
        replay.append(line).append('\n');
      } else if (line.startsWith("$ ")) {
        replay.append(line).append('\n');
        String typed = line.substring(2);
        replay.append(tagged(host ? sim.host(typed) : sim.execute(CommandLine.split(typed))));
      }
    }
    return replay.toString();
  }

  private String golden(String name) throws java.io.IOException {
    try (var in = getClass().getResourceAsStream("/terminal/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void inOrder_ofExecAndStartA_isTheOrderTheProcessWrote() throws Exception {
    String golden = golden("stream-order-exec.txt");
    assertEquals(golden, replay(golden, false));
  }

  @Test
  void inOrder_ofAHostLine_isTheOrderItsCommandsWrote() throws Exception {
    String golden = golden("stream-order-host.txt");
    assertEquals(golden, replay(golden, true));
  }

  @Test
  void inOrder_ofAnExecWithATty_isOneStream() {
    sim.execute(List.of("docker", "run", "-d", "--name", "s3h-t", "busybox", "sleep", "600"));
    CommandResult r =
        sim.execute(List.of("docker", "exec", "-t", "s3h-t", "sh", "-c", "echo 1; echo 2 >&2"));
    // The tty also turns each \n into \r\n, as the engine's does (docker exec -t ... | od -c).
    assertEquals(List.of(new CommandResult.Chunk(false, "1\r\n2\r\n")), r.inOrder());
  }

  @Test
  void inOrder_withoutAKnownOrder_isStdoutThenStderr() {
    CommandResult r = CommandResult.of(1, "out\n", "err\n");
    assertEquals(
        List.of(new CommandResult.Chunk(false, "out\n"), new CommandResult.Chunk(true, "err\n")),
        r.inOrder());
    assertEquals(List.of(), new CommandResult(0, "", "", Optional.empty()).inOrder());
  }
}
