package io.dockerlings.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The machine the simulated engine runs on: what {@code docker info}, {@code --cpus} range errors
 * and {@code uname -r} inside containers report.
 *
 * @param cpus logical CPUs
 * @param memoryBytes total memory
 * @param kernelRelease as {@code uname -r} prints it
 * @param operatingSystem as {@code docker info} prints it
 * @param hostname the host's name
 */
public record HostSpec(
    int cpus, long memoryBytes, String kernelRelease, String operatingSystem, String hostname) {

  public HostSpec {
    if (cpus < 1) {
      throw new IllegalArgumentException("a host needs at least one CPU, got " + cpus);
    }
    if (memoryBytes < 64L << 20) {
      throw new IllegalArgumentException("a host needs at least 64 MiB, got " + memoryBytes);
    }
    Objects.requireNonNull(kernelRelease);
    Objects.requireNonNull(operatingSystem);
    Objects.requireNonNull(hostname);
  }

  /** The 4-core, 8 GiB CentOS 7 server the course notes use. */
  public static HostSpec courseServer() {
    return new HostSpec(
        4, 8L << 30, "3.10.0-1160.el7.x86_64", "CentOS Linux 7 (Core)", "docker-server");
  }

  /**
   * The machine this JVM runs on, so that the simulator answers as a real engine here would. Falls
   * back to the course server's values for what cannot be read.
   */
  public static HostSpec detect() {
    HostSpec fallback = courseServer();
    int cpus = Runtime.getRuntime().availableProcessors();
    long memory = readMemTotal().orElse(fallback.memoryBytes());
    String kernel = System.getProperty("os.version", fallback.kernelRelease());
    String os = readPrettyName().orElse(fallback.operatingSystem());
    String host = readHostname().orElse(fallback.hostname());
    return new HostSpec(cpus, memory, kernel, os, host);
  }

  private static java.util.Optional<Long> readMemTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          String kb = line.replaceAll("[^0-9]", "");
          return java.util.Optional.of(Long.parseLong(kb) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or /proc is hidden: the fallback stands in.
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<String> readPrettyName() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return java.util.Optional.of(line.substring(12).replace("\"", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // No os-release: the fallback stands in.
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<String> readHostname() {
    try {
      String name = Files.readString(Path.of("/etc/hostname")).trim();
      return name.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(name);
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
