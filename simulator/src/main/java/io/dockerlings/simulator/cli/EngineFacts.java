package io.dockerlings.simulator.cli;

import io.dockerlings.simulator.HostSpec;
import java.time.Instant;
import java.util.List;

/**
 * What {@code docker version} and {@code docker info} report about the simulated engine: the host
 * it mirrors and the engine's current counts. The engine implements it; the layout is the CLI's.
 */
public interface EngineFacts {
  /** The machine the engine runs on (CPUs, memory, kernel, OS, hostname). */
  HostSpec host();

  /** Containers running, restarting included. */
  int containersRunning();

  /** Containers paused. */
  int containersPaused();

  /** Containers neither running nor paused (created, exited, dead). */
  int containersStopped();

  /** Images, dangling ones included, as {@code docker info} counts them. */
  int images();

  /** The daemon's ID: twelve groups of four base32 characters joined by colons. */
  String engineId();

  /** The daemon's wall clock, for {@code SystemTime}. */
  Instant now();

  /**
   * The lines under {@code Insecure Registries:}: registry names the daemon was told are insecure,
   * then CIDRs; the daemon always has {@code 127.0.0.0/8}.
   */
  default List<String> insecureRegistries() {
    return List.of("127.0.0.0/8");
  }

  /** The {@code registry-mirrors} of the daemon's configuration. */
  default List<String> registryMirrors() {
    return List.of();
  }

  /** The daemon's {@code labels}. */
  default List<String> labels() {
    return List.of();
  }

  /** Warnings the daemon reports with its info (printed on stderr after the info). */
  default List<String> warnings() {
    return List.of();
  }
}
