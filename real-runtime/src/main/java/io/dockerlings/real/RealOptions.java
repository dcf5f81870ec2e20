package io.dockerlings.real;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * How a real-engine sandbox behaves: immutable; change it with the {@code with...} methods.
 *
 * @param allowHost whether host-escaping options ({@code --privileged}, {@code --pid host}, binds
 *     of {@code /} or the docker socket...) may run; off unless the learner asks with {@code
 *     --allow-host}
 * @param sessionId the value of the sandbox label on everything this session creates
 * @param stateDir where the sandbox keeps its ledger of image tags, so that a crashed run's tags
 *     can be removed at the next start
 * @param paths where the learner's files are: the workspace, outside which real mode copies,
 *     builds, saves and binds nothing unless {@code allowHost}
 */
public record RealOptions(boolean allowHost, String sessionId, Path stateDir, HostPaths paths) {
  public RealOptions {
    Objects.requireNonNull(sessionId);
    Objects.requireNonNull(stateDir);
    Objects.requireNonNull(paths);
    if (!sessionId.matches("[a-zA-Z0-9_.-]+")) {
      throw new IllegalArgumentException("a session id is letters, digits, _ . -: " + sessionId);
    }
  }

  /** A fresh session that refuses host-escaping options and keeps its ledger in {@code dir}. */
  public static RealOptions in(Path dir) {
    return new RealOptions(
        false, UUID.randomUUID().toString().substring(0, 12), dir, HostPaths.processDirectory());
  }

  public RealOptions withAllowHost(boolean allow) {
    return new RealOptions(allow, sessionId, stateDir, paths);
  }

  public RealOptions withSessionId(String id) {
    return new RealOptions(allowHost, id, stateDir, paths);
  }

  public RealOptions withPaths(HostPaths newPaths) {
    return new RealOptions(allowHost, sessionId, stateDir, newPaths);
  }
}
