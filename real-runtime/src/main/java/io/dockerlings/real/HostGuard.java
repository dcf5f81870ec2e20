package io.dockerlings.real;

import io.dockerlings.simulator.cli.DockerException;
import io.dockerlings.simulator.cli.ParsedCommand;
import java.util.List;
import java.util.Optional;

/**
 * Refuses, in real mode, the {@code run}/{@code create} options that reach outside the container
 * into the learner's machine, unless the learner started dockerlings with {@code --allow-host}.
 */
final class HostGuard {
  /** Host paths that, bound into a container, hand it the machine or the engine. */
  private static final List<String> HOST_PATHS =
      List.of(
          "/",
          "/etc",
          "/root",
          "/home",
          "/boot",
          "/proc",
          "/sys",
          "/dev",
          "/var/lib/docker",
          "/var/run/docker.sock",
          "/run/docker.sock",
          "/var/run",
          "/run");

  private final boolean allowHost;
  private final HostPaths paths;

  HostGuard(boolean allowHost) {
    this(allowHost, HostPaths.processDirectory());
  }

  /** A guard that lets binds of the learner's workspace through: they are the learner's files. */
  HostGuard(boolean allowHost, HostPaths paths) {
    this.allowHost = allowHost;
    this.paths = paths;
  }

  /** Throws the refusal, exit 125, when {@code cmd} escapes to the host and that is not allowed. */
  void check(ParsedCommand cmd) {
    if (allowHost) {
      return;
    }
    reason(cmd, paths::inWorkspace)
        .ifPresent(
            r -> {
              throw new DockerException(
                  "dockerlings: real mode refuses "
                      + r
                      + ": it reaches outside the container into your machine. Start dockerlings"
                      + " with --allow-host if you mean it.",
                  125);
            });
  }

  /** Why the command escapes, or empty when it stays inside its container. */
  static Optional<String> reason(ParsedCommand cmd) {
    return reason(cmd, source -> false);
  }

  /** As {@link #reason(ParsedCommand)}, binds of sources {@code workspace} accepts being fine. */
  static Optional<String> reason(
      ParsedCommand cmd, java.util.function.Predicate<String> workspace) {
    if (cmd.bool("privileged")) {
      return Optional.of("--privileged");
    }
    for (String ns : List.of("pid", "network", "ipc", "uts", "userns")) {
      if (cmd.string(ns, "").equals("host")) {
        return Optional.of("--" + ns + " host");
      }
    }
    if (!cmd.list("device").isEmpty()) {
      return Optional.of("--device");
    }
    for (String cap : cmd.list("cap-add")) {
      if (cap.equalsIgnoreCase("ALL") || cap.toUpperCase().endsWith("SYS_ADMIN")) {
        return Optional.of("--cap-add " + cap);
      }
    }
    for (String opt : cmd.list("security-opt")) {
      if (opt.contains("unconfined")) {
        return Optional.of("--security-opt " + opt);
      }
    }
    for (String volume : cmd.list("volume")) {
      String source = volume.split(":", -1)[0];
      if (escapes(source) && !workspace.test(source)) {
        return Optional.of("-v " + volume);
      }
    }
    for (String mount : cmd.list("mount")) {
      for (String part : mount.split(",")) {
        String[] kv = part.split("=", 2);
        if (kv.length == 2
            && List.of("source", "src").contains(kv[0])
            && escapes(kv[1])
            && !workspace.test(kv[1])) {
          return Optional.of("--mount " + mount);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean escapes(String source) {
    if (!source.startsWith("/")) {
      return false;
    }
    String path = source.replaceAll("/+$", "");
    path = path.isEmpty() ? "/" : path;
    if (path.equals("/")) {
      return true;
    }
    for (String danger : HOST_PATHS) {
      if (!danger.equals("/") && (path.equals(danger) || path.startsWith(danger + "/"))) {
        return true;
      }
    }
    return false;
  }
}
