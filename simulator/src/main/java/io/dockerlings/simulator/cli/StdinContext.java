package io.dockerlings.simulator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * The build context of {@code docker build -}: a Dockerfile read from standard input and no other
 * file, held in a temporary directory for the length of the build and removed after it.
 */
public final class StdinContext {
  private StdinContext() {}

  /** Runs {@code build} on a context directory holding only {@code dockerfile}. */
  public static int with(String dockerfile, ToIntFunction<Path> build) {
    Path dir;
    try {
      dir = Files.createTempDirectory("dockerlings-stdin-build");
      Files.writeString(dir.resolve("Dockerfile"), dockerfile);
    } catch (IOException e) {
      throw DockerException.client("unable to prepare context: " + e.getMessage());
    }
    try {
      return build.applyAsInt(dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temporary directory left behind is removed with the machine's temporary files.
      }
    }
  }
}
