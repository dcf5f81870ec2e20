package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.sh.AppletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Programs of the course's host that read the engine's network state: {@code brctl show} (docker0
 * and the user bridges with their containers' veths), {@code route -n} (the host card's routes and
 * one per bridge), {@code netstat -lnt[p]} and {@code ss -lnt[p]} (sshd and a docker-proxy per
 * published port).
 */
final class HostTools {
  /** The host's network card, address and gateway, as on the notes' VMware lab machine. */
  static final String NIC = "ens33";

  static final String HOST_IP = "192.168.246.141";
  static final String GATEWAY = "192.168.246.2";
  static final String NIC_MAC = "00:0c:29:3e:5a:7b";

  static final int SSHD_PID = 1013;

  private final Engine engine;
  private final HostUnits units;

  /** The kernel settings sysctl shows: those the notes touch, as a docker host has them. */
  private final java.util.Map<String, String> kernel = new java.util.TreeMap<>();

  HostTools(Engine engine, HostUnits units) {
    this.engine = engine;
    this.units = units;
    // The daemon turns forwarding on; bridge traffic goes through iptables (br_netfilter).
    kernel.put("net.ipv4.ip_forward", "1");
    kernel.put("net.bridge.bridge-nf-call-iptables", "1");
    kernel.put("net.bridge.bridge-nf-call-ip6tables", "1");
    kernel.put("net.bridge.bridge-nf-call-arptables", "1");
    kernel.put("net.ipv4.ip_local_port_range", "32768\t60999");
  }

