package io.dockerlings.simulator.engine;

/**
 * One published port: a container port and protocol bound to a host address and port.
 *
 * @param containerPort the port inside the container
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 * @param hostIp the host address as requested ({@code ""} means all addresses)
 * @param hostPort the requested host port, 0 for a random one
 */
record PortBinding(int containerPort, String protocol, String hostIp, int hostPort) {

  /** The key used in inspect and ExposedPorts, e.g. {@code 80/tcp}. */
  String key() {
    return containerPort + "/" + protocol;
  }
}
