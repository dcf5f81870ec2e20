package io.dockerlings.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * This process's terminal being opened on a daemon thread of its own: opening it (loading JLine's
 * native library, reading the terminal's capabilities, installing its signal handlers) is a fifth
 * of the way to the first prompt, and can happen while the caller reads its messages, makes the
 * workspace and builds the backends. Whoever does not take it closes it.
 */
final class TerminalOpening {
  private final java.util.concurrent.CompletableFuture<Terminal> terminal =
      new java.util.concurrent.CompletableFuture<>();
  private final java.util.concurrent.atomic.AtomicBoolean taken =
      new java.util.concurrent.atomic.AtomicBoolean();

  private TerminalOpening(java.util.function.Supplier<Terminal> open) {
    Thread t =
        new Thread(
            () -> {
              try {
                terminal.complete(open.get());
              } catch (RuntimeException | Error e) {
                terminal.completeExceptionally(e);
              }
            },
            "dockerlings-terminal");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Starts opening this process's terminal; JLine's native library is kept under {@code
   * nativeRoot}. The opening is the longest stretch on the way to the first prompt, so it is split:
   * the new thread loads the native library (from dockerlings' own copy, not copied out anew each
   * start) while the caller reads the terminal's capabilities, which the terminal needs only once
   * the library is in.
   */
  static TerminalOpening start(Path nativeRoot) {
    java.util.concurrent.CompletableFuture<Void> capabilities =
        new java.util.concurrent.CompletableFuture<>();
    TerminalOpening opening =
        new TerminalOpening(
            () -> {
              NativeLibrary.useFrom(nativeRoot);
              capabilities.join();
              return systemTerminal();
            });
    try {
      knownCapabilities(System.getenv("TERM"));
    } finally {
      // Without them JLine asks infocmp, as it would have anyway: never a reason to wait on.
      capabilities.complete(null);
    }
    return opening;
  }

  /** Starts opening a terminal made by {@code open}, on the same kind of thread (for tests). */
  static TerminalOpening of(java.util.function.Supplier<Terminal> open) {
    return new TerminalOpening(open);
  }

  /** The terminal, once opened; a failure to open it is thrown here, as opening it here would. */
  Terminal take() {
    taken.set(true);
    try {
      return terminal.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Closes the terminal if nobody took it (the run ended before its console was made). */
  void closeUnlessTaken() {
    if (taken.getAndSet(true)) {
      return;
    }
    try {
      terminal.join().close();
    } catch (IOException | RuntimeException e) {
      // Not opened, or already going away with the process: nothing to give back.
    }
  }

  /**
   * For the terminal types JLine carries (xterm, xterm-256color, screen...) makes its own copy of
   * the standard entry the one JLine uses, instead of starting infocmp before the first prompt.
   */
  private static void knownCapabilities(String type) {
    if (type != null && InfoCmp.getLoadedInfoCmp(type) == null) {
      String caps = InfoCmp.getDefaultInfoCmp(type);
      if (caps != null) {
        InfoCmp.setLoadedInfoCmp(type, caps);
      }
    }
  }

  private static Terminal systemTerminal() {
    try {
      // JLine's own search loads JNA (and runs ldconfig and test -t) even when its native
      // library answers, which costs a Java 17 start-up a tenth of a second or more before the
      // first prompt: its native library is asked alone, and only if it fails the usual search.
      return TerminalBuilder.builder()
          .system(true)
          .provider("jni")
          // Said here, else JLine asks the JVM for two Windows code pages by name (a search
          // through every charset provider on the class path) before settling on the default.
          .encoding(encoding(System.getProperty("sun.stdout.encoding")))
          .build();
    } catch (IOException | RuntimeException | LinkageError noNative) {
      try {
        return TerminalBuilder.builder().system(true).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The terminal's encoding: the one the launcher chose for standard output ({@code
   * sun.stdout.encoding}, UTF-8 when the locale names it, even a locale this machine lacks), else
   * the JVM's default, where JLine would have ended anyway.
   */
  static java.nio.charset.Charset encoding(String launcherChose) {
    try {
      if (launcherChose != null && java.nio.charset.Charset.isSupported(launcherChose)) {
        return java.nio.charset.Charset.forName(launcherChose);
      }
    } catch (IllegalArgumentException badName) {
      // an unusable name: the default, as without one
    }
    return java.nio.charset.Charset.defaultCharset();
  }
}
