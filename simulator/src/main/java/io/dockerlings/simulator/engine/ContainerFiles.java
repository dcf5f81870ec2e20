package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.fs.Change;
import io.dockerlings.simulator.fs.DevFs;
import io.dockerlings.simulator.fs.FileSystem;
import io.dockerlings.simulator.fs.Layer;
import io.dockerlings.simulator.fs.MountedFs;
import io.dockerlings.simulator.fs.UnionFs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's files: the union of its image's layers, an init layer the engine adds, and its own
 * writable layer, with {@code /dev} and the engine-managed {@code /etc/hostname}, {@code
 * /etc/hosts} and {@code /etc/resolv.conf} mounted on top as the real engine mounts them.
 */
final class ContainerFiles {
  private final UnionFs root;
  private final MountedFs view;
  private final UnionFs engineFiles;
  private final String layerDirId;
  private final String lowerDirs;

  private ContainerFiles(
      UnionFs root, MountedFs view, UnionFs engineFiles, String layerDirId, String lowerDirs) {
    this.root = root;
    this.view = view;
    this.engineFiles = engineFiles;
    this.layerDirId = layerDirId;
    this.lowerDirs = lowerDirs;
  }

  static ContainerFiles create(List<Layer> imageLayers, Engine engine, ContainerConfig config) {
    Clock clock = engine.fileClock();
    Instant now = clock.instant();
    Layer init =
        Layer.builder(now)
            .file("/.dockerenv", "")
            .dir("/dev", 0755)
            .dir("/proc", 0555)
            .dir("/sys", 0555)
            .dir("/sys/fs", 0755)
            .dir("/sys/fs/cgroup", 0755)
            .dir("/etc", 0755)
            .file("/etc/hostname", "")
            .file("/etc/hosts", "")
            .file("/etc/resolv.conf", "")
            .symlink("/etc/mtab", "/proc/mounts")
            .build();
    List<Layer> lowers = new ArrayList<>(imageLayers);
    lowers.add(init);
    UnionFs root = new UnionFs(lowers, clock);
    UnionFs engineFiles = new UnionFs(List.of(), clock);
    engineFiles.write(
        "/hostname", (config.hostname() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    engineFiles.write(
        "/hosts", hosts(config.hostname(), "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    engineFiles.write(
        "/resolv.conf",
        "nameserver 8.8.8.8\nnameserver 8.8.4.4\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    root.journal(engine.undo());
    engineFiles.journal(engine.undo());
    DevFs dev = new DevFs(clock, engine.ids().hashCode(), devices(config));
    dev.journal(engine.undo());
    MountedFs view =
        new MountedFs(root)
            .mount("/dev", dev, "/", false)
            .mount("/etc/hostname", engineFiles, "/hostname", false)
            .mount("/etc/hosts", engineFiles, "/hosts", false)
            .mount("/etc/resolv.conf", engineFiles, "/resolv.conf", false);
    for (Volumes.Mount m : config.mounts()) {
      mountOne(view, root, m, engine.volumes());
    }
    String dirId = engine.ids().next();
    StringBuilder dirs = new StringBuilder();
    for (int i = imageLayers.size() - 1; i >= 0; i--) {
      if (dirs.length() > 0) {
        dirs.append(':');
      }
      dirs.append("/var/lib/docker/overlay2/")
          .append(imageLayers.get(i).diffId().substring(7))
          .append("/diff");
    }
    return new ContainerFiles(root, view, engineFiles, dirId, dirs.toString());
  }

  /**
   * Mounts a volume or a bind. An empty volume is first filled with what the image has at the
   * destination; a bind mount hides that content instead. A missing host directory is created.
   */
  private static void mountOne(MountedFs view, UnionFs root, Volumes.Mount m, Volumes volumes) {
    if (m.type().equals("bind")) {
      FileSystem host = volumes.host();
      if (!host.exists(m.source())) {
        host.mkdir(m.source(), true);
      }
      view.mount(m.destination(), host, m.source(), m.readOnly());
      return;
    }
    if (m.type().equals("tmpfs")) {
      view.mount(m.destination(), volumes.tmpfs(), "/", m.readOnly());
      return;
    }
    boolean anonymous = m.name().matches("[0-9a-f]{64}");
    Volumes.Volume vol = volumes.create(m.name(), anonymous, java.util.Map.of());
    if (vol.data().list("/").isEmpty()
        && root.exists(m.destination())
        && root.stat(m.destination()).isDirectory()) {
      copyTree(root, m.destination(), vol.data(), "/");
    }
    view.mount(m.destination(), vol.data(), "/", m.readOnly());
  }

  private static void copyTree(FileSystem from, String src, FileSystem to, String dst) {
    for (String name : from.list(src)) {
      String s = src.equals("/") ? "/" + name : src + "/" + name;
      String d = dst.equals("/") ? "/" + name : dst + "/" + name;
      var st = from.lstat(s);
      if (st.isDirectory()) {
        to.mkdir(d, true);
        copyTree(from, s, to, d);
      } else if (st.isSymlink()) {
        to.symlink(st.linkTarget(), d);
      } else {
        to.write(d, from.read(s));
      }
    }
  }

  /** The {@code /etc/hosts} the engine writes: loopback names, then the container's address. */
  static String hosts(String hostname, String ip) {
    StringBuilder b =
        new StringBuilder()
            .append("127.0.0.1\tlocalhost\n")
            .append("::1\tlocalhost ip6-localhost ip6-loopback\n")
            .append("fe00::0\tip6-localnet\n")
            .append("ff00::0\tip6-mcastprefix\n")
            .append("ff02::1\tip6-allnodes\n")
            .append("ff02::2\tip6-allrouters\n");
    if (!ip.isEmpty()) {
      b.append(ip).append('\t').append(hostname).append('\n');
    }
    return b.toString();
  }

  /**
   * Writes {@code /etc/resolv.conf}: on user-defined networks the engine's embedded DNS server
   * (which resolves container names), otherwise the host's resolver.
   */
  void setResolver(boolean embeddedDns) {
    String text =
        embeddedDns
            ? "nameserver 127.0.0.11\noptions ndots:0\n"
            : "nameserver 8.8.8.8\nnameserver 8.8.4.4\n";
    engineFiles.write("/resolv.conf", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Rewrites {@code /etc/hosts} once the container has an address. */
  void setAddress(String hostname, String ip, String linkLines) {
    String text =
        hosts(hostname, "") + linkLines + (ip.isEmpty() ? "" : ip + "\t" + hostname + "\n");
    engineFiles.write("/hosts", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Mounts the container's {@code /proc}, once the container exists to describe. */
  void mountProc(FileSystem proc) {
    view.mount("/proc", proc, "/", true);
  }

  /** Mounts the container's {@code /sys/fs/cgroup}, read-only as the engine mounts it. */
  void mountCgroup(FileSystem cgroup) {
    view.mount("/sys/fs/cgroup", cgroup, "/", true);
  }

  /** The container's own layered tree, without mounts: what {@code docker export} writes. */
  FileSystem rootFs() {
    return root;
  }

  /** What processes see. */
  FileSystem view() {
    return view;
  }

  /** The mount points of the view, for {@code mount} and {@code /proc/mounts}. */
  List<String> mountPoints() {
    return view.mountPoints();
  }

  List<String> diffLines() {
    List<String> out = new ArrayList<>();
    for (Change c : root.diff()) {
      out.add(c.toString());
    }
    return out;
  }

  long upperSize() {
    return root.upperSize();
  }

  /** The container's changes as an image layer, known as this container's own. */
  Layer toLayer() {
    return root.toLayer(layerDirId);
  }

  String layerDirId() {
    return layerDirId;
  }

  String lowerDirs() {
    return lowerDirs;
  }

  /** The devices beyond the common ones: a console with a terminal, the host's when privileged. */
  private static List<String> devices(ContainerConfig config) {
    List<String> extra = new ArrayList<>();
    if (config.tty()) {
      extra.add("console");
    }
    if (config.privileges().privileged()) {
      extra.addAll(Privileges.HOST_DEVICES);
    }
    return extra;
  }
}
