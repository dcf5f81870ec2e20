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
  private static final class Named extends FakeBackend {
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
}
