package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.sh.ContainerFacts;
import io.dockerlings.simulator.sh.ProcessHost;
import io.dockerlings.simulator.sh.ShellProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process table of one running container: PID 1 and everything started beside it ({@code cmd
 * &}, {@code docker exec}), with their pids inside the container and on the host. PID 1's end is
 * the container's end; then every other process dies with it.
 */
final class ContainerProcesses implements Workload {
  /** Where a group of processes writes: the container log, or an exec's own streams. */
  interface Output {
    void write(int fd, String text, Instant at);
  }

  private final Container container;
  private final Engine engine;
  private final Map<Integer, Entry> table = new LinkedHashMap<>();
  private int nextPid = 1;

  private record Entry(ShellProcess process, int hostPid, int ppid, Instant started) {}

  private final Map<Integer, Integer> childHostPids = new java.util.HashMap<>();
  private int shimPid;

  ContainerProcesses(Container container, Engine engine) {
    this.container = container;
    this.engine = engine;
  }

  /** A view of the container for processes that write to {@code out}. */
  ProcessHost host(Output out, int uid, int gid) {
    return new HostView(out, uid, gid);
  }

  /** Registers a process and gives it its pids. */
  int add(ShellProcess p, int ppid, Instant at) {
    int pid = nextPid;
    nextPid += pid == 1 ? 6 : 7;
    p.setPid(pid);
    if (pid == 1) {
      // The shim starts first, so it holds the lower host pid.
      shimPid();
    }
    table.put(pid, new Entry(p, engine.nextHostPid(), ppid, at));
    return pid;
  }

  void remove(ShellProcess p) {
    table.remove(p.pid());
  }

  Optional<ShellProcess> main() {
    Entry e = table.get(1);
    return e == null ? Optional.empty() : Optional.of(e.process());
  }

  @Override
  public void advanceTo(Instant t) {
    if (idleUntilAfter(t)) {
      return;
    }
    for (int round = 0; round < 100; round++) {
      int before = table.size();
      for (Entry e : new ArrayList<>(table.values())) {
        if (initExited()) {
          // When a pid namespace's init ends, the kernel kills everything else in it.
          return;
        }
        e.process().runUntil(t);
      }
      reap();
      if (table.size() == before) {
        return;
      }
    }
  }

  private boolean initExited() {
    Entry init = table.get(1);
    return init != null && init.process().exited();
  }

  @Override
  public boolean idleBefore(Instant t) {
    return idleUntilAfter(t);
  }

  /** Whether no process has anything to do before {@code t}: the common case, made cheap. */
  private boolean idleUntilAfter(Instant t) {
    for (Entry e : table.values()) {
      ShellProcess p = e.process();
      switch (p.state()) {
        case RUNNABLE -> {
          return false;
        }
        case SLEEPING -> {
          if (!p.nextWake().orElseThrow().isAfter(t)) {
            return false;
          }
        }
        default -> {
          // exited, blocked, busy or waiting for input: nothing to run now
        }
      }
    }
    return true;
  }

  /** Forgets finished background processes (PID 1 stays, to report its exit). */
  private void reap() {
    table.values().removeIf(e -> e.process().exited() && e.process().pid() != 1);
  }

  @Override
  public Optional<Instant> nextWake() {
    Instant min = null;
    for (Entry e : table.values()) {
      Optional<Instant> w = e.process().nextWake();
      if (w.isPresent() && (min == null || w.get().isBefore(min))) {
        min = w.get();
      }
    }
    return Optional.ofNullable(min);
  }

  @Override
  public Optional<Exit> exit() {
    return main().filter(ShellProcess::exited).map(p -> new Exit(p.exitCode(), p.exitTime()));
  }

  @Override
  public void signal(int signal, Instant at) {
    main().ifPresent(p -> p.signal(signal, at));
  }

  @Override
  public void killAll(Instant at) {
    for (Entry e : table.values()) {
      e.process().signal(9, at);
    }
  }

  @Override
  public List<Proc> processes() {
    List<Proc> out = new ArrayList<>();
    for (Map.Entry<Integer, Entry> e : table.entrySet()) {
      ShellProcess p = e.getValue().process();
      if (p.exited()) {
        continue;
      }
      Entry parent = table.get(e.getValue().ppid());
      int hostPid = e.getValue().hostPid();
      out.add(
          new Proc(
              e.getKey(),
              hostPid,
              parent == null ? shimPid() : parent.hostPid(),
              p.uid(),
              SystemUsers.name(p.uid()),
              e.getValue().started(),
              p.psCommand()));
      if (p.childExecd()) {
        // A foreground sleep the shell forked: its own process, until the shell wakes.
        out.add(
            new Proc(
                p.runningChildPid(),
                childHostPids.computeIfAbsent(p.runningChildPid(), k -> engine.nextHostPid()),
                hostPid,
                p.uid(),
                SystemUsers.name(p.uid()),
                p.childStarted(),
                String.join(" ", p.runningChild())));
      }
    }
    return out;
  }

