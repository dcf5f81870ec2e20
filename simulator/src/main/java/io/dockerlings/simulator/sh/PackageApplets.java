package io.dockerlings.simulator.sh;

import io.dockerlings.simulator.fs.FileSystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulated package managers ({@code apt-get}, {@code yum}, {@code apk}, {@code pip}) that write
 * what a real one leaves behind: the package's files and the download caches and indexes, with
 * plausible sizes. They teach image size: a cache removed in a later RUN still weighs in the
 * earlier layer, while cleaning in the same RUN keeps the layer small.
 */
final class PackageApplets {
  private static final long INDEX = 40_000_000L;

  private PackageApplets() {}

  static Map<String, Applet> all() {
    Map<String, Applet> m = new LinkedHashMap<>();
    m.put("apt-get", PackageApplets::apt);
    m.put("apt", PackageApplets::apt);
    m.put("yum", PackageApplets::yum);
    m.put("apk", PackageApplets::apk);
    m.put("pip", PackageApplets::pip);
    return m;
  }

  /** A file of {@code size} filler bytes, as a package manager's download or index would be. */
  private static void blob(FileSystem fs, String path, long size) {
    fs.mkdir(Paths.parent(path), true);
    byte[] data = new byte[(int) Math.min(size, 64L << 20)];
    fs.write(path, data);
  }

  private static List<String> packages(List<String> argv, int from) {
    List<String> out = new ArrayList<>();
    for (String a : argv.subList(Math.min(from, argv.size()), argv.size())) {
      if (!a.startsWith("-")) {
        out.add(a);
      }
    }
    return out;
  }

  private static boolean yes(List<String> argv) {
    return argv.stream()
        .anyMatch(
            a ->
                a.equals("-y")
                    || a.equals("--yes")
                    || a.equals("--assume-yes")
                    || a.matches("-[a-z]*y[a-z]*") && !a.startsWith("--"));
  }

  /** Writes a package's programs (or its data) with the bytes it takes once installed. */
  private static void unpack(FileSystem fs, PackageCatalog.Pkg p, String libDir) {
    if (p.bins().isEmpty()) {
      blob(fs, libDir + "/" + p.name() + ".so", p.installed());
      return;
    }
    long each = p.installed() / p.bins().size();
    for (String b : p.bins()) {
      blob(fs, "/usr/bin/" + b, each);
    }
  }

  private static String kb(long bytes) {
    return (bytes + 999) / 1000 + " kB";
  }

  private static final String APT_LISTS =
      "/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_jammy_main_binary-amd64_Packages";

