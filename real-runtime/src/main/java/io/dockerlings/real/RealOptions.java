package io.dockerlings.real;

import java.nio.file.Path;
import java.util.Locale;
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
 * @param language the language of real mode's own notes (English unless Chinese is asked for); the
 *     engine's and the docker CLI's messages are never translated
 * @param limits the resource ceilings put on every container the session creates (none unless asked
 *     for: grading asks)
 */
public record RealOptions(
    boolean allowHost,
    String sessionId,
    Path stateDir,
    HostPaths paths,
    Locale language,
    SandboxLimits limits) {
  public RealOptions {
    Objects.requireNonNull(language);
    Objects.requireNonNull(limits);
    Objects.requireNonNull(sessionId);
    Objects.requireNonNull(stateDir);
    Objects.requireNonNull(paths);
    if (!sessionId.matches("[a-zA-Z0-9_.-]+")) {
      throw new IllegalArgumentException("a session id is letters, digits, _ . -: " + sessionId);
    }
  }

  /** Options whose notes are in English. */
  public RealOptions(boolean allowHost, String sessionId, Path stateDir, HostPaths paths) {
    this(allowHost, sessionId, stateDir, paths, Locale.ENGLISH, SandboxLimits.none());
  }

  /** A fresh session that refuses host-escaping options and keeps its ledger in {@code dir}. */
  public static RealOptions in(Path dir) {
    return new RealOptions(
        false, UUID.randomUUID().toString().substring(0, 12), dir, HostPaths.processDirectory());
  }

  public RealOptions withAllowHost(boolean allow) {
    return new RealOptions(allow, sessionId, stateDir, paths, language, limits);
  }

  public RealOptions withSessionId(String id) {
    return new RealOptions(allowHost, id, stateDir, paths, language, limits);
  }

  public RealOptions withPaths(HostPaths newPaths) {
    return new RealOptions(allowHost, sessionId, stateDir, newPaths, language, limits);
  }

  /** The same options with real mode's notes in {@code newLanguage} (en or zh-CN). */
  public RealOptions withLanguage(Locale newLanguage) {
    return new RealOptions(allowHost, sessionId, stateDir, paths, newLanguage, limits);
  }

  /** The same options with these ceilings on every container the session creates. */
  public RealOptions withLimits(SandboxLimits newLimits) {
    return new RealOptions(allowHost, sessionId, stateDir, paths, language, newLimits);
  }
}