  /** The host pid of the runtime's shim, parent of PID 1 and of every docker exec process. */
  private int shimPid() {
    if (shimPid == 0) {
      shimPid = engine.nextHostPid();
    }
    return shimPid;
  }

  /** The servers listening in the container. */
  List<ShellProcess.Listener> listeners() {
    List<ShellProcess.Listener> out = new ArrayList<>();
    for (Entry e : table.values()) {
      e.process().listener().ifPresent(out::add);
    }
    return out;
  }

  @Override
  public int busyProcesses() {
    int n = 0;
    for (Entry e : table.values()) {
      n += e.process().cpuThreads();
    }
    return n;
  }

  @Override
  public long memoryUsage() {
    if (table.values().stream().anyMatch(e -> e.process().frozen())) {
      // A process waits for memory: the cgroup is full.
      return container.config.limits().memory();
    }
    long total = 0;
    for (Entry e : table.values()) {
      if (!e.process().exited()) {
        total += e.process().memoryBytes();
      }
    }
    return total;
  }

  @Override
  public boolean oomKilled() {
    return oomKilled;
  }

  private boolean oomKilled;

  @Override
  public boolean busy() {
    return table.values().stream().anyMatch(e -> e.process().busy());
  }

  private final class HostView implements ProcessHost, ContainerFacts {
    private final Output out;
    private final int uid;
    private final int gid;

    HostView(Output out, int uid, int gid) {
      this.out = out;
      this.uid = uid;
      this.gid = gid;
    }

    @Override
    public FileSystem fs() {
      return container.files.view();
    }

    @Override
    public ContainerFacts facts() {
      return this;
    }

    @Override
    public void write(int fd, String text, Instant at) {
      out.write(fd, text, at);
    }

    @Override
    public int processCount() {
      return table.size();
    }

    @Override
    public int adopt(ShellProcess child) {
      return add(child, 1, engine.lifecycle().now());
    }

    @Override
    public long memoryLimit() {
      return container.config.limits().memory();
    }

    @Override
    public void oomNoticed() {
      oomKilled = true;
    }

    @Override
    public void outOfMemory(Instant at) {
      oomKilled = true;
      killAll(at);
    }

    @Override
    public boolean oomKillDisabled() {
      return container.config.limits().oomKillDisable() && memoryLimit() > 0;
    }

    @Override
    public void underOom(Instant at) {
      // The cgroup reports the event even though nothing was killed; inspect shows it at exit.
      oomKilled = true;
    }

    @Override
    public io.dockerlings.simulator.notes.Notes notes() {
      return engine.notes();
    }

    @Override
    public int forkPid() {
      int pid = nextPid;
      nextPid += 7;
      return pid;
    }

    @Override
    public boolean kill(int pid, int signal, Instant at) {
      Entry e = table.get(pid);
      if (e == null || e.process().exited()) {
        return false;
      }
      e.process().signal(signal, at);
      return true;
    }

    @Override
    public List<Integer> children() {
      return new ArrayList<>(table.keySet());
    }

    @Override
    public String hostname() {
      return container.config.hostname();
    }

    /** With {@code --pid host} or {@code --pid container:X}, the processes of that namespace. */
    private List<ProcessRow> sharedPidNamespace(List<ProcessRow> own) {
      if (container.config.pidHost()) {
        List<ProcessRow> rows = new ArrayList<>(engine.hostProcesses());
        rows.sort(java.util.Comparator.comparingInt(ProcessRow::pid));
        return rows;
      }
      Optional<Container> donor =
          ContainerConfig.Isolation.donor(container.config.isolation().pidMode())
              .flatMap(id -> engine.containers().lookup(id).container());
      if (donor.isEmpty() || donor.get().workload == null) {
        return own;
      }
      List<ProcessRow> rows = new ArrayList<>();
      for (Workload.Proc p : donor.get().workload.processes()) {
        rows.add(new ProcessRow(p.pid(), p.user(), p.command()));
      }
      int base = rows.stream().mapToInt(ProcessRow::pid).max().orElse(0) + 6;
      // The joining container's processes get the donor namespace's next numbers.
      for (ProcessRow r : own) {
        rows.add(new ProcessRow(base + r.pid(), r.user(), r.command()));
      }
      return rows;
    }

    @Override
    public int uid() {
      return uid;
    }

    @Override
    public int gid() {
      return gid;
    }

    @Override
    public String kernelRelease() {
      return engine.host().kernelRelease();
    }

    @Override
    public List<ProcessRow> processes() {
      return sharedPidNamespace(ownProcesses());
    }

