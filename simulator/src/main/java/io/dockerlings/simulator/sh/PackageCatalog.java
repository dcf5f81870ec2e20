package io.dockerlings.simulator.sh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small package catalogs of the simulated package managers: for each package the version a
 * distribution of the course's time offers, its download and installed sizes, its dependencies and
 * the programs it puts in the PATH. What is not listed is unknown, as a missing package is.
 */
final class PackageCatalog {
  /**
   * One package.
   *
   * @param download the archive's size in bytes
   * @param installed the bytes it adds to the filesystem
   * @param bins programs it installs, in {@code /usr/bin}
   */
  record Pkg(
      String name,
      String version,
      long download,
      long installed,
      List<String> deps,
      List<String> bins) {}

  private final Map<String, Pkg> byName = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();

  private PackageCatalog() {}

  private PackageCatalog add(
      String name, String version, long kbDown, long kbInst, String deps, String bins) {
    byName.put(
        name,
        new Pkg(
            name,
            version,
            kbDown * 1000,
            kbInst * 1000,
            deps.isEmpty() ? List.of() : List.of(deps.split(" ")),
            bins.isEmpty() ? List.of() : List.of(bins.split(" "))));
    return this;
  }

  private PackageCatalog alias(String asked, String name) {
    aliases.put(asked, name);
    return this;
  }

  /** The package a name asks for (an alias such as yum's {@code vim}), if the catalog has it. */
  Optional<Pkg> find(String asked) {
    String name = aliases.getOrDefault(asked, asked);
    Pkg p = byName.get(name);
    if (p == null) {
      // pip names are case-insensitive (Flask, flask).
      p =
          byName.values().stream()
              .filter(x -> x.name().equalsIgnoreCase(name))
              .findFirst()
              .orElse(null);
    }
    return Optional.ofNullable(p);
  }

  /** The packages to install for {@code asked}, dependencies first, skipping {@code have}. */
  List<Pkg> closure(List<Pkg> asked, java.util.Set<String> have) {
    List<Pkg> out = new ArrayList<>();
    for (Pkg p : asked) {
      visit(p, have, out);
    }
    return out;
  }

  private void visit(Pkg p, java.util.Set<String> have, List<Pkg> out) {
    if (have.contains(p.name()) || out.contains(p)) {
      return;
    }
    for (String d : p.deps()) {
      find(d).ifPresent(dep -> visit(dep, have, out));
    }
    out.add(p);
  }

  /** Ubuntu 22.04's archive (apt-get, apt). */
  static final PackageCatalog APT =
      new PackageCatalog()
          .add("libcurl4", "7.81.0-1ubuntu1.15", 290, 820, "ca-certificates", "")
          .add("ca-certificates", "20230311ubuntu0.22.04.1", 155, 390, "", "")
          .add("curl", "7.81.0-1ubuntu1.15", 194, 454, "libcurl4", "curl")
          .add("wget", "1.21.2-2ubuntu1", 367, 958, "ca-certificates", "wget")
          .add("vim-runtime", "2:8.2.3995-1ubuntu2.15", 6834, 31744, "", "")
          .add("vim", "2:8.2.3995-1ubuntu2.15", 1729, 3930, "vim-runtime", "vim vi")
          .add("nano", "6.2-1", 280, 868, "", "nano")
          .add(
              "net-tools",
              "1.60+git20181103.0eebece-1ubuntu5",
              204,
              818,
              "",
              "netstat ifconfig route")
          .add("iproute2", "5.15.0-1ubuntu2", 1070, 3470, "", "ip ss")
          .add("iputils-ping", "3:20211215-1", 42, 116, "", "ping")
          .add("procps", "2:3.3.17-6ubuntu2", 376, 1384, "", "ps top free")
          .add("git", "1:2.34.1-1ubuntu1.10", 3166, 18432, "ca-certificates", "git")
          .add("python3", "3.10.6-1~22.04", 22, 84, "", "python3")
          .add("nginx", "1.18.0-6ubuntu14.4", 40, 112, "", "nginx")
          .add("telnet", "0.17-44build1", 58, 169, "", "telnet")
          .add("less", "590-1ubuntu0.22.04.1", 142, 323, "", "less")
          .add("unzip", "6.0-26ubuntu3.1", 174, 384, "", "unzip");

  /** CentOS 7's base and updates repositories (yum). */
  static final PackageCatalog YUM =
      new PackageCatalog()
          .add("gpm-libs", "1.20.7-6.el7", 32, 66, "", "")
          .add("vim-common", "2:7.4.629-8.el7_9", 5932, 21000, "", "")
          .add("vim-filesystem", "2:7.4.629-8.el7_9", 11, 0, "", "")
          .add(
              "vim-enhanced",
              "2:7.4.629-8.el7_9",
              1127,
              2292,
              "vim-common vim-filesystem gpm-libs",
              "vim")
          .add("wget", "1.14-18.el7_6.1", 547, 2055, "", "wget")
          .add("net-tools", "2.0-0.25.20131004git.el7", 306, 918, "", "netstat ifconfig route")
          .add("iproute", "4.11.0-30.el7", 805, 2263, "", "ip ss")
          .add("tree", "1.6.0-10.el7", 46, 87, "", "tree")
          .add("telnet", "1:0.17-66.el7", 64, 113, "", "telnet")
          .add("git", "1.8.3.1-25.el7_9", 4486, 22000, "", "git")
          .add("unzip", "6.0-24.el7_9", 172, 373, "", "unzip")
          .add("httpd", "2.4.6-99.el7.centos.1", 2817, 9821, "", "httpd")
          .add("nginx", "1:1.20.1-10.el7", 587, 1654, "", "nginx")
          .add("epel-release", "7-11", 15, 24, "", "")
          .alias("vim", "vim-enhanced");

  /** Alpine 3.19's main and community repositories (apk). */
  static final PackageCatalog APK =
      new PackageCatalog()
          .add("ca-certificates", "20240226-r0", 151, 680, "", "")
          .add("libcurl", "8.5.0-r0", 320, 708, "ca-certificates", "")
          .add("curl", "8.5.0-r0", 162, 268, "libcurl", "curl")
          .add("bash", "5.2.21-r0", 450, 1300, "", "bash")
          .add("vim", "9.0.2127-r0", 1700, 17000, "", "vim")
          .add("git", "2.43.0-r0", 6200, 14000, "ca-certificates", "git")
          .add("nginx", "1.24.0-r15", 580, 1500, "", "nginx")
          .add("python3", "3.11.8-r0", 12000, 45000, "", "python3")
          .add("tzdata", "2024a-r0", 200, 1600, "", "");

  /** PyPI as Python 2.7's pip 20 sees it: the last releases that still run on 2.7. */
  static final PackageCatalog PIP =
      new PackageCatalog()
          .add("MarkupSafe", "1.1.1", 27, 80, "", "")
          .add("Jinja2", "2.11.3", 125, 700, "MarkupSafe", "")
          .add("itsdangerous", "1.1.0", 16, 60, "", "")
          .add("click", "7.1.2", 82, 400, "", "")
          .add("Werkzeug", "1.0.1", 298, 1600, "", "")
          .add("Flask", "1.1.4", 94, 480, "Werkzeug Jinja2 itsdangerous click", "flask")
          .add("redis", "3.5.3", 72, 350, "", "")
          .add("requests", "2.27.1", 63, 330, "", "");
}
