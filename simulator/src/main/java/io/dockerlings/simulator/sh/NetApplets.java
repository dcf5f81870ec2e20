package io.dockerlings.simulator.sh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network tools of busybox: {@code ping}, {@code ip addr}, {@code ifconfig}. They answer from
 * the simulated networks: a name resolves as the container's DNS would, and an address answers when
 * the container shares a network with it. Round-trip times are a fixed 0.080 ms.
 */
final class NetApplets {
  private NetApplets() {}

  static Map<String, Applet> all() {
    Map<String, Applet> m = new LinkedHashMap<>();
    m.put("ping", NetApplets::ping);
    m.put("ip", NetApplets::ip);
    m.put("netstat", NetApplets::netstat);
    m.put("route", NetApplets::route);
    m.put("ifconfig", NetApplets::ifconfig);
    m.put("wget", NetApplets::wget);
    m.put("curl", NetApplets::curl);
    return m;
  }

  private static int ping(List<String> argv, AppletContext c) {
    int count = 4;
    boolean quiet = false;
    String target = null;
    for (int i = 1; i < argv.size(); i++) {
      if (argv.get(i).equals("-c") && i + 1 < argv.size()) {
        count = Integer.parseInt(argv.get(++i));
      } else if (argv.get(i).startsWith("-c")) {
        count = Integer.parseInt(argv.get(i).substring(2));
      } else if (argv.get(i).equals("-q")) {
        quiet = true;
      } else if (!argv.get(i).startsWith("-")) {
        target = argv.get(i);
      }
    }
    if (target == null) {
      c.err(
          "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n");
      return 1;
    }
    Optional<String> ip = c.container().resolveHost(target);
    if (ip.isEmpty()) {
      c.err("ping: bad address '" + target + "'\n");
      return 1;
    }
    boolean answers = c.container().reachable(ip.get());
    StringBuilder b = new StringBuilder("PING " + target + " (" + ip.get() + "): 56 data bytes\n");
    for (int seq = 0; seq < count && answers && !quiet; seq++) {
      b.append("64 bytes from ")
          .append(ip.get())
          .append(": seq=")
          .append(seq)
          .append(" ttl=64 time=0.080 ms\n");
    }
    b.append("\n--- ").append(target).append(" ping statistics ---\n");
    b.append(count)
        .append(" packets transmitted, ")
        .append(answers ? count : 0)
        .append(" packets received, ")
        .append(answers ? 0 : 100)
        .append("% packet loss\n");
    if (answers) {
      b.append("round-trip min/avg/max = 0.080/0.080/0.080 ms\n");
    }
    c.out(b.toString());
    return answers ? 0 : 1;
  }

