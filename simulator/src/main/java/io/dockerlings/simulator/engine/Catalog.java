package io.dockerlings.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dockerlings.simulator.fs.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry the simulator pulls from: the images the course uses, with Docker Hub's layer
 * counts, sizes, default configuration and history, and a root filesystem good enough for the
 * course's commands. Offline by design; nothing else can be pulled. Busybox is built here; the
 * other repositories are listed in {@code catalog.json} beside this class.
 *
 * <p>Every engine reads the same catalog ({@link #shared()}): it is read once per process, and each
 * repository's image, which is immutable, is built the first time an engine pulls it.
 */
final class Catalog {
  /** A repository the registry lists, with the tags it holds its image under. */
  record Entry(
      String repository, List<String> tags, String description, int stars, boolean official) {}

  /** The build context digest in the course engine's busybox history (its COPY step). */
  private static final String BUSYBOX_CONTEXT =
      "e8f23cec81b1ce5d7602eb63f500c2d7afc3739b669f240ad6d9476ef5099179";

  private static final Instant BUILT = Instant.parse("2023-07-18T23:19:33Z");

  /** The one catalog of the process, read on first use (the holder idiom makes it thread-safe). */
  private static final class Holder {
    static final Catalog SHARED = new Catalog();
  }

  private final Map<String, Entry> byRepository;

  /** Each repository's shape in {@code catalog.json}, read-only once the constructor is done. */
  private final Map<String, JsonNode> shapes;

  /** The images built so far, by repository: each is built once, by whichever engine asks first. */
  private final Map<String, Image> built = new ConcurrentHashMap<>();

  private final List<String> applets;

  /** busybox's root filesystem as the catalog's image has it (entries dated {@link #BUILT}). */
  private final Layer busyboxRoot;

  private Catalog() {
    applets = readApplets();
    busyboxRoot = busyboxRoot();
    Map<String, Entry> entries = new LinkedHashMap<>();
    Map<String, JsonNode> shapes = new LinkedHashMap<>();
    entries.put(
        "busybox", new Entry("busybox", List.of("latest"), "Busybox base image.", 3000, true));
    // The other repositories are data: Hub's listing and the shape of each image, one per line.
    for (JsonNode e : readCatalog()) {
      String repo = e.get("repository").asText();
      // Hub's official images are exactly those without a namespace.
      entries.put(
          repo,
          new Entry(
              repo,
              strings(e.get("tags")),
              e.get("description").asText(),
              e.get("stars").asInt(),
              !repo.contains("/")));
      shapes.put(repo, e);
    }
    this.byRepository = Collections.unmodifiableMap(entries);
    this.shapes = Collections.unmodifiableMap(shapes);
  }

  /** The catalog every engine of this process pulls from. */
  static Catalog shared() {
    return Holder.SHARED;
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
    return Optional.of(built.computeIfAbsent(e.repository(), this::build));
  }

  private Image build(String repo) {
    if (repo.equals("busybox")) {
      return busybox(BUILT);
    }
    JsonNode e = shapes.get(repo);
    return e.has("distro") ? distro(e.get("distro"), repo) : service(e.get("service"));
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
    List<String> out = new ArrayList<>();
    for (String line :
        new String(resource("busybox-applets.txt"), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        out.add(line.trim());
      }
    }
    return List.copyOf(out);
  }

  private static JsonNode readCatalog() {
    try {
      return new ObjectMapper().readTree(resource("catalog.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = Catalog.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  /** The static busybox and its applets' links, every entry dated {@link #BUILT}. */
  private Layer busyboxRoot() {
    Layer.Builder b =
        Layer.builder(BUILT)
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
    return b.build();
  }

  /**
   * The busybox image as the course's engine builds it: one COPY layer of a static busybox, made at
   * {@code created}. Its layer is the catalog's, with every entry dated {@code created}.
   */
  Image busybox(Instant created) {
    Layer rootfs = busyboxRoot.dated(created);
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
    // The rest of a distribution's root, as `ls /` shows it there (boot, lib64... on glibc ones).
    List<String> more =
        new ArrayList<>(
            List.of(
                "/lib",
                "/media",
                "/mnt",
                "/opt",
                "/run",
                "/sbin",
                "/srv",
                "/usr/share",
                "/usr/local/sbin",
                "/usr/local/lib",
                "/var/lib",
                "/var/cache",
                "/var/tmp"));
    if (!name.equals("alpine")) {
      more.addAll(List.of("/lib64", "/usr/lib64"));
    }
    if (name.equals("ubuntu")) {
      more.addAll(List.of("/boot", "/lib32", "/libx32"));
    }
    for (String d : more) {
      b.dir(d, 0755);
    }
    if (name.equals("centos")) {
      b.file("/anaconda-post.log", "Cleaning up\n");
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

  /**
   * A distribution base image: one rootfs layer of {@code size} bytes with the usual tools, running
   * {@code shell} ({@code bash} adds /bin/bash).
   */
  private static Image distro(JsonNode d, String name) {
    ImageConfig config = ImageConfig.of(List.of(d.get("shell").asText()));
    Layer rootfs = rootfs(d.get("size").asLong(), d.get("bash").asBoolean(), name).build();
    List<Image.History> history =
        List.of(
            new Image.History(
                BUILT,
                "/bin/sh -c #(nop) ADD file:" + rootfs.diffId().substring(7) + " in / ",
                rootfs.size(),
                false,
                ""),
            nop("CMD [\"" + config.cmd().get().get(0) + "\"]"));
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

  /**
   * A service image: a distro base, extra layers of {@code sizes}, and a long-running {@code
   * program} started by {@code entrypoint} and {@code cmd}, exposing {@code port} when not empty.
   */
  private static Image service(JsonNode s) {
    List<Long> sizes = new ArrayList<>();
    s.get("sizes").forEach(v -> sizes.add(v.asLong()));
    List<String> entrypoint = strings(s.get("entrypoint"));
    List<String> cmd = strings(s.get("cmd"));
    String port = s.get("port").asText();
    Optional<String> stopSignal = Optional.ofNullable(s.get("stopSignal")).map(JsonNode::asText);
    String program = s.get("program").asText();
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
        // The files the program reads come out of its own size, so the layer weighs the same.
        size = Math.max(size - ImageExtras.add(program, b), 0);
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
    if (s.has("volume")) {
      // Data the service keeps (the registry's blobs) lives in an anonymous volume per container.
      String volume = s.get("volume").asText();
      config = config.withVolumes(new TreeSet<>(List.of(volume)));
      history.add(nop("VOLUME [\"" + volume + "\"]"));
    }
    if (!port.isEmpty()) {
      config = config.withExposed(new TreeSet<>(List.of(port)));
      history.add(nop("EXPOSE " + port));
    }
    if (!entrypoint.isEmpty()) {
      history.add(nop("ENTRYPOINT [\"" + String.join("\" \"", entrypoint) + "\"]"));
    }
    if (!cmd.isEmpty()) {
      history.add(nop("CMD [\"" + String.join("\" \"", cmd) + "\"]"));
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

  /** The history step of an instruction that only sets metadata, such as {@code EXPOSE 80/tcp}. */
  private static Image.History nop(String instruction) {
    return new Image.History(BUILT, "/bin/sh -c #(nop)  " + instruction, 0, true, "");
  }

  private static String digestOf(String seed) {
    return "sha256:" + Images.sha256Hex("manifest " + seed);
  }
}
