package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JLineConsoleTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  private JLineConsole console(String typed, String type) throws IOException {
    ByteArrayInputStream keys = new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
    // A terminal on plain streams, without the pty a TerminalBuilder would open around them.
    Terminal t =
        type.equals(Terminal.TYPE_DUMB)
            ? new DumbTerminal("test", type, keys, screen, StandardCharsets.UTF_8)
            : new ExternalTerminal("test", type, keys, screen, StandardCharsets.UTF_8);
    return new JLineConsole(
        t, new Completion(new FakeBackend(), ReplCommands.standard()), dir.resolve("history"));
  }

  private String screen() {
    return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "");
  }

  @Test
  void lines_areRead_andCtrlDEndsTheInput() throws IOException {
    try (JLineConsole c = console("docker ps\r\u0004", Terminal.TYPE_DUMB)) {
      assertEquals(new Console.Line("docker ps"), c.readLine("dockerlings[sim]$ "));
      assertInstanceOf(Console.EndOfInput.class, c.readLine("dockerlings[sim]$ "));
    }
    assertTrue(screen().contains("dockerlings[sim]$ "), screen());
  }

  @Test
  void ctrlPCtrlQ_detaches() throws IOException {
    try (JLineConsole c = console("ls\u0010\u0011", Terminal.TYPE_DUMB)) {
      assertInstanceOf(Console.Detach.class, c.readContainerLine("/ # "));
    }
  }

  @Test
  void tab_completesFromTheCompletion() throws IOException {
    try (JLineConsole c = console("docker ne\t\r", "xterm-256color")) {
      assertEquals(new Console.Line("docker network "), c.readLine("$ "));
    }
  }

  @Test
  void history_isKeptInTheFile_butContainerLinesAreNot() throws IOException {
    try (JLineConsole c = console("docker ps\rls /tmp\rexit\r", Terminal.TYPE_DUMB)) {
      c.readLine("$ ");
      c.readContainerLine("/ # ");
      c.readLine("$ ");
      assertEquals(List.of("docker ps", "exit"), c.history());
    }
    List<String> saved = Files.readAllLines(dir.resolve("history"));
    assertEquals(2, saved.size(), saved.toString());
    assertTrue(saved.get(0).endsWith("docker ps"), saved.toString());
  }

  @Test
  void errors_areRedOnAColourTerminal_andPlainOnADumbOne() throws IOException {
    try (JLineConsole c = console("", "xterm-256color")) {
      c.err("Error: No such container: x\n");
    }
    assertTrue(screen.toString(StandardCharsets.UTF_8).contains("\u001b[31mError"), screen());
    screen.reset();
    try (JLineConsole c = console("", Terminal.TYPE_DUMB)) {
      c.err("Error: No such container: x\n");
    }
    assertEquals("Error: No such container: x\n", screen.toString(StandardCharsets.UTF_8));
  }

  @Test
  void above_whileALineIsRead_printsAboveItAndRedrawsTheNewPrompt_elseJustPrints()
      throws Exception {
    java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
    java.io.PipedInputStream keys = new java.io.PipedInputStream(typing);
    Terminal t =
        new ExternalTerminal("test", "xterm-256color", keys, screen, StandardCharsets.UTF_8);
    try (JLineConsole c =
        new JLineConsole(t, new Completion(new FakeBackend(), ReplCommands.standard()), null)) {
      c.above("before any read\n", "unused$ ");
      assertTrue(screen().contains("before any read"), screen());
      java.util.concurrent.CompletableFuture<Console.Input> read =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> c.readLine("first$ "));
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (!screen().contains("first$ ") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      typing.write("doc".getBytes(StandardCharsets.UTF_8));
      typing.flush();
      Thread.sleep(200);
      c.above("Resuming lesson m0 at M0 2/8.\n", "second M0 2/8$ ");
      typing.write("ker ps\r".getBytes(StandardCharsets.UTF_8));
      typing.flush();
      assertEquals(
          new Console.Line("docker ps"), read.get(20, java.util.concurrent.TimeUnit.SECONDS));
      String shown = screen();
      int said = shown.indexOf("Resuming lesson m0 at M0 2/8.");
      assertTrue(said > shown.indexOf("first$ "), shown);
      assertTrue(shown.indexOf("second M0 2/8$ ", said) > said, shown);
    }
  }

  private static Terminal dumb(String typed, ByteArrayOutputStream screen) {
    try {
      return new DumbTerminal(
          "test",
          Terminal.TYPE_DUMB,
          new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
          screen,
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void opening_opensTheTerminalOnAThreadOfItsOwn_andTheConsoleReadsFromIt() throws IOException {
    java.util.concurrent.atomic.AtomicReference<String> openedOn =
        new java.util.concurrent.atomic.AtomicReference<>();
    TerminalOpening opening =
        TerminalOpening.of(
            () -> {
              openedOn.set(Thread.currentThread().getName());
              return dumb("docker ps\r", screen);
            });
    try (JLineConsole c =
        new JLineConsole(
            opening,
            new Completion(new FakeBackend(), ReplCommands.standard()),
            dir.resolve("history"))) {
      assertEquals(new Console.Line("docker ps"), c.readLine("$ "));
    }
    assertEquals("dockerlings-terminal", openedOn.get());
  }
}
