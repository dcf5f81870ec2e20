package io.dockerlings.real;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The base images the lessons use, made available offline: {@code busybox:latest} built {@code FROM
 * scratch} from the host's static busybox (one link per applet, {@code CMD ["sh"]}, as on Docker
 * Hub), and {@code registry:2} from the host's registry binary, laid out like the Hub image. An
 * image that is present is left alone; one that cannot be built is explained by {@link #missing},
 * naming what to install.
 */
final class BaseImages {
  static final String BUSYBOX = "busybox:latest";
  static final String REGISTRY = "registry:2";

  private final EngineApi api;
  private final Path busybox;
  private final Path registry;

  BaseImages(EngineApi api, Path busybox, Path registry) {
    this.api = api;
    this.busybox = busybox;
    this.registry = registry;
  }

  /** Base images from the usual places: Debian's busybox-static and docker-registry. */
  static BaseImages onThisHost(EngineApi api) {
    return new BaseImages(api, Path.of("/bin/busybox"), Path.of("/usr/bin/docker-registry"));
  }

  /** Builds whichever base image is missing and can be built; quiet about the rest. */
  void ensure() {
    if (!present(BUSYBOX) && Files.isExecutable(busybox)) {
      build(busyboxContext(), BUSYBOX);
    }
    if (!present(REGISTRY) && Files.isExecutable(registry)) {
      build(registryContext(), REGISTRY);
    }
  }

  /** Why {@code image} is not there and what would make it, when it is one of the base images. */
  Optional<String> missing(String image) {
    return missing(image, RealNotes.ENGLISH);
  }

  /** As {@link #missing(String)}, in the language of {@code notes}. */
  Optional<String> missing(String image, RealNotes notes) {
    String ref = RealContainers.withTag(image);
    if (present(ref)) {
      return Optional.empty();
    }
    if (ref.equals(BUSYBOX)) {
      return Optional.of(notes.get("base.busybox", busybox.toString()));
    }
    if (ref.equals(REGISTRY)) {
      return Optional.of(notes.get("base.registry", registry.toString()));
    }
    return Optional.empty();
  }

  boolean present(String ref) {
    return api.get("/images/" + EngineApi.escape(ref) + "/json").isPresent();
  }

  /** Builds {@code tag} from a context given as a tar. */
  void build(byte[] context, String tag) {
    api.client()
        .buildImageCmd()
        .withTarInputStream(new ByteArrayInputStream(context))
        .withTags(Set.of(tag))
        .withQuiet(true)
        .exec(new BuildImageResultCallback())
        .awaitImageId(120, TimeUnit.SECONDS);
  }

  /** The busybox context: the binary, a link per applet, the usual directories and users. */
  byte[] busyboxContext() {
    Tar tar = new Tar();
    tar.file(
        "Dockerfile",
        "FROM scratch\nCOPY rootfs/ /\nCMD [\"sh\"]\n".getBytes(StandardCharsets.UTF_8),
        0644);
    for (String dir :
        List.of("bin", "etc", "tmp", "proc", "sys", "dev", "root", "var", "var/www")) {
      tar.dir("rootfs/" + dir, dir.equals("tmp") ? 01777 : 0755);
    }
    tar.file("rootfs/bin/busybox", read(busybox), 0755);
    for (String applet : applets()) {
      if (!applet.equals("busybox")) {
        tar.link("rootfs/bin/" + applet, "busybox");
      }
    }
    tar.file(
        "rootfs/etc/passwd",
        "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n"
            .getBytes(StandardCharsets.UTF_8),
        0644);
    tar.file(
        "rootfs/etc/group", "root:x:0:\nnogroup:x:65534:\n".getBytes(StandardCharsets.UTF_8), 0644);
    return tar.finish();
  }

  /** The registry context: the binary and the libraries it links, its config, Hub's layout. */
  byte[] registryContext() {
    Tar tar = new Tar();
    tar.file(
        "Dockerfile",
        ("FROM scratch\nCOPY rootfs /\nVOLUME [\"/var/lib/registry\"]\nEXPOSE 5000\n"
                + "ENTRYPOINT [\"/bin/registry\"]\n"
                + "CMD [\"serve\", \"/etc/docker/registry/config.yml\"]\n")
            .getBytes(StandardCharsets.UTF_8),
        0644);
    for (String dir :
        List.of(
            "bin",
            "etc",
            "etc/docker",
            "etc/docker/registry",
            "var",
            "var/lib",
            "var/lib/registry",
            "tmp")) {
      tar.dir("rootfs/" + dir, dir.equals("tmp") ? 01777 : 0755);
    }
    tar.file("rootfs/bin/registry", read(registry), 0755);
    for (Path lib : libraries(registry)) {
      tar.file("rootfs" + lib, read(real(lib)), 0755);
    }
    tar.file(
        "rootfs/etc/docker/registry/config.yml",
        ("version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/registry\n"
                + "  delete:\n    enabled: true\nhttp:\n  addr: :5000\n")
            .getBytes(StandardCharsets.UTF_8),
        0644);
    return tar.finish();
  }

  private List<String> applets() {
    return run(List.of(busybox.toString(), "--list"));
  }

  /** The shared libraries a binary loads, as {@code ldd} lists them; none for a static one. */
  private static List<Path> libraries(Path binary) {
    List<Path> libs = new ArrayList<>();
    for (String line : run(List.of("ldd", binary.toString()))) {
      for (String word : line.trim().split("\\s+")) {
        if (word.startsWith("/")) {
          libs.add(Path.of(word));
        }
      }
    }
    return libs;
  }

  private static List<String> run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static Path real(Path link) {
    try {
      return link.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A build context being written: a tar in memory. */
  private static final class Tar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes);

    Tar() {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    void dir(String name, int mode) {
      TarArchiveEntry e = new TarArchiveEntry(name + "/");
      e.setMode(040000 | mode);
      put(e, new byte[0]);
    }

    void file(String name, byte[] content, int mode) {
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setMode(0100000 | mode);
      e.setSize(content.length);
      put(e, content);
    }

    void link(String name, String target) {
      TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      e.setLinkName(target);
      e.setMode(0120777);
      put(e, new byte[0]);
    }

    private void put(TarArchiveEntry e, byte[] content) {
      try {
        out.putArchiveEntry(e);
        out.write(content);
        out.closeArchiveEntry();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    byte[] finish() {
      try {
        out.finish();
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }
}
