package io.dockerlings.shell;

import java.util.Set;

/**
 * Programs of a real machine that the sandbox's host does not simulate on purpose (editors, package
 * managers, other orchestrators, remote shells and database clients): for them a bare "not found"
 * would mislead, so the REPL says they are outside what the sandbox simulates.
 */
final class OutOfScope {
  private static final Set<String> PROGRAMS =
      Set.of(
          "vi",
          "vim",
          "nano",
          "emacs",
          "apt",
          "apt-get",
          "yum",
          "dnf",
          "rpm",
          "dpkg",
          "pip",
          "kubectl",
          "docker-compose",
          "podman",
          "ssh",
          "scp",
          "mysql",
          "redis-cli",
          "psql",
          "git",
          "make",
          "gcc",
          "python",
          "python3",
          "java",
          "node",
          "firewall-cmd",
          "journalctl",
          "setenforce",
          "getenforce",
          "reboot",
          "shutdown",
          "passwd",
          "useradd");

  /**
   * The lesson that shows how to do here what the notes do with a program, where there is one: an
   * editor's file is written with printf and a package is installed in an image (a Dockerfile's
   * RUN), a client reaches a container's server through a published port, the daemon's journal and
   * the firewall belong with the daemon and its iptables rules.
   */
  private static final java.util.Map<String, String> LESSONS =
      java.util.Map.ofEntries(
          java.util.Map.entry("vi", "m5-dockerfile-cache"),
          java.util.Map.entry("vim", "m5-dockerfile-cache"),
          java.util.Map.entry("nano", "m5-dockerfile-cache"),
          java.util.Map.entry("emacs", "m5-dockerfile-cache"),
          java.util.Map.entry("yum", "m5-dockerfile-cache"),
          java.util.Map.entry("dnf", "m5-dockerfile-cache"),
          java.util.Map.entry("rpm", "m5-dockerfile-cache"),
          java.util.Map.entry("apt", "m5-dockerfile-cache"),
          java.util.Map.entry("apt-get", "m5-dockerfile-cache"),
          java.util.Map.entry("dpkg", "m5-dockerfile-cache"),
          java.util.Map.entry("pip", "m5-dockerfile-cache"),
          java.util.Map.entry("python", "m5-dockerfile-cache"),
          java.util.Map.entry("python3", "m5-dockerfile-cache"),
          java.util.Map.entry("ssh", "m8-ports"),
          java.util.Map.entry("scp", "m8-ports"),
          java.util.Map.entry("mysql", "m8-ports"),
          java.util.Map.entry("redis-cli", "m8-ports"),
          java.util.Map.entry("psql", "m8-ports"),
          java.util.Map.entry("firewall-cmd", "m8-ports"),
          java.util.Map.entry("journalctl", "m11-daemon"));

  private OutOfScope() {}

  /** The id of the lesson to read instead of running {@code program}, if one teaches it. */
  static java.util.Optional<String> lesson(String program) {
    return java.util.Optional.ofNullable(LESSONS.get(program));
  }

  /** Whether {@code program} is a real tool the sandbox's host leaves out on purpose. */
  static boolean isOutOfScope(String program) {
    return PROGRAMS.contains(program);
  }
}
