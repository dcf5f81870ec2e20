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

  /**
   * Host trees a container may read but not write: programs, libraries, shared temporary files and
   * the state of other services.
   */
  private static final List<String> READ_ONLY_PATHS =
      List.of(
          "/usr", "/opt", "/tmp", "/var", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32",
          "/srv", "/mnt", "/media", "/snap");

  /** The capabilities a container may add: the engine's default set and harmless extras. */
  private static final java.util.Set<String> CAPABILITIES =
      java.util.Set.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "SETGID",
          "SETUID",
          "SETPCAP",
          "NET_BIND_SERVICE",
          "NET_RAW",
          "SYS_CHROOT",
          "MKNOD",
          "AUDIT_WRITE",
          "SETFCAP",
          "SYS_NICE",
          "IPC_LOCK");

  /** The only security options a lesson needs. */
  private static final java.util.Set<String> SECURITY_OPTS =
      java.util.Set.of("no-new-privileges", "no-new-privileges:true", "no-new-privileges=true");

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
    check(cmd, RealNotes.ENGLISH);
  }

  /** As {@link #check(ParsedCommand)}, saying the refusal in the language of {@code notes}. */
  void check(ParsedCommand cmd, RealNotes notes) {
    if (allowHost) {
      return;
    }
    reason(cmd, paths::inWorkspace)
        .ifPresent(
            r -> {
              throw new DockerException(notes.get("guard.refuses", r), 125);
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
    if (cmd.string("cgroupns", "").equals("host")) {
      return Optional.of("--cgroupns host");
    }
    for (String flag : List.of("sysctl", "device-cgroup-rule")) {
      if (!cmd.list(flag).isEmpty()) {
        return Optional.of("--" + flag + " " + cmd.list(flag).get(0));
      }
    }
    for (String cap : cmd.list("cap-add")) {
      String name = cap.toUpperCase(java.util.Locale.ROOT).replaceFirst("^CAP_", "");
      if (!CAPABILITIES.contains(name)) {
        return Optional.of("--cap-add " + cap);
      }
    }
    for (String opt : cmd.list("security-opt")) {
      if (!SECURITY_OPTS.contains(opt)) {
        return Optional.of("--security-opt " + opt);
      }
    }
    for (String volume : cmd.list("volume")) {
      String[] parts = volume.split(":", -1);
      boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
      if (escapes(parts[0], readOnly) && !workspace.test(parts[0])) {
        return Optional.of("-v " + volume);
      }
    }
    for (String mount : cmd.list("mount")) {
      Mounts.Spec m = Mounts.parse(mount);
      // An unknown type never reaches the engine: RunSpec refuses it in the daemon's words.
      if (m.type().equals("bind")
          && escapes(m.source(), m.readOnly())
          && !workspace.test(m.source())) {
        return Optional.of("--mount " + mount);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a bind of {@code source} reaches the host: checked on the path as the kernel will
   * resolve it ({@code /./}, {@code ..}, symbolic links), not as it is spelled.
   */
  static boolean escapes(String source, boolean readOnly) {
    if (!source.startsWith("/")) {
      return false;
    }
    String path = resolved(source);
    if (path.equals("/")) {
      return true;
    }
    for (String danger : HOST_PATHS) {
      if (under(path, danger)) {
        return true;
      }
    }
    if (!readOnly) {
      for (String shared : READ_ONLY_PATHS) {
        if (under(path, shared)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean under(String path, String root) {
    return !root.equals("/") && (path.equals(root) || path.startsWith(root + "/"));
  }

  /**
   * The path with {@code .}, {@code ..} and repeated slashes removed and the symbolic links of its
   * longest existing prefix followed, as the engine's bind resolves it on this machine.
   */
  static String resolved(String source) {
    java.nio.file.Path p = java.nio.file.Path.of(source).normalize();
    java.nio.file.Path rest = java.nio.file.Path.of("");
    while (p != null) {
      try {
        return p.toRealPath().resolve(rest).normalize().toString();
      } catch (java.io.IOException | SecurityException e) {
        java.nio.file.Path name = p.getFileName();
        rest = name == null ? rest : name.resolve(rest);
        p = p.getParent();
      }
    }
    return "/" + rest;
  }
}
