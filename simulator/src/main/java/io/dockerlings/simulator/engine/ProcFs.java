package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileStat;
import io.dockerlings.simulator.fs.FsException;
import io.dockerlings.simulator.fs.NodeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's {@code /proc}, read-only and generated on each read: one directory per process of
 * its pid namespace (with {@code cmdline}, {@code status} and the {@code ns/} links that show which
 * namespaces it is in), {@code self}, and {@code mounts}.
 */
final class ProcFs implements ReadOnlyFs {
  /** The one sysctl file the simulator shows, relative to /proc. */
  private static final String PORT_RANGE = "/sys/net/ipv4/ip_local_port_range";

  /** The namespace kinds {@code ls /proc/self/ns} shows, in its order. */
  private static final List<String> KINDS =
      List.of(
          "cgroup",
          "ipc",
          "mnt",
          "net",
          "pid",
          "pid_for_children",
          "time",
          "time_for_children",
          "user",
          "uts");

  private final Container container;
  private final Namespaces ns;
  private final int lastCap;
  private final io.dockerlings.simulator.HostSpec host;

  /**
   * @param lastCap the host kernel's highest capability number, which bounds the capability sets
   *     that {@code status} shows
   * @param host the machine, whose memory and CPUs {@code meminfo} and {@code cpuinfo} describe
   *     (not namespaced: a container sees the host's)
   */
  ProcFs(Container container, Namespaces ns, int lastCap, io.dockerlings.simulator.HostSpec host) {
    this.container = container;
    this.ns = ns;
    this.lastCap = lastCap;
    this.host = host;
  }

  private static final List<String> MACHINE_FILES = List.of("cpuinfo", "meminfo");

  private List<Workload.Proc> procs() {
    return container.workload == null ? List.of() : container.workload.processes();
  }

  private FsException missing(String path) {
    return new FsException(FsException.Reason.NOT_FOUND, "/proc" + path);
  }

  private FileStat stat(String path, NodeType type, long size, String link) {
    int mode = type == NodeType.DIRECTORY ? 0555 : type == NodeType.SYMLINK ? 0777 : 0444;
    Instant at =
        container.startedAt.isAfter(Container.ZERO_TIME) ? container.startedAt : container.created;
    return new FileStat(path, type, size, mode, 0, 0, at, link);
  }

  /** What a path is: kind and, for links, the target. */
  private FileStat describe(String path) {
    String[] p = path.substring(1).split("/");
    if (path.equals("/")) {
      return stat(path, NodeType.DIRECTORY, 0, "");
    }
    if (p.length == 1 && (p[0].equals("mounts") || MACHINE_FILES.contains(p[0]))) {
      return stat(path, NodeType.FILE, 0, "");
    }
    if (path.equals(PORT_RANGE)) {
      return stat(path, NodeType.FILE, 0, "");
    }
    if (PORT_RANGE.startsWith(path + "/")) {
      return stat(path, NodeType.DIRECTORY, 0, "");
    }
    boolean self = p[0].equals("self");
    boolean pid =
        p[0].matches("\\d+")
            && procs().stream().anyMatch(x -> Integer.toString(x.pid()).equals(p[0]));
    if (!self && !pid) {
      throw missing(path);
    }
    if (p.length == 1) {
      return stat(path, NodeType.DIRECTORY, 0, "");
    }
    if (p.length == 2
        && (p[1].equals("cmdline") || p[1].equals("status") || p[1].equals("cgroup"))) {
      return stat(path, NodeType.FILE, 0, "");
    }
    if (p.length == 2 && p[1].equals("ns")) {
      return stat(path, NodeType.DIRECTORY, 0, "");
    }
    if (p.length == 3 && p[1].equals("ns") && KINDS.contains(p[2])) {
      return stat(path, NodeType.SYMLINK, 0, ns.link(p[2]));
    }
    throw missing(path);
  }

  @Override
  public boolean exists(String path) {
    try {
      describe(norm(path));
      return true;
    } catch (FsException e) {
      return false;
    }
  }

  private static String norm(String path) {
    return io.dockerlings.simulator.sh.Paths.normalize(path);
  }

