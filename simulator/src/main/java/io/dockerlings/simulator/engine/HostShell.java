package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.CommandResult;
import io.dockerlings.simulator.HostSpec;
import io.dockerlings.simulator.InteractiveSession;
import io.dockerlings.simulator.Workspace;
import io.dockerlings.simulator.fs.DevFs;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.Layer;
import io.dockerlings.simulator.fs.MountedFs;
import io.dockerlings.simulator.sh.Applet;
import io.dockerlings.simulator.sh.AppletContext;
import io.dockerlings.simulator.sh.ContainerFacts;
import io.dockerlings.simulator.sh.FileApplets;
import io.dockerlings.simulator.sh.ProcessHost;
import io.dockerlings.simulator.sh.ShellProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shell on the simulated host, the machine the engine runs on: its files (where bind mounts and
 * {@code /etc/docker/daemon.json} live), {@code curl} to published ports, the NAT rules the engine
 * installed ({@code iptables -t nat}), and {@code systemctl restart docker}.
 */
final class HostShell implements ProcessHost, ContainerFacts {
  /** The size of the course machine's {@code /usr/bin/docker}. */
  private static final long DOCKER_CLI_SIZE = 45_582_984L;

  private final Engine engine;
  private final Map<String, Applet> applets = new LinkedHashMap<>();
  private FileSystem view;

  /** What the current line wrote, the two streams in their order. */
  private io.dockerlings.simulator.cli.CommandIo written;

  private int nextPid = 30_000;

  /** What the last line's shell left for the next: variables, exports, functions, {@code $?}. */
  private Optional<ShellProcess.Carried> carried = Optional.empty();

  HostShell(Engine engine) {
    this.engine = engine;
    applets.putAll(FileApplets.all());
    applets.put("iptables", this::iptables);
    HostServices services = new HostServices(engine);
    applets.put("systemctl", services::systemctl);
    HostTools tools = new HostTools(engine, services.units());
    applets.put("brctl", tools::brctl);
    applets.put("route", tools::route);
    applets.put("netstat", tools::netstat);
    applets.put("ss", tools::ss);
    applets.put("sysctl", tools::sysctl);
    applets.put("docker", this::docker);
    applets.put("df", this::df);
    applets.put(
        "service",
        (argv, c) ->
            services.systemctl(
                List.of("systemctl", argv.size() > 2 ? argv.get(2) : "", "docker"), c));
  }

