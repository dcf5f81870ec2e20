package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The registry the simulator pulls from: the images the course uses, with Docker Hub's layer
 * counts, sizes, default configuration and history, and a root filesystem good enough for the
 * course's commands. Offline by design; nothing else can be pulled.
 */
final class Catalog {
  /** An image a registry holds under one or more tags. */
  record Entry(
      String repository,
      List<String> tags,
      Image image,
      String description,
      int stars,
      boolean official) {}

  /** The build context digest in the course engine's busybox history (its COPY step). */
  private static final String BUSYBOX_CONTEXT =
      "e8f23cec81b1ce5d7602eb63f500c2d7afc3739b669f240ad6d9476ef5099179";

  private static final Instant BUILT = Instant.parse("2023-07-18T23:19:33Z");

  private final Map<String, Entry> byRepository = new LinkedHashMap<>();
  private final List<String> applets;

  Catalog() {
    applets = readApplets();
    add("busybox", List.of("latest"), busybox(BUILT), "Busybox base image.", 3000, true);
    add(
        "alpine",
        List.of("latest", "3.18"),
        distro(List.of(7_330_000L), shellConfig("/bin/sh"), "alpine", false),
        "A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!",
        10000,
        true);
    add(
        "ubuntu",
        List.of("latest", "22.04"),
        distro(List.of(77_800_000L), shellConfig("bash"), "ubuntu", true),
        "Ubuntu is a Debian-based Linux operating system based on free software.",
        16000,
        true);
    add(
        "centos",
        List.of("7", "latest"),
        distro(List.of(204_000_000L), shellConfig("/bin/bash"), "centos", true),
        "DEPRECATED; The official build of CentOS.",
        7000,
        true);
    add(
        "nginx",
        List.of("latest", "1.25"),
        service(
            List.of(77_800_000L, 62_100_000L, 1_050L, 960L, 1_200L, 1_400L, 3_600L),
            List.of("/docker-entrypoint.sh"),
            List.of("nginx", "-g", "daemon off;"),
            "80/tcp",
            Optional.of("SIGQUIT"),
            "nginx"),
        "Official build of Nginx.",
        18000,
        true);
    add(
        "redis",
        List.of("latest", "7"),
        service(
            List.of(77_800_000L, 3_300_000L, 1_200_000L, 46_000_000L, 98L, 410L),
            List.of("docker-entrypoint.sh"),
            List.of("redis-server"),
            "6379/tcp",
            Optional.empty(),
            "redis-server"),
        "Redis is an open source key-value store that functions as a data structure server.",
        11000,
        true);
    add(
        "mysql",
        List.of("5.7", "latest"),
        service(
            List.of(
                87_300_000L,
                15_000L,
                3_800_000L,
                1_100_000L,
                24_000_000L,
                5_000L,
                330_000_000L,
                4_500L),
            List.of("docker-entrypoint.sh"),
            List.of("mysqld"),
            "3306/tcp",
            Optional.empty(),
            "mysqld"),
        "MySQL is a widely used, open-source relational database management system (RDBMS).",
        14000,
        true);
    add(
        "python",
        List.of("2.7-slim", "latest"),
        service(
            List.of(69_200_000L, 8_700_000L, 50_900_000L, 5_100_000L),
            List.of(),
            List.of("python2"),
            "",
            Optional.empty(),
            "python2"),
        "Python is an interpreted, interactive, object-oriented, open-source programming language.",
        9000,
        true);
    add(
        "tomcat",
        List.of("latest", "9"),
        service(
            List.of(77_800_000L, 19_000_000L, 180_000_000L, 20_000_000L, 150L),
            List.of(),
            List.of("catalina.sh", "run"),
            "8080/tcp",
            Optional.empty(),
            "catalina.sh"),
        "Apache Tomcat is an open source implementation of the Java Servlet and JavaServer Pages technologies",
        3500,
        true);
    add(
        "registry",
        List.of("2", "latest"),
        service(
            List.of(22_900_000L),
            List.of("/bin/registry"),
            List.of("serve", "/etc/docker/registry/config.yml"),
            "5000/tcp",
            Optional.empty(),
            "registry"),
        "Distribution implementation for storing and distributing of container images and artifacts",
        4000,
        true);
    add(
        "progrium/stress",
        List.of("latest"),
        service(
            List.of(188_000_000L, 1_900_000L, 13_000L),
            List.of("/usr/bin/stress", "--verbose"),
            List.of(),
            "",
            Optional.empty(),
            "stress"),
        "",
        50,
        false);
  }

