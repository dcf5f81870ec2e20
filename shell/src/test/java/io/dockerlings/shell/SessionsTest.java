package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.InteractiveSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionsTest {
  /** A terminal that only records whether it was detached. */
  private static final class Terminal implements InteractiveSession {
    boolean detached;

    @Override
    public String prompt() {
      return "/ # ";
    }

    @Override
    public String send(String line) {
      return "";
    }

    @Override
    public String endOfInput() {
      return "";
    }

    @Override
    public void detach() {
      detached = true;
    }

    @Override
    public boolean isOpen() {
      return !detached;
    }

    @Override
    public int exitCode() {
      return 0;
    }
  }

  @Test
  void detach_afterRun_isQuietAndSucceeds() {
    Terminal t = new Terminal();
    assertEquals(
        CommandResult.of(0, "", ""),
        Sessions.detach(t, List.of("docker", "run", "-it", "busybox", "sh")));
    assertTrue(t.detached);
    assertEquals(
        CommandResult.of(0, "", ""),
        Sessions.detach(new Terminal(), List.of("docker", "start", "-ai", "x")));
  }

  @Test
  void detach_afterAttachOrExec_reportsTheEscapeSequence() {
    CommandResult loud = CommandResult.of(1, "", "read escape sequence\n");
    assertEquals(loud, Sessions.detach(new Terminal(), List.of("docker", "attach", "x")));
    assertEquals(
        loud,
        Sessions.detach(new Terminal(), List.of("docker", "container", "exec", "-it", "x", "sh")));
  }

  @Test
  void verb_skipsGlobalFlagsAndTheContainerWord() {
    assertEquals("exec", Sessions.verb(List.of("docker", "-D", "container", "exec", "x")));
    assertEquals("run", Sessions.verb(List.of("docker", "run")));
    assertEquals("", Sessions.verb(List.of("docker")));
  }
}
