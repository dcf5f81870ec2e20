package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FileSystem;
import java.time.Instant;
import java.util.Map;

/**
 * What a running command sees: its container's files, its environment and working directory, its
 * standard streams, and facts about the container it runs in.
 */
public interface AppletContext {
  /** The container's merged file tree. */
  FileSystem fs();

  /** The working directory, absolute. */
  String cwd();

  /** The environment, read-only. */
  Map<String, String> env();

  /** All of standard input (a pipe's or redirection's content; empty when none). */
  String stdin();

  /**
   * Whether standard input is the terminal the line was typed at, rather than a pipe or a file
   * ({@code docker run -it} refuses to run otherwise).
   */
  default boolean stdinIsTerminal() {
    return false;
  }

  /**
   * All of standard input as bytes, for the tools that count or cut bytes ({@code wc -c}, {@code
   * head -c}, {@code cut -b}): a file redirected in as it is stored, a pipe that carried raw bytes
   * (a tar) as they were, text as UTF-8.
   */
  default byte[] stdinBytes() {
    return stdin().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Writes to standard output. */
  void out(String text);

  /** Writes raw bytes to standard output (a tar that {@code docker save} prints). */
  default void outBytes(byte[] data) {
    out(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  /** Whether standard output is the terminal, rather than a pipe or a file. */
  default boolean stdoutIsTerminal() {
    return false;
  }

  /**
   * Whether standard output is a container's terminal ({@code docker run -t}, {@code exec -t}), as
   * {@code isatty(1)} tells a program there.
   */
  default boolean stdoutIsTty() {
    return false;
  }

  /**
   * The width of the terminal on standard output as {@code TIOCGWINSZ} reports it: 0 when it is not
   * a terminal or the client has not sent its window size yet.
   */
  default int ttyColumns() {
    return 0;
  }

  /** The file standard input was redirected from ({@code < file}), if it was. */
  default java.util.Optional<String> stdinFile() {
    return java.util.Optional.empty();
  }

  /** Writes to standard error. */
  void err(String text);

  /** Simulated wall-clock time now. */
  Instant now();

  /** Facts about the container and host this command runs in. */
  ContainerFacts container();

  /** The simulator's own notes in the session's language. */
  default io.dockerlings.simulator.notes.Notes notes() {
    return io.dockerlings.simulator.notes.Notes.ENGLISH;
  }

  /** The container's memory limit in bytes, 0 when it has none. */
  default long memoryLimit() {
    return 0;
  }

  /** Resolves a path against the working directory and normalises it ({@code ..}, {@code .}). */
  default String resolve(String path) {
    return Paths.resolve(cwd(), path);
  }
}