  /** A parsed {@code http://host[:port]/path}. */
  private record Url(String host, int port, String path) {
    static Optional<Url> parse(String text) {
      String t = text.startsWith("http://") ? text.substring(7) : text;
      if (t.startsWith("https://")) {
        return Optional.empty();
      }
      int slash = t.indexOf('/');
      String hostPort = slash < 0 ? t : t.substring(0, slash);
      String path = slash < 0 ? "/" : t.substring(slash);
      int colon = hostPort.lastIndexOf(':');
      try {
        int port = colon < 0 ? 80 : Integer.parseInt(hostPort.substring(colon + 1));
        return Optional.of(
            new Url(colon < 0 ? hostPort : hostPort.substring(0, colon), port, path));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  private static String bar(String name, int bytes) {
    return String.format(
        "%-20s 100%% |********************************| %5d  0:00:00 ETA%n", name, bytes);
  }

  private static int wget(List<String> argv, AppletContext c) {
    boolean serverResponse = false;
    boolean quiet = false;
    String output = null;
    String target = null;
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-S")) {
        serverResponse = true;
      } else if (a.equals("-q")) {
        quiet = true;
      } else if (a.equals("-qO-") || a.equals("-qO") && i + 1 < argv.size()) {
        quiet = true;
        output = a.equals("-qO-") ? "-" : argv.get(++i);
      } else if (a.equals("-O") && i + 1 < argv.size()) {
        output = argv.get(++i);
      } else if (a.startsWith("-O")) {
        output = a.substring(2);
      } else if (!a.startsWith("-")) {
        target = a;
      }
    }
    Optional<Url> url = target == null ? Optional.empty() : Url.parse(target);
    if (url.isEmpty()) {
      c.err("wget: bad address '" + target + "'\n");
      return 1;
    }
    ContainerFacts.HttpReply r =
        c.container().httpGet(url.get().host(), url.get().port(), url.get().path());
    if (!r.error().isEmpty()) {
      c.err("wget: " + r.error() + "\n");
      return 1;
    }
    if (!quiet) {
      String shownHost = url.get().host() + (url.get().port() == 80 ? "" : ":" + url.get().port());
      c.err("Connecting to " + shownHost + " (" + r.ip() + ":" + url.get().port() + ")\n");
    }
    if (serverResponse) {
      // -S: the response's status line and headers, indented, on stderr.
      // wget asks the server to close the connection; an error shows only the status line.
      StringBuilder h = new StringBuilder();
      List<String> lines = r.status() == 200 ? withClose(r.headers()) : r.headers().subList(0, 1);
      lines.forEach(line -> h.append("  ").append(line).append('\n'));
      c.err(r.status() == 200 ? h.append("  \n").toString() : h.toString());
    }
    if (r.status() != 200) {
      c.err("wget: server returned error: HTTP/1.1 " + r.status() + " Not Found\n");
      return 1;
    }
    int bytes = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if ("-".equals(output)) {
      if (!quiet) {
        c.err("writing to stdout\n");
      }
      c.out(r.body());
      if (!quiet) {
        c.err(bar("-", bytes) + "written to stdout\n");
      }
      return 0;
    }
    String name =
        output != null
            ? output
            : url.get().path().endsWith("/") ? "index.html" : Paths.name(url.get().path());
    c.fs().write(c.resolve(name), r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (!quiet) {
      c.err("saving to '" + name + "'\n" + bar(Paths.name(name), bytes) + "'" + name + "' saved\n");
    }
    return 0;
  }

  /** The headers with {@code Connection: close}, as a server answers a client that asked so. */
  private static List<String> withClose(List<String> headers) {
    List<String> out = new java.util.ArrayList<>();
    boolean had = false;
    for (String h : headers) {
      had |= h.startsWith("Connection:");
      out.add(h.startsWith("Connection:") ? "Connection: close" : h);
    }
    if (!had) {
      out.add("Connection: close");
    }
    return out;
  }

  private static int curl(List<String> argv, AppletContext c) {
    String target = null;
    boolean head = false;
    boolean include = false;
    String output = null;
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("-I") || a.equals("--head")) {
        head = true;
      } else if (a.equals("-i") || a.equals("--include")) {
        include = true;
      } else if (a.matches("-[a-zA-Z]*[IisSLfv][a-zA-Z]*") && !a.startsWith("--")) {
        head |= a.contains("I");
        include |= a.contains("i");
      } else if (List.of(
                  "-o",
                  "--output",
                  "-H",
                  "--header",
                  "-X",
                  "--request",
                  "-d",
                  "--data",
                  "-u",
                  "-w",
                  "-A",
                  "-e",
                  "-m",
                  "--max-time",
                  "--connect-timeout")
              .contains(a)
          && i + 1 < argv.size()) {
        if (a.equals("-o") || a.equals("--output")) {
          output = argv.get(i + 1);
        }
        i++;
      } else if (!a.startsWith("-")) {
        target = a;
      }
    }
    Optional<Url> url = target == null ? Optional.empty() : Url.parse(target);
    if (url.isEmpty()) {
      c.err("curl: (3) URL using bad/illegal format or missing URL\n");
      return 3;
    }
    ContainerFacts.HttpReply r =
        c.container().httpGet(url.get().host(), url.get().port(), url.get().path());
    if (r.error().startsWith("bad address")) {
      c.err("curl: (6) Could not resolve host: " + url.get().host() + "\n");
      return 6;
    }
    if (!r.error().isEmpty()) {
      c.err(
          "curl: (7) Failed to connect to "
              + url.get().host()
              + " port "
              + url.get().port()
              + ": Connection refused\n");
      return 7;
    }
    StringBuilder shown = new StringBuilder();
    if (head || include) {
      // The status line and headers, then the blank line that ends them (-I sends HEAD: no body).
      r.headers().forEach(h -> shown.append(h).append('\n'));
      shown.append('\n');
    }
    String body = head ? "" : r.body();
    if (output != null && !output.equals("-")) {
      c.fs().write(c.resolve(output), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      c.out(shown.toString());
      return 0;
    }
    c.out(shown.append(body).toString());
    return 0;
  }