    private List<ProcessRow> ownProcesses() {
      List<ProcessRow> rows = new ArrayList<>();
      for (Map.Entry<Integer, Entry> e : table.entrySet()) {
        ShellProcess p = e.getValue().process();
        if (!p.exited()) {
          if (!p.runningChild().isEmpty() && p.runningChildPid() == e.getKey()) {
            // The process exec'd an applet directly: it is that applet now.
            rows.add(
                new ProcessRow(
                    e.getKey(), SystemUsers.name(p.uid()), String.join(" ", p.runningChild())));
            continue;
          }
          rows.add(new ProcessRow(e.getKey(), SystemUsers.name(p.uid()), p.psCommand()));
          if (p.childExecd()) {
            rows.add(
                new ProcessRow(
                    p.runningChildPid(),
                    SystemUsers.name(p.uid()),
                    String.join(" ", p.runningChild())));
          } else if (!p.runningChild().isEmpty()) {
            // busybox runs the applet in a forked shell: ps shows {applet} and the shell's line.
            String applet =
                "{"
                    + io.dockerlings.simulator.sh.Paths.name(p.runningChild().get(0))
                    + "} "
                    + p.psCommand();
            rows.add(new ProcessRow(p.runningChildPid(), SystemUsers.name(p.uid()), applet));
          }
        }
      }
      return rows;
    }

    @Override
    public List<String> mounts() {
      List<String> out = new ArrayList<>(fixedMounts());
      int at = out.size() - 3;
      for (Volumes.Mount m : container.config.mounts()) {
        String rw = m.readOnly() ? "ro" : "rw";
        out.add(
            at++,
            m.type().equals("tmpfs")
                ? "tmpfs on "
                    + m.destination()
                    + " type tmpfs ("
                    + rw
                    + ",nosuid,nodev,noexec,relatime"
                    + (m.name().isEmpty() ? "" : ",size=" + Long.parseLong(m.name()) / 1024 + "k")
                    + ")"
                : "/dev/vda on " + m.destination() + " type ext4 (" + rw + ",relatime)");
      }
      return out;
    }

    private List<String> fixedMounts() {
      return List.of(
          "overlay on / type overlay (rw,relatime,lowerdir="
              + container.files.lowerDirs()
              + ",upperdir=/var/lib/docker/overlay2/"
              + container.files.layerDirId()
              + "/diff,workdir=/var/lib/docker/overlay2/"
              + container.files.layerDirId()
              + "/work)",
          "proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)",
          "tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755)",
          "devpts on /dev/pts type devpts (rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666)",
          "sysfs on /sys type sysfs (ro,nosuid,nodev,noexec,relatime)",
          "shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k)",
          "/dev/vda on /etc/resolv.conf type ext4 (rw,relatime)",
          "/dev/vda on /etc/hostname type ext4 (rw,relatime)",
          "/dev/vda on /etc/hosts type ext4 (rw,relatime)");
    }

    @Override
    public List<Integer> listeningPorts() {
      List<Integer> out = new ArrayList<>();
      if (engine.netOwner(container).workload instanceof ContainerProcesses owner) {
        owner.listeners().forEach(l -> out.add(l.port()));
      }
      return out.stream().distinct().sorted().toList();
    }

    @Override
    public String gateway() {
      return engine.netOwner(container).endpoints.values().stream()
          .findFirst()
          .map(Network.Endpoint::gateway)
          .orElse("");
    }

    @Override
    public List<NetInterface> interfaces() {
      List<NetInterface> out = new ArrayList<>();
      int i = 0;
      for (Network.Endpoint ep : engine.netOwner(container).endpoints.values()) {
        out.add(new NetInterface("eth" + i++, ep.ipAddress(), ep.prefix(), ep.macAddress()));
      }
      return out;
    }

    @Override
    public Optional<String> resolveHost(String name) {
      return engine.resolve(container, name);
    }

    @Override
    public HttpReply httpGet(String host, int port, String path) {
      return engine.http().get(container, host, port, path);
    }

    @Override
    public boolean reachable(String ip) {
      return engine.reachable(container, ip);
    }

    @Override
    public int cpus() {
      return engine.host().cpus();
    }

    @Override
    public long memoryBytes() {
      return engine.host().memoryBytes();
    }
  }

  @Override
  public Runnable memento() {
    Map<Integer, Entry> table0 = new LinkedHashMap<>(table);
    List<Runnable> processes0 = new ArrayList<>();
    table.values().forEach(e -> processes0.add(e.process().memento()));
    int nextPid0 = nextPid;
    Map<Integer, Integer> childHostPids0 = new java.util.HashMap<>(childHostPids);
    int shimPid0 = shimPid;
    boolean oomKilled0 = oomKilled;
    return () -> {
      table.clear();
      table.putAll(table0);
      processes0.forEach(Runnable::run);
      nextPid = nextPid0;
      childHostPids.clear();
      childHostPids.putAll(childHostPids0);
      shimPid = shimPid0;
      oomKilled = oomKilled0;
    };
  }
}
