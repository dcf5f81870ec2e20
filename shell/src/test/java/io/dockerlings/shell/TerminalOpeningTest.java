package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalOpeningTest {
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  /** A dumb terminal that remembers whether it was closed. */
  private static final class Closable extends DumbTerminal {
    private volatile boolean closed;

    Closable(ByteArrayOutputStream screen) throws IOException {
      super(
          "test",
          Terminal.TYPE_DUMB,
          new ByteArrayInputStream(new byte[0]),
          screen,
          StandardCharsets.UTF_8);
    }

    @Override
    protected void doClose() throws IOException {
      closed = true;
      super.doClose();
    }
  }

  @Test
  void opening_thatFailed_throwsItsFailureWhenTaken() {
    TerminalOpening opening =
        TerminalOpening.of(
            () -> {
              throw new java.io.UncheckedIOException(new IOException("no terminal here"));
            });
    java.io.UncheckedIOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.UncheckedIOException.class, opening::take);
    assertEquals("no terminal here", e.getCause().getMessage());
    // Nothing was opened, so there is nothing to close either.
    opening.closeUnlessTaken();
  }

  @Test
  void closeUnlessTaken_closesATerminalNobodyTook_butNotOneTaken() throws IOException {
    Closable untaken = new Closable(screen);
    TerminalOpening left = TerminalOpening.of(() -> untaken);
    left.closeUnlessTaken();
    assertTrue(untaken.closed);

    Closable taken = new Closable(screen);
    TerminalOpening used = TerminalOpening.of(() -> taken);
    assertEquals(taken, used.take());
    used.closeUnlessTaken();
    org.junit.jupiter.api.Assertions.assertFalse(taken.closed);
    taken.close();
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void start_onPipes_opensATerminal_theCapabilitiesHandedOverWithoutADeadlock(@TempDir Path root)
      throws IOException {
    String path = System.getProperty(NativeLibrary.PATH_PROPERTY);
    String tmp = System.getProperty(NativeLibrary.TMPDIR_PROPERTY);
    TerminalOpening opening = TerminalOpening.start(root);
    try (Terminal t = opening.take()) {
      // On the pipes of a test run JLine falls back to a dumb terminal, but it does open one.
      assertTrue(t.getType() != null);
    } finally {
      restore(NativeLibrary.PATH_PROPERTY, path);
      restore(NativeLibrary.TMPDIR_PROPERTY, tmp);
    }
  }

  @Test
  void encoding_isTheLaunchersChoice_elseTheDefault() {
    assertEquals(StandardCharsets.UTF_8, TerminalOpening.encoding("UTF-8"));
    assertEquals(java.nio.charset.Charset.defaultCharset(), TerminalOpening.encoding(null));
    assertEquals(java.nio.charset.Charset.defaultCharset(), TerminalOpening.encoding("no such"));
    assertEquals(java.nio.charset.Charset.defaultCharset(), TerminalOpening.encoding("bad name!"));
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }
}
