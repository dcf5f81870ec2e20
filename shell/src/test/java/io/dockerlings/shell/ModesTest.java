package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModesTest {
  /** A backend with a fixed name that can claim to be unavailable. */
  private static class Named extends FakeBackend {
    private final String name;
    private final Optional<String> why;
    boolean closed;

    Named(String name, Optional<String> why) {
      this.name = name;
      this.why = why;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Optional<String> unavailable() {
      return why;
    }

    @Override
    public CommandResult execute(List<String> argv, String stdin) {
      executed.add(List.copyOf(argv));
      return CommandResult.of(0, name + "\n", "");
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final Named sim = new Named("sim", Optional.empty());
  private final Named real = new Named("real", Optional.of("no engine"));
  private final Named compare = new Named("compare", Optional.of("no engine"));

  @Test
  void select_switchesWhereCommandsGo() {
    Modes modes = new Modes(sim, real, compare, "sim");
    assertEquals("sim\n", modes.execute(List.of("docker", "ps"), "").stdout());
    assertTrue(modes.select("real"));
    assertEquals("real", modes.name());
    assertEquals("real\n", modes.execute(List.of("docker", "ps"), "").stdout());
    assertEquals(Optional.of("no engine"), modes.unavailable());
  }

  @Test
  void select_unknownName_keepsTheMode() {
    Modes modes = new Modes(sim, real, compare, "sim");
    assertFalse(modes.select("docker"));
    assertEquals("sim", modes.name());
  }

  @Test
  void close_closesBothEngines() {
    Modes modes = new Modes(sim, real, compare, "compare");
    modes.close();
    assertTrue(sim.closed);
    assertTrue(real.closed);
  }

  @Test
  void withFileFlag_turnsTarRedirectionsIntoTheFileFlags_andNothingElse() {
    assertEquals(
        Optional.of(List.of("docker", "save", "-o", "nginx.tar", "nginx")),
        Modes.withFileFlag("docker save nginx > nginx.tar"));
    assertEquals(
        Optional.of(List.of("docker", "image", "save", "-o", "b.tar", "busybox", "registry:2")),
        Modes.withFileFlag("docker image save busybox registry:2 >b.tar"));
    assertEquals(
        Optional.of(List.of("docker", "export", "-o", "c.tar", "web")),
        Modes.withFileFlag("docker export web > c.tar"));
    assertEquals(
        Optional.of(List.of("docker", "load", "-i", "nginx.tar")),
        Modes.withFileFlag("docker load < nginx.tar"));
    assertEquals(Optional.empty(), Modes.withFileFlag("docker save nginx >> nginx.tar"));
    assertEquals(Optional.empty(), Modes.withFileFlag("docker save nginx | gzip > n.tgz"));
    assertEquals(Optional.empty(), Modes.withFileFlag("docker ps > ps.txt"));
  }

  @Test
  void host_inRealMode_runsASaveIntoAFileAsSaveO() {
    Named engine = new Named("real", Optional.empty());
    Modes modes = new Modes(sim, engine, compare, "real");
    modes.host("docker save busybox > bb.tar");
    assertEquals(List.of(List.of("docker", "save", "-o", "bb.tar", "busybox")), engine.executed);
  }

  /** A real engine's stand-in that records what host lines pipe into its docker commands. */
  private static final class PipedReal extends Named {
    final List<String> piped = new java.util.ArrayList<>();

    PipedReal() {
      super("real", Optional.empty());
    }

    final List<byte[]> bytes = new java.util.ArrayList<>();

    /** Bytes the stand-in writes to a stdout that is not the terminal, as a save does. */
    byte[] tar = new byte[0];

    @Override
    public CommandResult executePiped(
        List<String> argv,
        Optional<byte[]> stdin,
        Optional<java.util.function.Consumer<byte[]>> stdout) {
      executed.add(List.copyOf(argv));
      bytes.add(stdin.orElse(new byte[0]));
      if (stdout.isPresent() && tar.length > 0) {
        try {
          for (int i = 0; i < tar.length; i += 1024) {
            stdout
                .get()
                .accept(java.util.Arrays.copyOfRange(tar, i, Math.min(tar.length, i + 1024)));
          }
        } catch (RuntimeException e) {
          return CommandResult.of(1, "", "refused: " + e.getMessage() + "\n");
        }
        return CommandResult.of(0, "", "");
      }
      piped.add(
          stdin.map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("<tty>"));
      return new CommandResult(
          0,
          "engine out\n",
          "engine err\n",
          Optional.empty(),
          List.of(
              new CommandResult.Chunk(true, "engine err\n"),
              new CommandResult.Chunk(false, "engine out\n")));
    }
  }

  @Test
  void host_inRealMode_pipesAndRedirectionsFeedTheEnginesDocker_andItsOutputJoinsTheLine() {
    SimulatorBackend simulator =
        new SimulatorBackend(
            () ->
                new io.dockerlings.simulator.SimulatorOptions(
                    io.dockerlings.simulator.HostSpec.courseServer(),
                    java.time.Clock.systemUTC(),
                    5));
    PipedReal engine = new PipedReal();
    Modes modes = new Modes(simulator, engine, compare, "real");
    CommandResult built = modes.host("printf 'FROM busybox\\nRUN true\\n' | docker build -t x -");
    assertEquals(List.of("docker", "build", "-t", "x", "-"), engine.executed.get(0));
    assertEquals("FROM busybox\nRUN true\n", engine.piped.get(0));
    // The engine's output, in its order, is the line's.
    assertEquals(
        List.of(
            new CommandResult.Chunk(true, "engine err\n"),
            new CommandResult.Chunk(false, "engine out\n")),
        built.inOrder());
    simulator.host("echo 'hello' > in.txt");
    modes.host("docker exec -i c cat < in.txt");
    assertEquals("hello\n", engine.piped.get(1));
    CommandResult grepped = modes.host("docker ps | grep -c out");
    assertEquals("<tty>", engine.piped.get(2));
    assertEquals("1\n", grepped.stdout());
    // What the simulator alone has never ran on it: a host line with no docker in it.
    assertEquals(3, engine.executed.size());
  }

  @Test
  void host_inRealMode_aTarIntoAPipe_passesByteForByte_boundedAsAHostFile() {
    SimulatorBackend simulator =
        new SimulatorBackend(
            () ->
                new io.dockerlings.simulator.SimulatorOptions(
                        io.dockerlings.simulator.HostSpec.courseServer(),
                        java.time.Clock.systemUTC(),
                        5)
                    .withWorkspace(
                        io.dockerlings.simulator.Workspace.inMemory().withMaxFile(4096)));
    PipedReal engine = new PipedReal();
    Modes modes = new Modes(simulator, engine, compare, "real");
    engine.tar = new byte[3000];
    engine.tar[7] = (byte) 0xff;
    engine.tar[8] = (byte) 0x80;
    CommandResult loaded = modes.host("docker save x | docker load");
    assertEquals(0, loaded.exitCode(), loaded.stderr());
    assertEquals(List.of("docker", "load"), engine.executed.get(1));
    org.junit.jupiter.api.Assertions.assertArrayEquals(engine.tar, engine.bytes.get(1));
    // Past the bound of one host file, the save ends with the reason.
    engine.tar = new byte[5000];
    CommandResult big = modes.host("docker save x | docker load");
    assertTrue(big.stderr().contains("File too large"), big.stderr());
    assertTrue(engine.bytes.get(3).length <= 4096, "at most the bound went on");
  }
}