  private static String network(String ip, int prefix) {
    long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    return dotted(ipValue(ip) & mask);
  }

  private static String broadcast(String ip, int prefix) {
    long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    return dotted(ipValue(ip) | ~mask & 0xffffffffL);
  }

  /** busybox {@code netstat}: the listening TCP sockets ({@code -l}), routes with {@code -r}. */
  private static int netstat(List<String> argv, AppletContext c) {
    String opts = "";
    for (String a : argv.subList(1, argv.size())) {
      if (a.startsWith("-")) {
        opts += a.substring(1);
      }
    }
    for (char o : opts.toCharArray()) {
      if ("raltuwxen".indexOf(o) < 0) {
        c.err(
            "netstat: invalid option -- '"
                + o
                + "'\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n"
                + "Usage: netstat [-ral] [-tuwx] [-en]\n\nDisplay networking information\n\n"
                + "\t-r\tRouting table\n\t-a\tAll sockets\n\t-l\tListening sockets\n"
                + "\t\tElse: connected sockets\n\t-t\tTCP sockets\n\t-u\tUDP sockets\n"
                + "\t-w\tRaw sockets\n\t-x\tUnix sockets\n\t\tElse: all socket types\n"
                + "\t-e\tOther/more information\n\t-n\tDon't resolve names\n");
        return 1;
      }
    }
    if (opts.contains("r")) {
      return route(List.of("route", "-n"), c);
    }
    StringBuilder b =
        new StringBuilder(
            opts.contains("l")
                ? "Active Internet connections (only servers)\n"
                : "Active Internet connections (w/o servers)\n");
    b.append("Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n");
    if (opts.contains("l") || opts.contains("a")) {
      for (int port : c.container().listeningPorts()) {
        b.append(
            String.format("tcp        0      0 %-23s %-23s LISTEN      %n", ":::" + port, ":::*"));
      }
    }
    c.out(b.toString());
    return 0;
  }

  /** busybox {@code route [-n]}: the container's routing table. */
  private static int route(List<String> argv, AppletContext c) {
    StringBuilder b =
        new StringBuilder(
            "Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric"
                + " Ref    Use Iface\n");
    String gw = c.container().gateway();
    List<ContainerFacts.NetInterface> ifs = c.container().interfaces();
    if (!gw.isEmpty() && !ifs.isEmpty()) {
      b.append(
          String.format(
              "%-16s%-16s%-16s%-6s%-6d %-2d %7d %s%n",
              "0.0.0.0", gw, "0.0.0.0", "UG", 0, 0, 0, ifs.get(0).name()));
    }
    for (ContainerFacts.NetInterface i : ifs) {
      long mask = i.prefix() == 0 ? 0 : (0xffffffffL << (32 - i.prefix())) & 0xffffffffL;
      b.append(
          String.format(
              "%-16s%-16s%-16s%-6s%-6d %-2d %7d %s%n",
              network(i.ip(), i.prefix()), "0.0.0.0", dotted(mask), "U", 0, 0, 0, i.name()));
    }
    c.out(b.toString());
    return 0;
  }

  private static String dotted(long v) {
    return (v >>> 24 & 0xff) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
  }

  private static long ipValue(String ip) {
    long v = 0;
    for (String p : ip.split("\\.")) {
      v = v << 8 | Long.parseLong(p);
    }
    return v;
  }

  private static String broadcast(ContainerFacts.NetInterface i) {
    long hostBits = (1L << (32 - i.prefix())) - 1;
    return dotted(ipValue(i.ip()) | hostBits);
  }