  /**
   * procps {@code sysctl}: {@code KEY}, {@code -w KEY=VALUE}, {@code -p [FILE]} (default {@code
   * /etc/sysctl.conf}) over the settings the notes touch; other keys are unknown, as the kernel's
   * missing {@code /proc/sys} file makes them.
   */
  int sysctl(List<String> argv, AppletContext c) {
    List<String> args = argv.subList(1, argv.size());
    if (args.isEmpty()) {
      c.err(engine.notes().get("host.sysctl") + "\n");
      return 1;
    }
    int status = 0;
    if (args.get(0).equals("-p")) {
      String file = args.size() > 1 ? args.get(1) : "/etc/sysctl.conf";
      String text;
      try {
        text =
            new String(
                c.fs().read(io.dockerlings.simulator.sh.Paths.resolve(c.cwd(), file)),
                java.nio.charset.StandardCharsets.UTF_8);
      } catch (io.dockerlings.simulator.fs.FsException e) {
        c.err("sysctl: cannot open \"" + file + "\": No such file or directory\n");
        return 1;
      }
      for (String line : text.split("\n")) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
          continue;
        }
        status |= set(t, c);
      }
      return status;
    }
    boolean write = args.get(0).equals("-w");
    for (String a : write ? args.subList(1, args.size()) : args) {
      if (a.contains("=")) {
        status |= set(a, c);
      } else if (kernel.containsKey(a)) {
        c.out(a + " = " + kernel.get(a) + "\n");
      } else {
        c.err(missing(a));
        status = 255;
      }
    }
    return status;
  }

  private int set(String assignment, AppletContext c) {
    int eq = assignment.indexOf('=');
    String key = assignment.substring(0, eq).strip();
    String value = assignment.substring(eq + 1).strip();
    if (!kernel.containsKey(key)) {
      c.err(missing(key));
      return 255;
    }
    kernel.put(key, value);
    c.out(key + " = " + value + "\n");
    return 0;
  }

  private static String missing(String key) {
    return "sysctl: cannot stat /proc/sys/"
        + key.replace('.', '/')
        + ": No such file or directory\n";
  }

  /** The host-side name of a network's bridge: docker0 for the default one, br-ID otherwise. */
  static String bridgeName(Network n) {
    return n.name.equals("bridge") ? "docker0" : "br-" + n.id.substring(0, 12);
  }

  /** The host end of a container's veth pair on a network, named from its endpoint id. */
  static String veth(Network.Endpoint ep) {
    return "veth" + ep.endpointId().substring(0, 7);
  }

  private List<Network> bridges() {
    List<Network> out = new ArrayList<>();
    for (Network n : engine.networks().all()) {
      if (n.driver.equals("bridge")) {
        out.add(n);
      }
    }
    out.sort((a, b) -> bridgeName(a).compareTo(bridgeName(b)));
    return out;
  }

  /** {@code brctl show}: bridges in name order, each with its ports (bridge-utils' layout). */
  int brctl(List<String> argv, AppletContext c) {
    if (argv.size() < 2 || !argv.get(1).equals("show")) {
      c.err(engine.notes().get("host.brctl") + "\n");
      return 1;
    }
    StringBuilder b = new StringBuilder("bridge name\tbridge id\t\tSTP enabled\tinterfaces\n");
    for (Network n : bridges()) {
      List<String> ports = new ArrayList<>();
      for (Container ct : engine.containers().all()) {
        Network.Endpoint ep = ct.endpoints.get(n.name);
        if (ct.isRunning() && ep != null) {
          ports.add(veth(ep));
        }
      }
      ports.sort(null);
      b.append(bridgeName(n)).append("\t\t8000.").append(bridgeMac(n).replace(":", ""));
      b.append("\tno\t\t");
      b.append(String.join("\n\t\t\t\t\t\t\t", ports)).append('\n');
    }
    c.out(b.toString());
    return 0;
  }

  /** A bridge's MAC: docker0's as the host shows it, a user bridge's from its id. */
  static String bridgeMac(Network n) {
    if (n.name.equals("bridge")) {
      return "02:42:00:00:00:01";
    }
    String h = n.id;
    return "02:42:"
        + h.substring(0, 2)
        + ":"
        + h.substring(2, 4)
        + ":"
        + h.substring(4, 6)
        + ":"
        + h.substring(6, 8);
  }

  /** {@code route -n}: net-tools' table over the host card's routes and one route per bridge. */
  int route(List<String> argv, AppletContext c) {
    if (!argv.contains("-n")) {
      c.err(engine.notes().get("host.route") + "\n");
      return 1;
    }
    TreeMap<Long, String> rows = new TreeMap<>();
    rows.put(-1L, row("0.0.0.0", GATEWAY, "0.0.0.0", "UG", 100, NIC));
    rows.put(
        address("192.168.246.0"), row("192.168.246.0", "0.0.0.0", "255.255.255.0", "U", 100, NIC));
    for (Network n : bridges()) {
      String[] subnet = n.subnet().split("/");
      int prefix = Integer.parseInt(subnet[1]);
      rows.put(
          address(subnet[0]),
          row(subnet[0], "0.0.0.0", Network.dotted(Network.mask(prefix)), "U", 0, bridgeName(n)));
    }
    StringBuilder b =
        new StringBuilder(
            "Kernel IP routing table\n"
                + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
    rows.values().forEach(b::append);
    c.out(b.toString());
    return 0;
  }

  private static long address(String dotted) {
    long v = 0;
    for (String part : dotted.split("\\.")) {
      v = v * 256 + Integer.parseInt(part);
    }
    return v;
  }

  private static String row(
      String dest, String gateway, String mask, String flags, int metric, String iface) {
    return String.format(
        Locale.ROOT,
        "%-15s %-15s %-15s %-5s %-6d %-2d %7d %s%n",
        dest,
        gateway,
        mask,
        flags,
        metric,
        0,
        0,
        iface);
  }

  /**
   * {@code netstat -lnt[p]} on the host: sshd on port 22 and, per published TCP port, the
   * docker-proxy the engine starts for it (one for IPv4, one for IPv6), in net-tools' layout.
   */
  int netstat(List<String> argv, AppletContext c) {
    String flags = String.join("", argv.subList(1, argv.size())).replace("-", "");
    if (!flags.contains("l") || !flags.contains("t")) {
      c.err(engine.notes().get("host.netstat") + "\n");
      return 1;
    }
    boolean pids = flags.contains("p");
    StringBuilder b =
        new StringBuilder(
            "Active Internet connections (only servers)\n"
                + "Proto Recv-Q Send-Q Local Address           Foreign Address         State      "
                + (pids ? " PID/Program name    " : "")
                + "\n");
    List<String[]> v4 = new ArrayList<>();
    List<String[]> v6 = new ArrayList<>();
    for (Listener l : listeners()) {
      (l.six() ? v6 : v4)
          .add(new String[] {l.address() + ":" + l.port(), l.pid() + "/" + l.program()});
    }
    for (String[] r : v4) {
      b.append(line("tcp", r, "0.0.0.0:*", pids));
    }
    for (String[] r : v6) {
      b.append(line("tcp6", r, ":::*", pids));
    }
    c.out(b.toString());
    return 0;
  }

  /**
   * A listening TCP socket of the host.
   *
   * @param six whether it is an IPv6 socket
   * @param address the address it is bound to, {@code 0.0.0.0} or {@code ::} for any
   */
  record Listener(boolean six, String address, int port, int pid, String program) {}

  /**
   * The host's listening TCP sockets, IPv4 first: sshd on port 22 while it runs and, per published
   * TCP port of a running container, the docker-proxy the engine starts for it.
   */
  List<Listener> listeners() {
    List<Listener> v4 = new ArrayList<>();
    List<Listener> v6 = new ArrayList<>();
    if (units.active("sshd")) {
      v4.add(new Listener(false, "0.0.0.0", 22, units.pid("sshd"), "sshd"));
      v6.add(new Listener(true, "::", 22, units.pid("sshd"), "sshd"));
    }
    int proxy = 2543;
    for (Container ct : engine.containers().all()) {
      if (!ct.isRunning()) {
        continue;
      }
      for (Ports.Published p : ct.published) {
        if (!p.protocol().equals("tcp")) {
          continue;
        }
        boolean six = p.hostIp().contains(":");
        String host = six ? "::" : p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp();
        (six ? v6 : v4).add(new Listener(six, host, p.hostPort(), proxy, "docker-proxy"));
        proxy += 7;
      }
    }
    v4.addAll(v6);
    return v4;
  }

  /**
   * {@code ss -lnt[p]} on the host: the sockets {@code netstat -lnt} lists, in the layout of CentOS
   * 7's iproute (4.11) for an 80-column screen: any address as {@code *} or {@code ::}, and with
   * {@code -p} each socket's process as {@code users:(("NAME",pid=N,fd=N))}.
   */
  int ss(List<String> argv, AppletContext c) {
    String flags = String.join("", argv.subList(1, argv.size())).replace("-", "");
    if (!flags.contains("l") || !flags.contains("t") || !flags.contains("n")) {
      c.err("dockerlings: only ss -lnt and -lntp are simulated on the host\n");
      return 1;
    }
    boolean users = flags.contains("p");
    // ss's widths for 80 columns, a state column and numeric ports: the address 7, the port 18.
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-10s %-6s %-6s %7s:%-18s %7s:%-18s%n",
                "State",
                "Recv-Q",
                "Send-Q",
                "Local Address",
                "Port",
                "Peer Address",
                "Port"));
    for (Listener l : listeners()) {
      String any = l.six() ? "::" : "*";
      String local = l.address().equals("0.0.0.0") ? "*" : l.address();
      b.append(
          String.format(
              Locale.ROOT,
              "%-10s %-6d %-6d %7s:%-18s %7s:%-18s ",
              "LISTEN",
              0,
              128,
              local,
              l.port(),
              any,
              "*"));
      if (users) {
        b.append(" users:((\"")
            .append(l.program())
            .append("\",pid=")
            .append(l.pid())
            .append(",fd=")
            .append(l.program().equals("sshd") ? (l.six() ? 4 : 3) : 4)
            .append("))");
      }
      b.append('\n');
    }
    c.out(b.toString());
    return 0;
  }

  private static String line(String proto, String[] r, String foreign, boolean pids) {
    return String.format(
        Locale.ROOT,
        "%-5s %6d %6d %-23s %-23s %-11s%s%n",
        proto,
        0,
        0,
        r[0],
        foreign,
        "LISTEN",
        pids ? " " + String.format(Locale.ROOT, "%-20s", r[1]) : "");
  }
}
