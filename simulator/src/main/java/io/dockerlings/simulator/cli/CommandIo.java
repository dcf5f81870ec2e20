package io.dockerlings.simulator.cli;

import io.dockerlings.simulator.InteractiveSession;
import java.util.Optional;

/**
 * Where a command writes: stdout and stderr buffers, and the stdin text piped into it.
 *
 * <p>Buffers rather than streams: the simulator answers at once, and callers (REPL, batch mode,
 * compare mode) need the two texts separately.
 */
public final class CommandIo {
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  private final java.util.List<Boolean> chunkErr = new java.util.ArrayList<>();
  private final java.util.List<StringBuilder> chunkText = new java.util.ArrayList<>();
  private final String stdin;
  private final boolean stdinTerminal;
  private final byte[] stdinBytes;
  private final Optional<java.util.function.Consumer<byte[]>> binaryOut;
  private InteractiveSession session;

  /** A command whose stdin is the learner's terminal, with {@code stdin} typed or piped ahead. */
  public CommandIo(String stdin) {
    this(stdin, true);
  }

  /**
   * @param stdinTerminal whether stdin is a terminal; false when a host line pipes or redirects
   *     into docker, where {@code -it} is refused
   */
  public CommandIo(String stdin, boolean stdinTerminal) {
    this.stdin = stdin == null ? "" : stdin;
    this.stdinTerminal = stdinTerminal;
    this.stdinBytes = null;
    this.binaryOut = Optional.empty();
  }

  /**
   * A command whose stdin is not a terminal but bytes (a tar piped into {@code docker load}, a
   * Dockerfile into {@code docker build -}); its text is their UTF-8 reading.
   *
   * @param binaryOut where stdout takes bytes when it is not the terminal; empty when it is
   */
  public CommandIo(byte[] stdinBytes, Optional<java.util.function.Consumer<byte[]>> binaryOut) {
    this.stdinBytes = stdinBytes.clone();
    this.stdin = new String(stdinBytes, java.nio.charset.StandardCharsets.UTF_8);
    this.stdinTerminal = false;
    this.binaryOut = binaryOut;
  }

  /** Stdout as bytes when it is not the terminal (a pipe, a file); empty when it is. */
  public Optional<java.util.function.Consumer<byte[]>> binaryOut() {
    return binaryOut;
  }

  /** The bytes on stdin: those given, or the stdin text as UTF-8. */
  public byte[] stdinBytes() {
    return stdinBytes != null
        ? stdinBytes.clone()
        : stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Refuses {@code -i} with {@code -t} when stdin is not a terminal, as the CLI checks before it
   * asks the daemon for anything.
   */
  public void requireTerminal(boolean interactive, boolean tty) {
    if (interactive && tty && !stdinTerminal) {
      throw new DockerException("the input device is not a TTY", 1);
    }
  }

  /** Whether stdin is the learner's terminal (not a pipe or a redirection). */
  public boolean stdinTerminal() {
    return stdinTerminal;
  }

  /** Appends to stdout. */
  public CommandIo out(String text) {
    out.append(text);
    chunk(false, text);
    return this;
  }

  /** Appends a line to stdout. */
  public CommandIo outln(String line) {
    out.append(line).append('\n');
    chunk(false, line + "\n");
    return this;
  }

  /** Appends to stderr. */
  public CommandIo err(String text) {
    err.append(text);
    chunk(true, text);
    return this;
  }

  /** Appends a line to stderr. */
  public CommandIo errln(String line) {
    err.append(line).append('\n');
    chunk(true, line + "\n");
    return this;
  }

  /** Leaves a terminal open for the caller to drive ({@code run -it}, {@code exec -it}). */
  public void openSession(InteractiveSession newSession) {
    this.session = newSession;
  }

  /** The terminal the command left open, if any. */
  public Optional<InteractiveSession> session() {
    return Optional.ofNullable(session);
  }

  public String stdin() {
    return stdin;
  }

  public String stdout() {
    return out.toString();
  }

  public String stderr() {
    return err.toString();
  }

  /** Keeps the order of writes, joining writes to the same stream. */
  private void chunk(boolean toErr, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (chunkErr.isEmpty() || chunkErr.get(chunkErr.size() - 1) != toErr) {
      chunkErr.add(toErr);
      chunkText.add(new StringBuilder());
    }
    chunkText.get(chunkText.size() - 1).append(text);
  }

  /** The writes to stdout and stderr in the order they were made. */
  public java.util.List<io.dockerlings.simulator.CommandResult.Chunk> chunks() {
    java.util.List<io.dockerlings.simulator.CommandResult.Chunk> all = new java.util.ArrayList<>();
    for (int i = 0; i < chunkErr.size(); i++) {
      all.add(
          new io.dockerlings.simulator.CommandResult.Chunk(
              chunkErr.get(i), chunkText.get(i).toString()));
    }
    return all;
  }

  private boolean followsLive;

  /**
   * Marks the command as typed at a live terminal, where the learner can press Ctrl-C: a foreground
   * run still running after the simulator's bounded look is then left open as a session that
   * follows it in real time, instead of being left running with a note.
   */
  public CommandIo followLive() {
    followsLive = true;
    return this;
  }

  /** Whether {@link #followLive} was asked for. */
  public boolean followsLive() {
    return followsLive;
  }
}
