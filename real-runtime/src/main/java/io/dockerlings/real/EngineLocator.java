package io.dockerlings.real;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Finds the Docker engine the way Testcontainers does ({@code DOCKER_HOST}, docker contexts, the
 * local socket, Docker Desktop, rootless Docker; Podman and Colima through {@code DOCKER_HOST}),
 * once: the answer, engine or reason, is kept for the locator's lifetime.
 *
 * <p>It asks Testcontainers' client strategies directly rather than {@code DockerClientFactory},
 * because the factory also starts a reaper container and, inside a container, probes the gateway
 * with an {@code alpine} image; neither can be had offline, and the sandbox cleans up by its own
 * labels.
 */
public final class EngineLocator {
  private EngineApi api;
  private EngineUnavailableException failure;

  /** The engine's API, found on the first call. */
  public synchronized EngineApi api() throws EngineUnavailableException {
    if (api == null && failure == null) {
      try {
        List<DockerClientProviderStrategy> strategies = new ArrayList<>();
        ServiceLoader.load(DockerClientProviderStrategy.class).forEach(strategies::add);
        DockerClientProviderStrategy strategy =
            DockerClientProviderStrategy.getFirstValidStrategy(strategies);
        DockerClient client = strategy.getDockerClient();
        client.pingCmd().exec();
        TransportConfig transport = strategy.getTransportConfig();
        api =
            new EngineApi(
                client,
                new ZerodepDockerHttpClient.Builder()
                    .dockerHost(transport.getDockerHost())
                    .sslConfig(transport.getSslConfig())
                    .build(),
                transport.getSslConfig() == null ? transport.getDockerHost() : null);
      } catch (RuntimeException e) {
        api = null;
        failure =
            new EngineUnavailableException(
                "no Docker engine answered (looked at DOCKER_HOST, docker contexts, the local"
                    + " socket /var/run/docker.sock, Docker Desktop and rootless Docker). Start"
                    + " one, or point DOCKER_HOST at it (Podman: unix:///run/user/UID/podman/"
                    + "podman.sock), then try again.",
                e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return api;
  }

  /** Whether an engine answers. */
  public boolean available() {
    try {
      api();
      return true;
    } catch (EngineUnavailableException e) {
      return false;
    }
  }
}
