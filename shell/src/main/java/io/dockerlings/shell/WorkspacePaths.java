package io.dockerlings.shell;

import io.dockerlings.real.HostPaths;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Real mode's view of the learner's files: a path typed at the prompt resolves in the simulated
 * host (against its current directory), and only what lies in the workspace has a real path.
 */
final class WorkspacePaths implements HostPaths {
  private final SimulatorBackend sim;
  private final Path dir;

  WorkspacePaths(SimulatorBackend sim, Path dir) {
    this.sim = sim;
    this.dir = dir;
  }

  @Override
  public Optional<Path> real(String typed) {
    return sim.simulator().realPath(typed);
  }

  @Override
  public String where() {
    return dir.toString();
  }
}