  @Override
  public FileStat stat(String path) {
    return describe(norm(path));
  }

  @Override
  public FileStat lstat(String path) {
    return describe(norm(path));
  }

  @Override
  public List<String> list(String dir) {
    String p = norm(dir);
    FileStat st = describe(p);
    if (!st.isDirectory()) {
      throw new FsException(FsException.Reason.NOT_A_DIRECTORY, "/proc" + p);
    }
    List<String> out = new ArrayList<>();
    if (p.equals("/")) {
      for (Workload.Proc proc : procs()) {
        out.add(Integer.toString(proc.pid()));
      }
      out.add("cpuinfo");
      out.add("meminfo");
      out.add("mounts");
      out.add("self");
      out.add("sys");
      return out;
    }
    if (PORT_RANGE.startsWith(p + "/")) {
      String rest = PORT_RANGE.substring(p.length() + 1);
      return List.of(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
    }
    if (p.endsWith("/ns")) {
      return KINDS;
    }
    return List.of("cgroup", "cmdline", "ns", "status");
  }

  @Override
  public byte[] read(String path) {
    String p = norm(path);
    if (p.equals(PORT_RANGE)) {
      // The kernel's default ephemeral range, which -P allocates from, in the net namespace.
      return "32768\t60999\n".getBytes(StandardCharsets.UTF_8);
    }
    if (p.equals("/meminfo")) {
      return io.dockerlings.simulator.sh.MachineFiles.meminfo(host.memoryBytes())
          .getBytes(StandardCharsets.UTF_8);
    }
    if (p.equals("/cpuinfo")) {
      return io.dockerlings.simulator.sh.MachineFiles.cpuinfo(host.cpus())
          .getBytes(StandardCharsets.UTF_8);
    }
    if (p.equals("/mounts")) {
      StringBuilder b = new StringBuilder();
      for (String m : container.workload == null ? List.<String>of() : List.of(mountLines())) {
        b.append(m);
      }
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }
    if (p.endsWith("/cgroup") && exists(p)) {
      return cgroupLines().getBytes(StandardCharsets.UTF_8);
    }
    if (p.endsWith("/cmdline") || p.endsWith("/status")) {
      String who = p.substring(1, p.indexOf('/', 1));
      for (Workload.Proc proc : procs()) {
        // The reader is not known here: self is PID 1, which is the reader in the common case.
        boolean self = who.equals("self") && proc.pid() == 1;
        if (self || Integer.toString(proc.pid()).equals(who)) {
          String text =
              p.endsWith("/status")
                  ? ProcStatus.text(proc, self, container.config.privileges(), lastCap)
                  : String.join("\0", proc.command().split(" ")) + "\0";
          return text.getBytes(StandardCharsets.UTF_8);
        }
      }
    }
    FileStat st = describe(p);
    throw new FsException(
        st.isDirectory() ? FsException.Reason.IS_A_DIRECTORY : FsException.Reason.INVALID,
        "/proc" + p);
  }

  /**
   * {@code /proc/PID/cgroup} on a cgroup v1 host without cgroup namespaces: every hierarchy names
   * the container's group under {@code /docker}.
   */
  private String cgroupLines() {
    String path = ":/docker/" + container.id + "\n";
    StringBuilder b = new StringBuilder();
    String[] hierarchies = {
      "name=systemd", "pids", "blkio", "freezer", "devices", "memory", "cpuset", "cpuacct", "cpu"
    };
    for (int i = 0; i < hierarchies.length; i++) {
      b.append(hierarchies.length - i).append(':').append(hierarchies[i]).append(path);
    }
    return b.append("0:").append(path).toString();
  }

  private String mountLines() {
    return "overlay / overlay rw,relatime 0 0\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"
        + "tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0\n"
        + "sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0\n";
  }

  @Override
  public String readlink(String path) {
    FileStat st = describe(norm(path));
    if (!st.isSymlink()) {
      throw new FsException(FsException.Reason.INVALID, "/proc" + path);
    }
    return st.linkTarget();
  }

  @Override
  public String mountPoint() {
    return "/proc";
  }
}