  private void add(
      String repo,
      List<String> tags,
      Image image,
      String description,
      int stars,
      boolean official) {
    byRepository.put(repo, new Entry(repo, tags, image, description, stars, official));
  }

  /** The image a registry holds for {@code repository:tag}, if any. */
  Optional<Image> find(ImageRef ref) {
    if (!ref.domain().equals(ImageRef.HUB)) {
      return Optional.empty();
    }
    Entry e = byRepository.get(ref.familiarRepository());
    if (e == null || !e.tags().contains(ref.tagOrLatest())) {
      return Optional.empty();
    }
    return Optional.of(e.image());
  }

  /**
   * Whether the registry knows the repository at all (for "manifest unknown" vs "access denied").
   */
  boolean hasRepository(ImageRef ref) {
    return ref.domain().equals(ImageRef.HUB) && byRepository.containsKey(ref.familiarRepository());
  }

  List<Entry> entries() {
    return List.copyOf(byRepository.values());
  }

  List<String> applets() {
    return applets;
  }

  private static List<String> readApplets() {
    try (InputStream in = Catalog.class.getResourceAsStream("busybox-applets.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing busybox-applets.txt");
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(line.trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The busybox image as the course's engine builds it: one COPY layer of a static busybox. */
  Image busybox(Instant created) {
    Layer.Builder b =
        Layer.builder(created)
            .dir("/bin", 0755)
            .syntheticFile("/bin/busybox", 1_982_256, 0755)
            .dir("/dev", 0755)
            .dir("/etc", 0755)
            .file(
                "/etc/passwd",
                "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n")
            .file("/etc/group", "root:x:0:\nnogroup:x:65534:\n")
            .dir("/proc", 0755)
            .dir("/root", 0755)
            .dir("/sys", 0755)
            .dir("/tmp", 0755)
            .dir("/var/www", 0755);
    for (String a : applets) {
      if (!a.equals("busybox")) {
        b.symlink("/bin/" + a, "busybox");
      }
    }
    Layer rootfs = b.build();
    ImageConfig config = ImageConfig.of(List.of("sh"));
    List<Image.History> history =
        List.of(
            new Image.History(
                created,
                "/bin/sh -c #(nop) COPY dir:" + BUSYBOX_CONTEXT + " in / ",
                rootfs.size(),
                false,
                ""),
            new Image.History(
                created.plusMillis(200), "/bin/sh -c #(nop)  CMD [\"sh\"]", 0, true, ""));
    return Images.build(
        Optional.empty(),
        created.plusMillis(200),
        config,
        List.of(rootfs),
        history,
        "",
        "",
        Optional.empty());
  }

  private static ImageConfig shellConfig(String shell) {
    return ImageConfig.of(List.of(shell));
  }

  /** The tools every non-busybox image here carries in /bin, so learners can look around. */
  private static final List<String> TOOLS =
      List.of(
          "sh",
          "ls",
          "cat",
          "echo",
          "mkdir",
          "rm",
          "cp",
          "mv",
          "touch",
          "ps",
          "grep",
          "head",
          "tail",
          "sleep",
          "hostname",
          "id",
          "env",
          "date",
          "df",
          "mount",
          "uname",
          "wc",
          "tr",
          "true",
          "false",
          "pwd",
          "ln",
          "chmod");

  /**
   * A root filesystem of {@code size} bytes: the usual directories, passwd and group files, the
   * tools (and bash when asked), and one big synthetic library making up the rest.
   */
  private static Layer.Builder rootfs(long size, boolean bash, String name) {
    Layer.Builder b = Layer.builder(BUILT);
    for (String d :
        List.of(
            "/bin",
            "/etc",
            "/home",
            "/root",
            "/tmp",
            "/usr/bin",
            "/usr/lib",
            "/usr/local/bin",
            "/usr/sbin",
            "/var/log",
            "/proc",
            "/sys",
            "/dev")) {
      b.dir(d, 0755);
    }
    String shell = bash ? "/bin/bash" : "/bin/sh";
    b.file(
        "/etc/passwd",
        "root:x:0:0:root:/root:"
            + shell
            + "\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
    b.file("/etc/group", "root:x:0:\nnogroup:x:65534:\n");
    b.file("/etc/os-release", "NAME=\"" + name + "\"\nID=" + name + "\n");
    long used = 0;
    for (String tool : TOOLS) {
      b.syntheticFile("/bin/" + tool, 30_000, 0755);
      used += 30_000;
    }
    if (bash) {
      b.syntheticFile("/bin/bash", 1_200_000, 0755);
      used += 1_200_000;
    }
    // Each distribution brings its own package manager.
    String manager =
        switch (name) {
          case "alpine" -> "/sbin/apk";
          case "centos" -> "/usr/bin/yum";
          default -> "/usr/bin/apt-get";
        };
    b.syntheticFile(manager, 200_000, 0755);
    if (name.startsWith("python")) {
      b.syntheticFile("/usr/local/bin/pip", 200_000, 0755);
    }
    used += 200_000;
    b.syntheticFile("/usr/lib/libc.so.6", Math.max(size - used, 0), 0755);
    return b;
  }

  /** A distribution base image: one rootfs layer with a shell and the usual tools. */
  private Image distro(List<Long> sizes, ImageConfig config, String name, boolean bash) {
    Layer rootfs = rootfs(sizes.get(0), bash, name).build();
    List<Image.History> history =
        List.of(
            new Image.History(
                BUILT,
                "/bin/sh -c #(nop) ADD file:" + rootfs.diffId().substring(7) + " in / ",
                rootfs.size(),
                false,
                ""),
            new Image.History(
                BUILT,
                "/bin/sh -c #(nop)  CMD [\"" + config.cmd().get().get(0) + "\"]",
                0,
                true,
                ""));
    return Images.build(
        Optional.empty(),
        BUILT,
        config,
        List.of(rootfs),
        history,
        "",
        "",
        Optional.of(digestOf(rootfs.diffId())));
  }

  /** A service image: a distro base, extra layers, and a long-running main program. */
  private Image service(
      List<Long> sizes,
      List<String> entrypoint,
      List<String> cmd,
      String port,
      Optional<String> stopSignal,
      String program) {
    List<Layer> layers = new ArrayList<>();
    List<Image.History> history = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      // The base layer is a distribution's root filesystem; the others add the program.
      Layer.Builder b = i == 0 ? rootfs(sizes.get(0), true, program) : Layer.builder(BUILT);
      if (i == 0) {
        b.dir("/usr/local/bin", 0755);
      }
      if (i == sizes.size() - 1) {
        // The last layer holds the program and the entrypoint that starts it.
        long size = i == 0 ? 1_000_000 : Math.max(sizes.get(i), 0);
        b.syntheticFile("/usr/local/bin/" + program, size, 0755);
        if (!entrypoint.isEmpty()) {
          String e = entrypoint.get(0);
          if (e.startsWith("/") || e.endsWith(".sh")) {
            b.syntheticFile(e.startsWith("/") ? e : "/usr/local/bin/" + e, 1_200, 0755);
          }
        }
      } else if (i > 0) {
        b.syntheticFile("/usr/lib/layer" + i + ".so", sizes.get(i), 0644);
      }
      Layer l = b.build();
      layers.add(l);
      history.add(
          new Image.History(
              BUILT,
              i == 0
                  ? "/bin/sh -c #(nop) ADD file:" + l.diffId().substring(7) + " in / "
                  : "/bin/sh -c set -eux; install " + program + " layer " + i,
              l.size(),
              false,
              ""));
    }
    ImageConfig config =
        ImageConfig.of(cmd)
            .withEntrypoint(entrypoint.isEmpty() ? Optional.empty() : Optional.of(entrypoint))
            .withStopSignal(stopSignal);
    if (cmd.isEmpty()) {
      config = config.withCmd(Optional.empty());
    }
    if (!port.isEmpty()) {
      config = config.withExposed(new TreeSet<>(List.of(port)));
      history.add(new Image.History(BUILT, "/bin/sh -c #(nop)  EXPOSE " + port, 0, true, ""));
    }
    if (!entrypoint.isEmpty()) {
      history.add(
          new Image.History(
              BUILT,
              "/bin/sh -c #(nop)  ENTRYPOINT [\"" + String.join("\" \"", entrypoint) + "\"]",
              0,
              true,
              ""));
    }
    if (!cmd.isEmpty()) {
      history.add(
          new Image.History(
              BUILT,
              "/bin/sh -c #(nop)  CMD [\"" + String.join("\" \"", cmd) + "\"]",
              0,
              true,
              ""));
    }
    return Images.build(
        Optional.empty(),
        BUILT,
        config,
        layers,
        history,
        "",
        "",
        Optional.of(digestOf(layers.get(layers.size() - 1).diffId())));
  }

  private static String digestOf(String seed) {
    return "sha256:" + Images.sha256Hex("manifest " + seed);
  }
}
