package io.dockerlings.shell;

import io.dockerlings.simulator.DockerEngine;
import io.dockerlings.simulator.DockerSimulator;
import io.dockerlings.simulator.EngineSnapshot;
import io.dockerlings.simulator.ForwardingDockerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine lessons read in real and compare modes: the real engine for containers, images and
 * files in containers; the one simulated host for host files (its home is the workspace the real
 * engine binds); a named volume's files through a throw-away {@code --rm} busybox container; a
 * registry's tags over its HTTP API, as {@code curl http://HOST/v2/REPO/tags/list} would.
 */
final class RealLessonEngine extends ForwardingDockerEngine {
  private final DockerSimulator host;

  RealLessonEngine(DockerEngine real, DockerSimulator host) {
    super(real);
    this.host = host;
  }

  /**
   * The engine's state, with bind sources inside the workspace named as the simulated host names
   * them ({@code /root/site}, not the workspace's real path), so a goal reads the same in every
   * mode.
   */
  @Override
  public EngineSnapshot snapshot() {
    EngineSnapshot s = delegate().snapshot();
    Optional<String> home = host.realPath("/root").map(p -> p.toAbsolutePath().toString());
    if (home.isEmpty()) {
      return s;
    }
    List<EngineSnapshot.ContainerState> containers = new ArrayList<>();
    for (EngineSnapshot.ContainerState c : s.containers()) {
      List<EngineSnapshot.Mount> mounts =
          c.mounts().stream().map(m -> inHost(m, home.get())).toList();
      containers.add(
          new EngineSnapshot.ContainerState(
              c.id(),
              c.name(),
              c.image(),
              c.imageId(),
              c.status(),
              c.exitCode(),
              c.oomKilled(),
              c.limits(),
              c.ports(),
              mounts,
              c.networks(),
              c.config(),
              c.restartPolicy()));
    }
    return new EngineSnapshot(containers, s.images(), s.networks(), s.volumes());
  }

  private static EngineSnapshot.Mount inHost(EngineSnapshot.Mount m, String home) {
    String src = m.source();
    if (!m.type().equals("bind") || !(src.equals(home) || src.startsWith(home + "/"))) {
      return m;
    }
    return new EngineSnapshot.Mount(
        m.type(),
        m.name(),
        "/root" + src.substring(home.length()),
        m.destination(),
        m.readOnly(),
        m.anonymous());
  }

  @Override
  public Optional<String> readFile(String container, String path) {
    return delegate().readFile(container, path);
  }

  @Override
  public Optional<List<String>> diff(String container) {
    return delegate().diff(container);
  }

  @Override
  public Optional<Integer> layerOf(String image, String path) {
    return delegate().layerOf(image, path);
  }

  /** The simulated host is the one host in every mode. */
  @Override
  public Optional<String> readHostFile(String path) {
    return host.readHostFile(path);
  }

  /** The real engine's own reading, through a {@code --rm} busybox mounting the volume. */
  @Override
  public Optional<String> readVolumeFile(String volume, String path) {
    return delegate().readVolumeFile(volume, path);
  }

  /** The real engine's answer, which asks the registry's HTTP API. */
  @Override
  public Optional<List<String>> registryTags(String registry, String repository) {
    return delegate().registryTags(registry, repository);
  }
}
