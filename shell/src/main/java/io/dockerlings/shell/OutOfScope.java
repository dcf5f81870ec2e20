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

  private OutOfScope() {}

  /** Whether {@code program} is a real tool the sandbox's host leaves out on purpose. */
  static boolean isOutOfScope(String program) {
    return PROGRAMS.contains(program);
  }
}
