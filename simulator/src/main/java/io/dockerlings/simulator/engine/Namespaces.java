package io.dockerlings.simulator.engine;

import java.util.Map;

/**
 * The namespaces of one container, by inode number as {@code /proc/PID/ns/*} shows them: new mnt,
 * uts, ipc, pid and net namespaces, unless {@code --uts/--ipc/--pid/--net host} shares the host's;
 * user, cgroup and time stay the host's (no user-namespace remapping, as by default).
 */
record Namespaces(Map<String, Long> ids) {
  static final long HOST_CGROUP = 4026531835L;
  static final long HOST_TIME = 4026531834L;
  static final long HOST_USER = 4026531837L;
  static final long HOST_PID = 4026531836L;
  static final long HOST_UTS = 4026531838L;
  static final long HOST_IPC = 4026531839L;
  static final long HOST_NET = 4026531840L;
  static final long HOST_MNT = 4026531841L;

  /** Namespaces for a container, given the first free inode number. */
  static Namespaces create(long next, ContainerConfig c) {
    boolean netHost = c.networkMode().equals("host");
    return new Namespaces(
        Map.of(
            "mnt",
            next,
            "uts",
            c.utsHost() || netHost ? HOST_UTS : next + 1,
            "ipc",
            c.ipcHost() ? HOST_IPC : next + 2,
            "pid",
            c.pidHost() ? HOST_PID : next + 3,
            "net",
            netHost ? HOST_NET : next + 4,
            "cgroup",
            HOST_CGROUP,
            "time",
            HOST_TIME,
            "user",
            HOST_USER));
  }

  /** The link text of {@code /proc/PID/ns/KIND}. */
  String link(String kind) {
    String base = kind.replace("_for_children", "");
    return base + ":[" + ids.get(base) + "]";
  }
}
