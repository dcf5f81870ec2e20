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
  private static final long PACKAGE = 5_000_000L;
  private static final long ARCHIVE = 2_000_000L;

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

  private static int apt(List<String> argv, AppletContext c) {
    FileSystem fs = c.fs();
    String verb = argv.size() > 1 ? argv.get(1) : "";
    switch (verb) {
      case "update" -> {
        blob(
            fs, "/var/lib/apt/lists/deb.debian.org_dists_stable_main_binary-amd64_Packages", INDEX);
        c.out(
            "Get:1 http://deb.debian.org/debian stable InRelease [151 kB]\nFetched 8787 kB in 1s\nReading package lists...\n");
        return 0;
      }
      case "install" -> {
        if (!fs.exists(
            "/var/lib/apt/lists/deb.debian.org_dists_stable_main_binary-amd64_Packages")) {
          for (String p : packages(argv, 2)) {
            c.err("E: Unable to locate package " + p + "\n");
            return 100;
          }
        }
        c.out("Reading package lists...\nBuilding dependency tree...\n");
        for (String p : packages(argv, 2)) {
          blob(fs, "/var/cache/apt/archives/" + p + "_amd64.deb", ARCHIVE);
          blob(fs, "/usr/bin/" + p, PACKAGE);
          c.out("Setting up " + p + " ...\n");
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

  private static void clear(FileSystem fs, String dir) {
    if (fs.exists(dir)) {
      for (String n : fs.list(dir)) {
        fs.delete(dir + "/" + n, true);
      }
    }
  }

  private static int yum(List<String> argv, AppletContext c) {
    FileSystem fs = c.fs();
    String verb = argv.size() > 1 ? argv.get(1) : "";
    switch (verb) {
      case "install" -> {
        blob(fs, "/var/cache/yum/x86_64/7/base/repodata/primary.sqlite", INDEX);
        for (String p : packages(argv, 2)) {
          blob(fs, "/var/cache/yum/x86_64/7/base/packages/" + p + ".rpm", ARCHIVE);
          blob(fs, "/usr/bin/" + p, PACKAGE);
          c.out("Installed:\n  " + p + ".x86_64\n");
        }
        c.out("Complete!\n");
        return 0;
      }
      case "clean" -> {
        clear(fs, "/var/cache/yum");
        c.out("Cleaning repos: base extras updates\n");
        return 0;
      }
      default -> {
        c.err("No such command: " + verb + ". Please use /usr/bin/yum --help\n");
        return 1;
      }
    }
  }

  private static int apk(List<String> argv, AppletContext c) {
    FileSystem fs = c.fs();
    String verb = argv.size() > 1 ? argv.get(1) : "";
    if (verb.equals("add")) {
      boolean noCache = argv.contains("--no-cache");
      if (!noCache) {
        blob(fs, "/var/cache/apk/APKINDEX.tar.gz", 1_500_000L);
      }
      for (String p : packages(argv, 2)) {
        blob(fs, "/usr/bin/" + p, PACKAGE / 5);
        c.out("(1/1) Installing " + p + "\n");
      }
      c.out("OK\n");
      return 0;
    }
    if (verb.equals("update")) {
      blob(fs, "/var/cache/apk/APKINDEX.tar.gz", 1_500_000L);
      c.out("OK\n");
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
    for (String p : packages(argv, 2)) {
      if (!noCache) {
        blob(fs, "/root/.cache/pip/" + p + ".whl", ARCHIVE);
      }
      blob(fs, "/usr/local/lib/python2.7/site-packages/" + p + "/__init__.py", PACKAGE / 2);
      c.out("Successfully installed " + p + "\n");
    }
    return 0;
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