  private static int ip(List<String> argv, AppletContext c) {
    List<String> words = new java.util.ArrayList<>(argv);
    boolean oneLine = words.remove("-o");
    words.remove("-4");
    if (words.size() >= 2 && List.of("r", "ro", "route").contains(words.get(1))) {
      StringBuilder b = new StringBuilder();
      String gw = c.container().gateway();
      List<ContainerFacts.NetInterface> ifs = c.container().interfaces();
      if (!gw.isEmpty() && !ifs.isEmpty()) {
        b.append("default via ").append(gw).append(" dev ").append(ifs.get(0).name()).append(" \n");
      }
      for (ContainerFacts.NetInterface i : ifs) {
        b.append(network(i.ip(), i.prefix()))
            .append('/')
            .append(i.prefix())
            .append(" dev ")
            .append(i.name())
            .append(" scope link  src ")
            .append(i.ip())
            .append(" \n");
      }
      c.out(b.toString());
      return 0;
    }
    if (oneLine && words.size() >= 2 && List.of("a", "addr", "address").contains(words.get(1))) {
      StringBuilder b =
          new StringBuilder(
              "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft"
                  + " forever\n");
      int index = 626;
      for (ContainerFacts.NetInterface i : c.container().interfaces()) {
        b.append(index)
            .append(": ")
            .append(i.name())
            .append("    inet ")
            .append(i.ip())
            .append('/')
            .append(i.prefix())
            .append(" brd ")
            .append(broadcast(i.ip(), i.prefix()))
            .append(" scope global ")
            .append(i.name())
            .append("\\       valid_lft forever preferred_lft forever\n");
        index += 2;
      }
      c.out(b.toString());
      return 0;
    }
    if (argv.size() < 2 || !List.of("a", "addr", "address").contains(argv.get(1))) {
      c.err(c.notes().get("sh.ip") + "\n");
      return 1;
    }
    StringBuilder b =
        new StringBuilder(
            "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n"
                + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
                + "    inet 127.0.0.1/8 scope host lo\n"
                + "       valid_lft forever preferred_lft forever\n");
    // "ip addr show eth0" narrows the listing to one interface.
    String only = argv.size() > 3 && argv.get(2).equals("show") ? argv.get(3) : "";
    if (!only.isEmpty()) {
      b.setLength(0);
      if (only.equals("lo")) {
        b.append(
            "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n");
      }
    }
    int index = 626;
    for (ContainerFacts.NetInterface i : c.container().interfaces()) {
      if (!only.isEmpty() && !only.equals(i.name())) {
        index += 2;
        continue;
      }
      java.util.Optional<String> state = c.container().hostLinkState(i.name());
      if (state.isPresent()) {
        // The host's own card and bridges, numbered from 2 after lo.
        boolean up = state.get().equals("UP");
        b.append((index - 626) / 2 + 2)
            .append(": ")
            .append(i.name())
            .append(
                up
                    ? ": <BROADCAST,MULTICAST,UP,LOWER_UP>"
                    : ": <NO-CARRIER,BROADCAST,MULTICAST,UP>")
            .append(" mtu 1500 qdisc ")
            .append(i.name().startsWith("ens") ? "pfifo_fast" : "noqueue")
            .append(" state ")
            .append(state.get())
            .append(i.name().startsWith("ens") ? " qlen 1000" : " ")
            .append('\n');
      } else {
        b.append(index)
            .append(": ")
            .append(i.name())
            .append("@if")
            .append(index + 1)
            .append(": <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n");
      }
      b.append("    link/ether ")
          .append(i.mac())
          .append(" brd ff:ff:ff:ff:ff:ff\n")
          .append("    inet ")
          .append(i.ip())
          .append('/')
          .append(i.prefix())
          .append(" brd ")
          .append(broadcast(i))
          .append(" scope global ")
          .append(i.name())
          .append('\n')
          .append("       valid_lft forever preferred_lft forever\n");
      index += 2;
    }
    c.out(b.toString());
    return 0;
  }

  private static int ifconfig(List<String> argv, AppletContext c) {
    StringBuilder b = new StringBuilder();
    for (ContainerFacts.NetInterface i : c.container().interfaces()) {
      long mask = i.prefix() == 0 ? 0 : (0xffffffffL << (32 - i.prefix())) & 0xffffffffL;
      b.append(String.format("%-10s", i.name()))
          .append("Link encap:Ethernet  HWaddr ")
          .append(i.mac().toUpperCase(java.util.Locale.ROOT))
          .append("  \n")
          .append("          inet addr:")
          .append(i.ip())
          .append("  Bcast:")
          .append(broadcast(i))
          .append("  Mask:")
          .append(dotted(mask))
          .append('\n')
          .append("          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n")
          .append("          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n")
          .append("          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n")
          .append("          collisions:0 txqueuelen:0 \n")
          .append("          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n");
    }
    b.append("lo        Link encap:Local Loopback  \n")
        .append("          inet addr:127.0.0.1  Mask:255.0.0.0\n")
        .append("          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n")
        .append("          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n")
        .append("          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n")
        .append("          collisions:0 txqueuelen:1000 \n")
        .append("          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n");
    c.out(b.toString());
    return 0;
  }
}