  /** The host's files when the engine starts: tools on /bin, an empty /etc/docker, /srv. */
  static Layer baseLayer(HostSpec host, Instant at) {
    Layer.Builder b =
        Layer.builder(at)
            .syntheticFile("/bin/busybox", 1_982_256, 0755)
            // The docker CLI (Debian's docker.io 20.10 client), so that lines can pipe it.
            .syntheticFile("/usr/bin/docker", DOCKER_CLI_SIZE, 0755);
    for (String a : FileApplets.all().keySet()) {
      if (!a.equals("busybox")) {
        b.symlink("/bin/" + a, "busybox");
      }
    }
    for (String a :
        List.of(
            "sh",
            "sleep",
            "iptables",
            "systemctl",
            "service",
            "df",
            "brctl",
            "route",
            "netstat",
            "ss",
            "sysctl")) {
      b.symlink("/bin/" + a, "busybox");
    }
    for (String d : List.of("/etc/docker", "/srv", "/tmp", "/root", "/home", "/var/lib/docker")) {
      b.dir(d, 0755);
    }
    b.file("/etc/hostname", host.hostname() + "\n");
    b.file("/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
    // A public resolver the offline machine cannot reach: registry host names do not resolve.
    b.file("/etc/resolv.conf", "nameserver 8.8.8.8\n");
    b.file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
    // The kernel's view of the machine: the same figures as docker info and free.
    b.dir("/proc", 0555);
    b.file("/proc/meminfo", io.dockerlings.simulator.sh.MachineFiles.meminfo(host.memoryBytes()));
    b.file("/proc/cpuinfo", io.dockerlings.simulator.sh.MachineFiles.cpuinfo(host.cpus()));
    return b.build();
  }

  /**
   * Runs one line.
   *
   * @param docker who carries out the line's docker commands; empty for this simulator
   */
  CommandResult run(String line, Optional<io.dockerlings.simulator.HostDocker> docker) {
    Optional<io.dockerlings.simulator.HostDocker> saved = otherDocker;
    otherDocker = docker;
    try {
      return run(line);
    } finally {
      otherDocker = saved;
    }
  }

  /** Who carries out the docker commands of the current line: empty for this simulator. */
  private Optional<io.dockerlings.simulator.HostDocker> otherDocker = Optional.empty();

  private CommandResult run(String line) {
    if (view == null) {
      DevFs dev = new DevFs(engine.fileClock(), 7, List.of("console"));
      dev.journal(engine.undo());
      view = new MountedFs(engine.volumes().host()).mount("/dev", dev, "/", false);
    }
    written = new io.dockerlings.simulator.cli.CommandIo("");
    Instant now = engine.lifecycle().now();
    ShellProcess p =
        ShellProcess.exec(
            this,
            applets,
            List.of("sh", "-c", line),
            Map.of(
                "PATH",
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME",
                Workspace.HOME),
            engine.hostFiles().cwd(),
            0,
            now,
            false);
    p.setPid(nextPid++);
    // Variables, exports, functions and $? of the earlier lines hold, as in a terminal's shell.
    carried.ifPresent(p::carry);
    Optional<ShellProcess.Carried> before = carried;
    engine.undo().record(() -> carried = before);
    // The line was typed at the learner's terminal: commands read it unless piped or redirected.
    p.useTerminalStdin();
    Instant limit = now.plus(RunCommand.FOLLOW_LIMIT);
    while (!p.exited()) {
      Optional<Instant> wake = p.nextWake();
      p.runUntil(wake.filter(w -> !w.isAfter(limit)).orElse(limit));
      if (wake.isEmpty() || wake.get().isAfter(limit)) {
        break;
      }
    }
    if (p.exited()) {
      engine.lifecycle().skipTo(p.exitTime());
    }
    carried = Optional.of(p.carried());
    // cd on one line holds for the next, as in a terminal.
    engine.hostFiles().cd(p.workingDirectory());
    // The learner's own shell reports a child the kernel killed, as ash and bash do.
    if (p.fatalSignal() == 9) {
      written.err("Killed\n");
    } else if (p.fatalSignal() == 11) {
      written.err("Segmentation fault\n");
    }
    return new CommandResult(
        p.exited() ? p.exitCode() : 0,
        written.stdout(),
        written.stderr(),
        Optional.empty(),
        written.chunks());
  }

  /** What the host's shell keeps for its next line; empty before the first. */
  Optional<ShellProcess.Carried> carried() {
    return carried;
  }

  // ---- host-only programs -------------------------------------------------------------------

  /** {@code iptables -t nat -L|-S}: the DOCKER chain the engine keeps for published ports. */
  private int iptables(List<String> argv, AppletContext c) {
    if (!argv.contains("nat")) {
      c.err(engine.notes().get("host.iptables") + "\n");
      return 1;
    }
    List<String[]> rules = new ArrayList<>();
    for (Container ct : engine.containers().all()) {
      Network.Endpoint ep = ct.endpoints.get("bridge");
      if (ep == null) {
        continue;
      }
      for (Ports.Published p : ct.published) {
        if (p.hostIp().contains(":")) {
          continue;
        }
        rules.add(
            new String[] {
              p.protocol(), Integer.toString(p.hostPort()), ep.ipAddress() + ":" + p.containerPort()
            });
      }
    }
    StringBuilder b = new StringBuilder();
    if (argv.contains("-S")) {
      b.append("-N DOCKER\n-A DOCKER -i docker0 -j RETURN\n");
      for (String[] r : rules) {
        b.append("-A DOCKER ! -i docker0 -p ")
            .append(r[0])
            .append(" -m ")
            .append(r[0])
            .append(" --dport ")
            .append(r[1])
            .append(" -j DNAT --to-destination ")
            .append(r[2])
            .append('\n');
      }
    } else {
      b.append("Chain DOCKER (2 references)\n");
      b.append("target     prot opt source               destination         \n");
      b.append("RETURN     0    --  0.0.0.0/0            0.0.0.0/0           \n");
      for (String[] r : rules) {
        b.append(
            String.format(
                "DNAT       %-4s --  0.0.0.0/0            0.0.0.0/0            %s dpt:%s to:%s%n",
                r[0].equals("tcp") ? "6" : "17", r[0], r[1], r[2]));
      }
      b.append("\nChain POSTROUTING (policy ACCEPT)\n");
      b.append("target     prot opt source               destination         \n");
      b.append("MASQUERADE  0    --  172.17.0.0/16        0.0.0.0/0           \n");
    }
    c.out(b.toString());
    return 0;
  }

  /**
   * {@code docker} inside a host line that pipes, redirects or chains it ({@code docker info | grep
   * Root}): the engine's own CLI. A terminal it opens has nobody typing into it here, so it reads
   * what was piped in and then the end of input.
   */
  private int docker(List<String> argv, AppletContext c) {
    HostFiles files = engine.hostFiles();
    String lineCwd = files.cwd();
    files.cd(c.cwd());
    CommandResult r;
    // load and import read all of stdin before the daemon answers.
    java.util.Optional<String> endless =
        c.stdinFile()
            .filter(HostFiles::endless)
            .filter(f -> argv.contains("load") || argv.contains("import"));
    if (endless.isPresent()) {
      files.cd(lineCwd);
      c.err(engine.notes().get("host.endless", endless.get()) + "\n");
      return 130;
    }
    try {
      byte[] in =
          c.stdinFile().map(files::read).orElse(c.stdinIsTerminal() ? null : stdinBytes(c.stdin()));
      if (otherDocker.isPresent()) {
        return otherDocker(argv, in, c);
      }
      r =
          engine.withHostStreams(
              c.stdoutIsTerminal() ? null : c::outBytes,
              in,
              () -> engine.execute(argv, c.stdin(), c.stdinIsTerminal()));
    } catch (io.dockerlings.simulator.fs.FsException e) {
      c.err("docker: " + e.getMessage() + "\n");
      return 1;
    } finally {
      files.cd(lineCwd);
    }
    for (CommandResult.Chunk chunk : r.inOrder()) {
      if (chunk.err()) {
        c.err(chunk.text());
      } else {
        c.out(chunk.text());
      }
    }
    if (r.session().isEmpty()) {
      return r.exitCode();
    }
    InteractiveSession session = r.session().get();
    for (String line : c.stdin().lines().toList()) {
      if (!session.isOpen()) {
        break;
      }
      c.out(session.send(line));
    }
    if (session.isOpen()) {
      c.out(session.endOfInput());
    }
    if (session.isOpen()) {
      // A process that outlives its input (attach to a server) is left running.
      session.detach();
      return 0;
    }
    return session.exitCode();
  }

  /**
   * A docker command of the line on the other engine: it reads the piped or redirected bytes,
   * bounded as a host file is, and its output joins the line's in the order it was written. It has
   * no terminal to lend ({@code -it} is refused, as with a pipe), and the line's files it names are
   * in the workspace, where the host's current directory is for the call.
   */
  private int otherDocker(List<String> argv, byte[] in, AppletContext c) {
    if (in != null && in.length > engine.hostFiles().maxFileBytes()) {
      c.err(
          "docker: "
              + new io.dockerlings.simulator.fs.FsException(
                      io.dockerlings.simulator.fs.FsException.Reason.TOO_LARGE, "stdin")
                  .getMessage()
              + "\n");
      return 1;
    }
    // A tar to a pipe or a file comes as bytes, bounded as one host file is.
    long[] written = {0};
    java.util.function.Consumer<byte[]> bounded =
        bytes -> {
          written[0] += bytes.length;
          if (written[0] > engine.hostFiles().maxFileBytes()) {
            throw new io.dockerlings.simulator.fs.FsException(
                io.dockerlings.simulator.fs.FsException.Reason.TOO_LARGE, "stdout");
          }
          c.outBytes(bytes);
        };
    CommandResult r =
        otherDocker
            .get()
            .run(
                argv,
                Optional.ofNullable(in),
                c.stdoutIsTerminal() ? Optional.empty() : Optional.of(bounded));
    for (CommandResult.Chunk chunk : r.inOrder()) {
      if (chunk.err()) {
        c.err(chunk.text());
      } else {
        c.out(chunk.text());
      }
    }
    // A terminal opened all the same (none should be, without one to lend) is left running.
    r.session().ifPresent(InteractiveSession::detach);
    return r.exitCode();
  }

  /** Piped text as docker reads it: chars that came from bytes as they were, else UTF-8. */
  private static byte[] stdinBytes(String text) {
    boolean bytes = text.chars().allMatch(ch -> ch < 256);
    return text.getBytes(
        bytes
            ? java.nio.charset.StandardCharsets.ISO_8859_1
            : java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code df}: the host's disk, its size the quota of the simulated host and workspace. */
  private int df(List<String> argv, AppletContext c) {
    io.dockerlings.simulator.fs.DiskQuota q = engine.volumes().host().quota();
    boolean human = argv.contains("-h");
    long size = q.size() / 1024;
    long used = (q.used() + 1023) / 1024;
    long avail = Math.max(0, size - used);
    long pct = size == 0 ? 0 : (used * 100 + size - 1) / size;
    String[] row = {"/dev/vda", kb(size, human), kb(used, human), kb(avail, human), pct + "%", "/"};
    c.out(
        human
            ? "Filesystem                Size      Used Available Use% Mounted on\n"
            : "Filesystem           1K-blocks      Used Available Use% Mounted on\n");
    c.out(String.format("%-20s%10s%10s%10s%5s %s%n", (Object[]) row));
    return 0;
  }

  private static String kb(long k, boolean human) {
    if (!human) {
      return Long.toString(k);
    }
    if (k == 0) {
      return "0";
    }
    String[] units = {"K", "M", "G", "T"};
    double v = k;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f%s", v, units[u]);
  }

  // ---- ProcessHost and ContainerFacts for the host ----------------------------------------

  @Override
  public FileSystem fs() {
    return view;
  }

  @Override
  public ContainerFacts facts() {
    return this;
  }

  @Override
  public void write(int fd, String text, Instant at) {
    if (fd == 2) {
      written.err(text);
    } else {
      written.out(text);
    }
  }

  @Override
  public int adopt(ShellProcess child) {
    return nextPid++;
  }

  @Override
  public long memoryLimit() {
    return 0;
  }

  @Override
  public void outOfMemory(Instant at) {
    // The host has no cgroup limit in this model.
  }

  @Override
  public io.dockerlings.simulator.notes.Notes notes() {
    return engine.notes();
  }

  @Override
  public int forkPid() {
    return nextPid++;
  }

  @Override
  public boolean kill(int pid, int signal, Instant at) {
    return false;
  }

  @Override
  public List<Integer> children() {
    return List.of();
  }

  @Override
  public String hostname() {
    return engine.host().hostname();
  }

  @Override
  public int uid() {
    return 0;
  }

  @Override
  public int gid() {
    return 0;
  }

  @Override
  public String kernelRelease() {
    return engine.host().kernelRelease();
  }

  @Override
  public List<ProcessRow> processes() {
    List<ProcessRow> rows = new ArrayList<>();
    rows.add(new ProcessRow(1, "root", "/sbin/init"));
    rows.add(new ProcessRow(2396, "root", "dockerd"));
    rows.add(
        new ProcessRow(
            2410, "root", "containerd --config /var/run/docker/containerd/containerd.toml"));
    for (Container c : engine.containers().all()) {
      if (c.workload != null) {
        for (Workload.Proc p : c.workload.processes()) {
          rows.add(new ProcessRow(p.hostPid(), p.user(), p.command()));
        }
      }
    }
    return rows;
  }

  @Override
  public List<String> mounts() {
    return List.of("/dev/vda on / type ext4 (rw,relatime)");
  }

  @Override
  public int cpus() {
    return engine.host().cpus();
  }

  @Override
  public long memoryBytes() {
    return engine.host().memoryBytes();
  }

  @Override
  public List<NetInterface> interfaces() {
    return List.of(
        new NetInterface(HostTools.NIC, HostTools.HOST_IP, 24, HostTools.NIC_MAC),
        new NetInterface("docker0", "172.17.0.1", 16, "02:42:00:00:00:01"));
  }

  @Override
  public Optional<String> hostLinkState(String iface) {
    if (!iface.equals("docker0")) {
      return Optional.of("UP");
    }
    // docker0 has a carrier only while a running container is plugged into it.
    boolean ports =
        engine.containers().all().stream()
            .anyMatch(c -> c.isRunning() && c.endpoints.containsKey("bridge"));
    return Optional.of(ports ? "UP" : "DOWN");
  }

  @Override
  public Optional<String> resolveHost(String name) {
    if (name.equals("localhost")) {
      return Optional.of("127.0.0.1");
    }
    return name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") ? Optional.of(name) : Optional.empty();
  }

  @Override
  public boolean reachable(String ip) {
    return true;
  }

  @Override
  public HttpReply httpGet(String host, int port, String path) {
    return engine.http().fromHost(host, port, path);
  }
}
