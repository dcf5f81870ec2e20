package io.dockerlings.simulator.sh;

import java.util.List;

/** What a process can learn about the container it runs in: names, ids, processes, mounts. */
public interface ContainerFacts {
  /** The UTS hostname. */
  String hostname();

  /** The user the process runs as, e.g. uid 0. */
  int uid();

  /** The primary group. */
  int gid();

  /** The host's kernel release, as {@code uname -r} prints it. */
  String kernelRelease();

  /** The processes visible in the container's pid namespace, PID 1 first. */
  List<ProcessRow> processes();

  /** The mount table, as {@code /proc/mounts} lines. */
  List<String> mounts();

  /** CPUs the host has, for {@code nproc}. */
  int cpus();

  /** The host's memory, for {@code free}. */
  long memoryBytes();

  /** The container's network interfaces besides {@code lo}: eth0, eth1... */
  List<NetInterface> interfaces();

  /** The address a name resolves to from inside ({@code /etc/hosts}, then the network's DNS). */
  java.util.Optional<String> resolveHost(String name);

  /** Whether packets to this address get an answer from inside the container. */
  boolean reachable(String ip);

  /** The TCP ports servers listen on in the container's network namespace. */
  default List<Integer> listeningPorts() {
    return List.of();
  }

  /** The default gateway of the first interface, or empty without one. */
  default String gateway() {
    return "";
  }

  /**
   * On the host, an interface's link state ({@code UP}, or {@code DOWN} for a bridge without
   * ports); empty inside a container, whose interfaces are veth ends.
   */
  default java.util.Optional<String> hostLinkState(String iface) {
    return java.util.Optional.empty();
  }

  /** An HTTP GET from inside the container, as the simulated network answers it. */
  HttpReply httpGet(String host, int port, String path);

  /**
   * What a request got: a status and body, or the connection error wget reports ({@code bad
   * address}, {@code Connection refused}).
   *
   * @param ip the address the host name resolved to, empty if it did not
   * @param headers the response's status line and header lines, as the server sent them (empty when
   *     there was no response)
   */
  record HttpReply(String ip, int status, String body, String error, List<String> headers) {
    /** A reply without header lines (a connection error). */
    public HttpReply(String ip, int status, String body, String error) {
      this(ip, status, body, error, List.of());
    }
  }

  /** One interface: its name, IPv4 address, prefix length and MAC. */
  record NetInterface(String name, String ip, int prefix, String mac) {}

  /** One process as {@code ps} shows it. */
  record ProcessRow(int pid, String user, String command) {}
}
