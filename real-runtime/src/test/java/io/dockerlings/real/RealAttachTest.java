package io.dockerlings.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dockerlings.simulator.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("real-engine")
class RealAttachTest {
  @TempDir Path state;
  private EnginePair both;

  @BeforeEach
  void open() throws Exception {
    both = EnginePair.open(state);
  }

  @AfterEach
  void close() {
    both.close();
  }

  @Test
  void runInteractive_feedsThePipedTextAndEndsItsInput() {
    CommandResult r =
        both.real(
            "docker run -i --rm busybox sh -c 'tr a-z A-Z; echo done >&2; exit 5'", "ab\ncd\n");
    assertEquals("AB\nCD\n", r.stdout());
    assertEquals("done\n", r.stderr());
    assertEquals(5, r.exitCode());
  }

  @Test
  void runTty_withoutInteractiveOrDetached_needsNoTerminal() {
    CommandResult r = both.real("docker run --rm -t busybox sh -c 'echo hi; echo err >&2'");
    assertEquals("hi\r\nerr\r\n", r.stdout());
    assertEquals("", r.stderr());
    assertEquals(0, both.real("docker run -itd --name dl-rc-itd busybox sh").exitCode());
    assertEquals(
        "running true true false false\n",
        both.real(
                "docker inspect -f '{{.State.Status}} {{.Config.Tty}} {{.Config.OpenStdin}}"
                    + " {{.Config.AttachStdin}} {{.Config.StdinOnce}}' dl-rc-itd")
            .stdout());
    CommandResult it = both.real("docker run -it --rm busybox sh -c 'exit 2'");
    assertEquals(0, it.exitCode(), "-it lends a terminal: the status comes when it ends");
    var terminal = it.session().orElseThrow().raw().orElseThrow();
    try {
      terminal.output().readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(2, terminal.end().exitCode());
  }

  @Test
  void runWithoutInteractive_givesTheContainerNoInput() {
    CommandResult r = both.real("docker run --rm busybox cat", "ignored\n");
    assertEquals("", r.stdout());
    assertEquals(0, r.exitCode());
  }

  @Test
  void startAttachInteractive_feedsTheTextToTheRestartedContainer() {
    both.real("docker create -i --name dl-rc-cat busybox wc -l");
    CommandResult r = both.real("docker start -ai dl-rc-cat", "1\n2\n3\n");
    assertEquals("3\n", r.stdout());
    assertEquals(0, r.exitCode());
  }

  @Test
  void runForeground_outputAndStatus_matchTheSimulator() {
    both.same("docker run --rm busybox sh -c 'exit 0'");
    both.same("docker run --name dl-rc-out busybox sh -c 'echo out; echo err >&2; exit 3'");
  }

  @Test
  void run_commandThatCannotStart_is127Or126WithTheCancelledWaitLine() {
    CommandResult missing = both.same("docker run --name dl-rc-nosuch busybox dl-rc-nosuch");
    assertEquals(127, missing.exitCode());
    // With --rm the engine's CLI prints the cancelled-wait line only now and then (a race);
    // real mode leaves it out, as the goldens recorded.
    CommandResult removed = both.real("docker run --rm busybox dl-rc-nosuch");
    assertEquals(127, removed.exitCode());
    assertEquals(1, removed.stderr().lines().count(), removed.stderr());
    assertEquals(126, both.same("docker run --name dl-rc-dir busybox /etc").exitCode());
    CommandResult detached = both.real("docker run -d --name dl-rc-bad busybox dl-rc-nosuch");
    assertEquals(127, detached.exitCode());
    assertEquals(65, detached.stdout().length(), detached.stdout());
    assertEquals(1, detached.stderr().lines().count(), detached.stderr());
    assertEquals(
        "", both.real("docker ps -aq --filter ancestor=busybox --filter status=dead").stdout());
  }

  /** Runs a foreground command on another thread and presses Ctrl-C once {@code name} runs. */
  private CommandResult ctrlCWhileRunning(String line, String name) throws Exception {
    java.util.concurrent.atomic.AtomicReference<CommandResult> result =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread runner = new Thread(() -> result.set(both.real(line)));
    runner.start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (!both.real("docker ps --format '{{.Names}}'").stdout().contains(name)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " never started");
      }
      Thread.sleep(100);
    }
    runner.interrupt();
    runner.join(java.util.concurrent.TimeUnit.SECONDS.toMillis(RealAttach.LIMIT_SECONDS));
    return result.get();
  }

  @Test
  void ctrlC_onAForegroundSleep_isProxied_ignoredByPid1_andTheReplGetsItsPromptBack()
      throws Exception {
    CommandResult r =
        ctrlCWhileRunning("docker run --name dl-rc-nap busybox sleep 100", "dl-rc-nap");
    org.junit.jupiter.api.Assertions.assertNotNull(r, "the foreground run returned");
    assertEquals(0, r.exitCode());
    org.junit.jupiter.api.Assertions.assertTrue(
        r.stderr().contains("SIGINT went to the container and did not stop it"), r.stderr());
    assertEquals(
        "running\n", both.real("docker inspect -f '{{.State.Status}}' dl-rc-nap").stdout());
  }

  @Test
  void ctrlC_onAForegroundContainerWithAHandler_endsIt_withItsStatus() throws Exception {
    CommandResult r =
        ctrlCWhileRunning(
            "docker run --name dl-rc-trap busybox sh -c 'trap \"exit 7\" INT; while :; do sleep 1;"
                + " done'",
            "dl-rc-trap");
    org.junit.jupiter.api.Assertions.assertNotNull(r, "the foreground run returned");
    assertEquals(7, r.exitCode(), r.stderr());
  }

  @Test
  void runForeground_keepsTheOrderOfStdoutAndStderr() {
    CommandResult r =
        both.real(
            "docker run --rm busybox sh -c 'echo out; sleep 0.3; echo err >&2; sleep 0.3; echo out2'");
    assertEquals(
        java.util.List.of(
            new CommandResult.Chunk(false, "out\n"),
            new CommandResult.Chunk(true, "err\n"),
            new CommandResult.Chunk(false, "out2\n")),
        r.inOrder());
  }

  @Test
  void ctrlC_withSigProxyFalse_endsTheCliWith130_andTheContainerGoesOn() throws Exception {
    CommandResult r =
        ctrlCWhileRunning(
            "docker run --sig-proxy=false --name dl-rc-noproxy busybox sleep 100", "dl-rc-noproxy");
    org.junit.jupiter.api.Assertions.assertNotNull(r, "the foreground run returned");
    assertEquals(130, r.exitCode(), r.stderr());
    assertEquals(
        "running\n", both.real("docker inspect -f '{{.State.Status}}' dl-rc-noproxy").stdout());
  }
}