  private static int apt(List<String> argv, AppletContext c) {
    FileSystem fs = c.fs();
    String verb = packages(argv, 1).stream().findFirst().orElse("");
    switch (verb) {
      case "update" -> {
        blob(fs, APT_LISTS, INDEX);
        c.out(
            "Get:1 http://archive.ubuntu.com/ubuntu jammy InRelease [270 kB]\n"
                + "Get:2 http://archive.ubuntu.com/ubuntu jammy-updates InRelease [119 kB]\n"
                + "Get:3 http://security.ubuntu.com/ubuntu jammy-security InRelease [110 kB]\n"
                + "Get:4 http://archive.ubuntu.com/ubuntu jammy/main amd64 Packages [1792 kB]\n"
                + "Fetched 2291 kB in 2s (1146 kB/s)\nReading package lists...\n");
        return 0;
      }
      case "install" -> {
        c.out(
            "Reading package lists...\nBuilding dependency tree...\nReading state information...\n");
        List<String> asked = packages(argv, 1).subList(1, packages(argv, 1).size());
        List<PackageCatalog.Pkg> found = new ArrayList<>();
        boolean missing = false;
        for (String a : asked) {
          var p =
              fs.exists(APT_LISTS)
                  ? PackageCatalog.APT.find(a)
                  : java.util.Optional.<PackageCatalog.Pkg>empty();
          if (p.isEmpty()) {
            c.err("E: Unable to locate package " + a + "\n");
            missing = true;
          } else {
            found.add(p.get());
          }
        }
        if (missing) {
          return 100;
        }
        java.util.Set<String> have = new java.util.HashSet<>();
        for (PackageCatalog.Pkg p : found) {
          PackageCatalog.APT.closure(List.of(p), java.util.Set.of()).stream()
              .filter(x -> fs.exists("/var/lib/dpkg/info/" + x.name() + ".list"))
              .forEach(x -> have.add(x.name()));
        }
        List<PackageCatalog.Pkg> todo = PackageCatalog.APT.closure(found, have);
        if (todo.isEmpty()) {
          for (PackageCatalog.Pkg p : found) {
            c.out(p.name() + " is already the newest version (" + p.version() + ").\n");
          }
          c.out("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
          return 0;
        }
        List<PackageCatalog.Pkg> extra = todo.stream().filter(p -> !found.contains(p)).toList();
        if (!extra.isEmpty()) {
          c.out("The following additional packages will be installed:\n  " + names(extra) + "\n");
        }
        long down = todo.stream().mapToLong(PackageCatalog.Pkg::download).sum();
        long inst = todo.stream().mapToLong(PackageCatalog.Pkg::installed).sum();
        c.out(
            "The following NEW packages will be installed:\n  "
                + names(todo)
                + "\n0 upgraded, "
                + todo.size()
                + " newly installed, 0 to remove and 0 not upgraded.\nNeed to get "
                + kb(down)
                + " of archives.\nAfter this operation, "
                + kb(inst)
                + " of additional disk space will be used.\n");
        if (!extra.isEmpty() && !yes(argv)) {
          // Without -y apt asks; a build's RUN has no terminal to answer it.
          c.out("Do you want to continue? [Y/n] Abort.\n");
          return 1;
        }
        int n = 1;
        for (PackageCatalog.Pkg p : todo) {
          c.out(
              "Get:"
                  + n++
                  + " http://archive.ubuntu.com/ubuntu jammy/main amd64 "
                  + p.name()
                  + " amd64 "
                  + p.version()
                  + " ["
                  + kb(p.download())
                  + "]\n");
        }
        c.out("Fetched " + kb(down) + " in 1s (" + kb(down) + "/s)\n");
        for (PackageCatalog.Pkg p : todo) {
          String deb = p.name() + "_" + p.version().replaceAll("^\\d+:", "") + "_amd64.deb";
          blob(fs, "/var/cache/apt/archives/" + deb, p.download());
          unpack(fs, p, "/usr/lib/x86_64-linux-gnu");
          fs.mkdir("/var/lib/dpkg/info", true);
          fs.write("/var/lib/dpkg/info/" + p.name() + ".list", p.bins().toString().getBytes());
          c.out(
              "Selecting previously unselected package "
                  + p.name()
                  + ".\nPreparing to unpack .../"
                  + deb
                  + " ...\nUnpacking "
                  + p.name()
                  + " ("
                  + p.version()
                  + ") ...\n");
        }
        for (PackageCatalog.Pkg p : todo) {
          c.out("Setting up " + p.name() + " (" + p.version() + ") ...\n");
        }
        return 0;
      }
      case "clean" -> {
        clear(fs, "/var/cache/apt/archives");
        return 0;
      }
      default -> {
        c.err("E: Invalid operation " + verb + "\n");
        return 100;
      }
    }
  }

  private static String names(List<PackageCatalog.Pkg> pkgs) {
    return String.join(" ", pkgs.stream().map(PackageCatalog.Pkg::name).toList());
  }

  private static void clear(FileSystem fs, String dir) {
    if (fs.exists(dir)) {
      for (String n : fs.list(dir)) {
        fs.delete(dir + "/" + n, true);
      }
    }
  }

  private static int yum(List<String> argv, AppletContext c) {
    FileSystem fs = c.fs();
    List<String> words = packages(argv, 1);
    String verb = words.isEmpty() ? "" : words.get(0);
    switch (verb) {
      case "install" -> {
        blob(fs, "/var/cache/yum/x86_64/7/base/gen/primary_db.sqlite", INDEX);
        c.out(
            "Loaded plugins: fastestmirror, ovl\nDetermining fastest mirrors\n"
                + " * base: mirrors.aliyun.com\n * extras: mirrors.aliyun.com\n"
                + " * updates: mirrors.aliyun.com\n");
        List<PackageCatalog.Pkg> found = new ArrayList<>();
        for (String a : words.subList(1, words.size())) {
          var p = PackageCatalog.YUM.find(a);
          if (p.isEmpty()) {
            c.out("No package " + a + " available.\n");
          } else if (fs.exists(yumDb(p.get()))) {
            c.out(
                "Package "
                    + p.get().name()
                    + "-"
                    + p.get().version()
                    + ".x86_64 already installed and latest version\n");
          } else {
            found.add(p.get());
          }
        }
        if (found.isEmpty()) {
          c.out("Nothing to do\n");
          return words.size() > 1
                  && words.subList(1, words.size()).stream()
                      .anyMatch(a -> PackageCatalog.YUM.find(a).isEmpty())
              ? 1
              : 0;
        }
        List<PackageCatalog.Pkg> todo =
            PackageCatalog.YUM.closure(found, installed(fs, PackageCatalog.YUM));
        StringBuilder b =
            new StringBuilder("Resolving Dependencies\n--> Running transaction check\n");
        for (PackageCatalog.Pkg p : todo) {
          b.append("---> Package ")
              .append(p.name())
              .append(".x86_64 ")
              .append(p.version().contains(":") ? p.version() : "0:" + p.version())
              .append(" will be installed\n");
        }
        String rule = "=".repeat(80) + "\n";
        b.append("--> Finished Dependency Resolution\n\nDependencies Resolved\n\n")
            .append(rule)
            .append(
                String.format(
                    " %-22s %-8s %-28s %-12s %5s%n",
                    "Package", "Arch", "Version", "Repository", "Size"))
            .append(rule)
            .append("Installing:\n");
        List<PackageCatalog.Pkg> deps = todo.stream().filter(p -> !found.contains(p)).toList();
        for (PackageCatalog.Pkg p : found) {
          b.append(row(p));
        }
        if (!deps.isEmpty()) {
          b.append("Installing for dependencies:\n");
          deps.forEach(p -> b.append(row(p)));
        }
        long down = todo.stream().mapToLong(PackageCatalog.Pkg::download).sum();
        long inst = todo.stream().mapToLong(PackageCatalog.Pkg::installed).sum();
        b.append("\nTransaction Summary\n")
            .append(rule)
            .append("Install  ")
            .append(found.size())
            .append(found.size() == 1 ? " Package" : " Packages")
            .append(deps.isEmpty() ? "" : " (+" + deps.size() + " Dependent packages)")
            .append("\n\nTotal download size: ")
            .append(mega(down))
            .append("\nInstalled size: ")
            .append(mega(inst))
            .append('\n');
        if (!yes(argv)) {
          c.out(b.append("Is this ok [y/d/N]: Exiting on user command\n").toString());
          return 1;
        }
        b.append("Downloading packages:\n");
        for (PackageCatalog.Pkg p : todo) {
          blob(fs, "/var/cache/yum/x86_64/7/base/packages/" + p.name() + ".rpm", p.download());
          unpack(fs, p, "/usr/lib64");
          fs.mkdir(Paths.parent(yumDb(p)), true);
          fs.write(yumDb(p), "sha256".getBytes(StandardCharsets.UTF_8));
        }
        b.append("Running transaction\n");
        int i = 1;
        for (PackageCatalog.Pkg p : todo) {
          b.append(String.format("  Installing : %-56s %d/%d%n", p.name(), i++, todo.size()));
        }
        b.append("\nInstalled:\n");
        found.forEach(
            p ->
                b.append("  ")
                    .append(p.name())
                    .append(".x86_64 ")
                    .append(p.version())
                    .append('\n'));
        if (!deps.isEmpty()) {
          b.append("\nDependency Installed:\n");
          deps.forEach(
              p ->
                  b.append("  ")
                      .append(p.name())
                      .append(".x86_64 ")
                      .append(p.version())
                      .append('\n'));
        }
        c.out(b.append("\nComplete!\n").toString());
        return 0;
      }
      case "clean" -> {
        clear(fs, "/var/cache/yum");
        c.out("Loaded plugins: fastestmirror, ovl\nCleaning repos: base extras updates\n");
        return 0;
      }
      default -> {
        c.err("No such command: " + verb + ". Please use /usr/bin/yum --help\n");
        return 1;
      }
    }
  }

  private static String yumDb(PackageCatalog.Pkg p) {
    return "/var/lib/yum/yumdb/" + p.name().charAt(0) + "/" + p.name() + "/checksum_type";
  }

  private static java.util.Set<String> installed(FileSystem fs, PackageCatalog catalog) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String name : List.of("vim-common", "vim-filesystem", "gpm-libs")) {
      catalog.find(name).filter(p -> fs.exists(yumDb(p))).ifPresent(p -> out.add(p.name()));
    }
    return out;
  }

  private static String row(PackageCatalog.Pkg p) {
    return String.format(
        " %-22s %-8s %-28s %-12s %5s%n",
        p.name(), "x86_64", p.version(), "base", mega(p.download()));
  }

  private static String mega(long bytes) {
    return bytes >= 1_000_000
        ? String.format(java.util.Locale.ROOT, "%.1f M", bytes / 1_000_000.0)
        : (bytes + 999) / 1000 + " k";
  }

  private static int apk(List<String> argv, AppletContext c) {
    FileSystem fs = c.fs();
    List<String> words = packages(argv, 1);
    String verb = words.isEmpty() ? "" : words.get(0);
    boolean noCache = argv.contains("--no-cache");
    String fetch =
        "fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/main/x86_64/APKINDEX.tar.gz\n"
            + "fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/community/x86_64/APKINDEX.tar.gz\n";
    if (verb.equals("add")) {
      List<PackageCatalog.Pkg> found = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (String a : words.subList(1, words.size())) {
        PackageCatalog.APK.find(a).ifPresentOrElse(found::add, () -> unknown.add(a));
      }
      if (noCache || !fs.exists("/var/cache/apk/APKINDEX.tar.gz")) {
        c.out(fetch);
      }
      if (!noCache) {
        blob(fs, "/var/cache/apk/APKINDEX.tar.gz", 1_500_000L);
      }
      if (!unknown.isEmpty()) {
        StringBuilder b = new StringBuilder("ERROR: unable to select packages:\n");
        for (String u : unknown) {
          b.append("  ")
              .append(u)
              .append(" (no such package):\n    required by: world[")
              .append(u)
              .append("]\n");
        }
        c.err(b.toString());
        return unknown.size();
      }
      java.util.Set<String> have = new java.util.HashSet<>();
      for (PackageCatalog.Pkg p : PackageCatalog.APK.closure(found, java.util.Set.of())) {
        if (fs.exists("/lib/apk/db/" + p.name())) {
          have.add(p.name());
        }
      }
      List<PackageCatalog.Pkg> todo = PackageCatalog.APK.closure(found, have);
      int i = 1;
      for (PackageCatalog.Pkg p : todo) {
        c.out(
            "("
                + i++
                + "/"
                + todo.size()
                + ") Installing "
                + p.name()
                + " ("
                + p.version()
                + ")\n");
        unpack(fs, p, "/usr/lib");
        fs.mkdir("/lib/apk/db", true);
        fs.write("/lib/apk/db/" + p.name(), p.version().getBytes(StandardCharsets.UTF_8));
      }
      long inst = todo.stream().mapToLong(PackageCatalog.Pkg::installed).sum();
      c.out("OK: " + (7 + inst / 1_048_576) + " MiB in " + (15 + todo.size()) + " packages\n");
      return 0;
    }
    if (verb.equals("update")) {
      blob(fs, "/var/cache/apk/APKINDEX.tar.gz", 1_500_000L);
      c.out(
          fetch
              + "v3.19.1-260-g5a5d21e8ee2 [https://dl-cdn.alpinelinux.org/alpine/v3.19/main]\n"
              + "OK: 22983 distinct packages available\n");
      return 0;
    }
    c.err("apk: unknown command " + verb + "\n");
    return 1;
  }

  private static int pip(List<String> argv, AppletContext c) {
    if (argv.size() < 2 || !argv.get(1).equals("install")) {
      c.err("ERROR: unknown command \"" + (argv.size() > 1 ? argv.get(1) : "") + "\"\n");
      return 1;
    }
    FileSystem fs = c.fs();
    boolean noCache = argv.contains("--no-cache-dir");
    List<String> asked = new ArrayList<>();
    for (int i = 2; i < argv.size(); i++) {
      String a = argv.get(i);
      if ((a.equals("-r") || a.equals("--requirement")) && i + 1 < argv.size()) {
        String file = argv.get(++i);
        String path = c.resolve(file);
        if (!fs.exists(path)) {
          c.err(
              "ERROR: Could not open requirements file: [Errno 2] No such file or directory: '"
                  + file
                  + "'\n");
          return 1;
        }
        for (String line : text(fs.read(path)).split("\n")) {
          String req = line.replaceAll("#.*", "").trim();
          if (!req.isEmpty()) {
            asked.add(req.split("[=<>~! ]")[0]);
          }
        }
      } else if (a.equals("--trusted-host") || a.equals("-i") || a.equals("--index-url")) {
        i++;
      } else if (!a.startsWith("-")) {
        asked.add(a.split("[=<>~! ]")[0]);
      }
    }
    c.err(
        "DEPRECATION: Python 2.7 reached the end of its life on January 1st, 2020. Please upgrade"
            + " your Python as Python 2.7 is no longer maintained. pip 21.0 will drop support for"
            + " Python 2.7 in January 2021.\n");
    List<PackageCatalog.Pkg> found = new ArrayList<>();
    for (String a : asked) {
      var p = PackageCatalog.PIP.find(a);
      if (p.isEmpty()) {
        c.err(
            "ERROR: Could not find a version that satisfies the requirement "
                + a
                + " (from versions: none)\nERROR: No matching distribution found for "
                + a
                + "\n");
        return 1;
      }
      found.add(p.get());
    }
    String site = "/usr/local/lib/python2.7/site-packages/";
    java.util.Set<String> have = new java.util.HashSet<>();
    for (PackageCatalog.Pkg p : PackageCatalog.PIP.closure(found, java.util.Set.of())) {
      if (fs.exists(site + p.name().toLowerCase(java.util.Locale.ROOT))) {
        have.add(p.name());
      }
    }
    List<PackageCatalog.Pkg> todo = PackageCatalog.PIP.closure(found, have);
    StringBuilder b = new StringBuilder();
    // pip collects what was asked for first, then what it requires.
    List<PackageCatalog.Pkg> collected = new ArrayList<>(found);
    todo.stream().filter(p -> !found.contains(p)).forEach(collected::add);
    collected.retainAll(todo);
    for (PackageCatalog.Pkg p : collected) {
      String wheel = p.name() + "-" + p.version() + "-py2.py3-none-any.whl";
      b.append("Collecting ")
          .append(p.name())
          .append('\n')
          .append("  Downloading ")
          .append(wheel)
          .append(" (")
          .append(kb(p.download()).replace(" ", " "))
          .append(")\n");
      if (!noCache) {
        blob(fs, "/root/.cache/pip/wheels/" + wheel, p.download());
      }
      String module = p.name().toLowerCase(java.util.Locale.ROOT);
      blob(fs, site + module + "/__init__.py", p.installed());
      fs.mkdir(site + p.name() + "-" + p.version() + ".dist-info", true);
    }
    if (todo.isEmpty()) {
      for (PackageCatalog.Pkg p : found) {
        b.append("Requirement already satisfied: ")
            .append(p.name())
            .append(" in ")
            .append(site, 0, site.length() - 1)
            .append(" (")
            .append(p.version())
            .append(")\n");
      }
    } else {
      b.append("Installing collected packages: ")
          .append(String.join(", ", todo.stream().map(PackageCatalog.Pkg::name).toList()))
          .append('\n');
      List<String> done =
          new ArrayList<>(todo.stream().map(p -> p.name() + "-" + p.version()).toList());
      done.sort(String.CASE_INSENSITIVE_ORDER);
      b.append("Successfully installed ").append(String.join(" ", done)).append('\n');
    }
    c.out(b.toString());
    return 0;
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
