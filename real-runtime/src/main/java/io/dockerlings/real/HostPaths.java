package io.dockerlings.real;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where real mode finds the learner's files: a path typed at the prompt (for {@code docker cp},
 * build contexts, {@code save -o}, bind sources) mapped to a real path, or empty when it lies
 * outside the files real mode may touch without {@code --allow-host}.
 */
public interface HostPaths {
  /** The real path for what the learner typed, or empty when it is outside the workspace. */
  Optional<Path> real(String typed);

  /** The real directory real mode works in, for the refusal's wording. */
  String where();

  /** Paths of the process's own directory, unrestricted: for tests and embedding. */
  static HostPaths processDirectory() {
    return new HostPaths() {
      @Override
      public Optional<Path> real(String typed) {
        return Optional.of(Path.of(typed).toAbsolutePath().normalize());
      }

      @Override
      public String where() {
        return Path.of("").toAbsolutePath().toString();
      }
    };
  }
}
