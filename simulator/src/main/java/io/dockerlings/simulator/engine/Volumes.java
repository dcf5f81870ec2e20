package io.dockerlings.simulator.engine;

import io.dockerlings.simulator.Workspace;
import io.dockerlings.simulator.fs.DirFs;
import io.dockerlings.simulator.fs.DiskQuota;
import io.dockerlings.simulator.fs.MountedFs;
import io.dockerlings.simulator.fs.QuotaFs;
import io.dockerlings.simulator.fs.UnionFs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Named and anonymous volumes ({@code /var/lib/docker/volumes/NAME/_data}) and the simulated host's
 * own files, which bind mounts ({@code -v /host/dir:/ctr}) show inside containers.
 */
final class Volumes {
  /** One volume: its files outlive every container that mounts them. */
  record Volume(
      String name, Instant created, UnionFs data, boolean anonymous, Map<String, String> labels) {
    String mountpoint() {
      return "/var/lib/docker/volumes/" + name + "/_data";
    }
  }

  /** One mount of a container: a volume or a host path at a destination. */
  /**
   * One mount of a container.
   *
   * @param mode the options as inspect shows them: what the user wrote after the second colon, else
   *     {@code z} for a named volume and nothing for a bind or an anonymous volume
   */
  record Mount(
      String type, String name, String source, String destination, boolean readOnly, String mode) {
    Mount(String type, String name, String source, String destination, boolean readOnly) {
      this(type, name, source, destination, readOnly, readOnly ? "ro" : "");
    }

    /** Whether this is a {@code --tmpfs} one (HostConfig.Tmpfs, not listed in Mounts). */
    boolean fromTmpfsFlag() {
      return type.equals("tmpfs") && mode.equals(TMPFS_FLAG);
    }
  }

  /** The mode that marks a {@code --tmpfs} mount, whose source keeps its options as typed. */
  static final String TMPFS_FLAG = "tmpfs-flag";

  /**
   * One {@code --tmpfs PATH[:OPTIONS]} value: a tmpfs whose {@code size=} option (if any) is its
   * size in bytes and whose {@code ro} option makes it read-only.
   */
  static Mount parseTmpfsFlag(String value) {
    int colon = value.indexOf(':');
    String path = colon < 0 ? value : value.substring(0, colon);
    String options = colon < 0 ? "" : value.substring(colon + 1);
    String size = "";
    boolean readOnly = false;
    for (String o : options.split(",")) {
      if (o.startsWith("size=")) {
        size = Long.toString(RunOptions.bytes(o.substring(5)));
      }
      readOnly |= o.equals("ro");
    }
    return new Mount("tmpfs", size, options, path, readOnly, TMPFS_FLAG);
  }

  /**
   * Parses one {@code --mount} value (the CLI has checked its keys and target): {@code type=bind}
   * needs a source that exists on the host, unlike {@code -v}; {@code type=tmpfs} takes none and
   * keeps {@code tmpfs-size} as its size option; an unnamed volume is anonymous ({@code newId}).
   * The daemon's words for a bad one.
   */
  Mount parseMount(String spec, String newId) {
    String type = "volume";
    String source = "";
    String target = "";
    boolean readOnly = false;
    String size = "";
    for (String field : spec.split(",")) {
      String[] kv = field.split("=", 2);
      String key = kv[0].toLowerCase(java.util.Locale.ROOT);
      String value = kv.length == 2 ? kv[1] : "";
      switch (key) {
        case "type" -> type = value;
        case "source", "src" -> source = value;
        case "target", "dst", "destination" -> target = value;
        case "readonly", "ro" ->
            readOnly = kv.length == 1 || value.equals("1") || value.equalsIgnoreCase("true");
        case "tmpfs-size" -> size = value;
        default -> {}
      }
    }
    String prefix = "invalid mount config for type \"" + type + "\": ";
    switch (type) {
      case "bind" -> {
        if (source.isEmpty()) {
          throw Failure.daemon(prefix + "field Source must not be empty");
        }
        if (!host().exists(source)) {
          throw Failure.daemon(prefix + "bind source path does not exist: " + source);
        }
        return new Mount("bind", "", source, target, readOnly, "");
      }
      case "volume" -> {
        return new Mount("volume", source.isEmpty() ? newId : source, "", target, readOnly, "z");
      }
      case "tmpfs" -> {
        if (!source.isEmpty()) {
          throw Failure.daemon(prefix + "field Source must not be specified");
        }
        // A tmpfs has no name: the field keeps its size in bytes ("" for the default).
        return new Mount(
            "tmpfs",
            size.isEmpty() ? "" : Long.toString(RunOptions.bytes(size)),
            "",
            target,
            readOnly,
            "");
      }
      default -> throw Failure.daemon(prefix + "mount type unknown");
    }
  }

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  private final TreeMap<String, Volume> byName = new TreeMap<>();
  private final QuotaFs host;
  private final Optional<DirFs> workspace;
  private final Clock clock;
  private final UnionFs hostTree;

  /**
   * @param hostBase the host's own files
   * @param disk the host's disk, and the real directory that backs the learner's home
   */
  Volumes(Clock clock, io.dockerlings.simulator.fs.Layer hostBase, Workspace disk) {
    this.clock = clock;
    this.workspace = disk.dir().map(d -> new DirFs(d, Workspace.HOME, disk.maxFileBytes(), clock));
    this.hostTree = new UnionFs(List.of(hostBase), clock);
    MountedFs tree = new MountedFs(hostTree);
    workspace.ifPresent(w -> tree.mount(Workspace.HOME, w, "/", false));
    for (java.nio.file.Path m : disk.mirrors()) {
      tree.mount(m.toString(), new DirFs(m, m.toString(), disk.maxFileBytes(), clock), "/", false);
    }
    this.host =
        new QuotaFs(tree, new DiskQuota(disk.diskBytes(), workspace.map(DirFs::usage).orElse(0L)));
  }

  /**
   * The simulated host's files, where bind-mount sources live: in memory, but for the learner's
   * home, which is the real workspace directory when there is one; all on one bounded disk.
   */
  /** An empty in-memory filesystem, for a tmpfs mount. */
  /** A new tmpfs, its changes journaled as a volume's are. */
  UnionFs tmpfs() {
    UnionFs t = new UnionFs(List.of(), clock);
    t.journal(journal);
    return t;
  }

  QuotaFs host() {
    return host;
  }

  /** The real directory behind the learner's home, if there is one. */
  Optional<DirFs> workspace() {
    return workspace;
  }

  /** Creates a volume, or returns the existing one of that name (as the engine does). */
  Volume create(String name, boolean anonymous, Map<String, String> labels) {
    if (!NAME.matcher(name).matches()) {
      throw Failure.daemon(
          "create "
              + name
              + ": \""
              + name
              + "\" includes invalid characters for a local volume name, only"
              + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host"
              + " directory, use absolute path");
    }
    Volume existing = byName.get(name);
    if (existing != null) {
      return existing;
    }
    UnionFs files = new UnionFs(List.of(), clock);
    files.journal(journal);
    Volume v = new Volume(name, clock.instant(), files, anonymous, labels);
    journal.record(() -> byName.remove(name));
    byName.put(name, v);
    return v;
  }

  Optional<Volume> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  List<Volume> all() {
    return new ArrayList<>(byName.values());
  }

  void remove(String name) {
    Volume v = byName.remove(name);
    if (v != null) {
      journal.record(() -> byName.put(name, v));
    }
  }

  private io.dockerlings.simulator.fs.Journal journal = io.dockerlings.simulator.fs.Journal.NONE;

  /**
   * Records every later change of the volumes, their files and the host's in-memory files and disk
   * use in {@code j} (the learner's real workspace directory is not journaled).
   */
  void journal(io.dockerlings.simulator.fs.Journal j) {
    this.journal = j;
    hostTree.journal(j);
    host.quota().journal(j);
    byName.values().forEach(v -> v.data().journal(j));
  }

  /**
   * Parses one {@code -v} value: {@code /host:/ctr[:ro]} binds a host path, {@code name:/ctr}
   * mounts a named volume, a lone {@code /ctr} an anonymous one (named by {@code newId}).
   */
  static Mount parse(String spec, String newId) {
    String[] parts = spec.split(":", -1);
    boolean ro = false;
    if (parts.length == 3) {
      if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
        throw Failure.daemon("invalid mode: " + parts[2]);
      }
      ro = parts[2].equals("ro");
    } else if (parts.length > 3 || parts.length == 0 || spec.isEmpty()) {
      throw Failure.daemon("invalid volume specification: '" + spec + "'");
    }
    if (parts.length == 1) {
      if (!spec.startsWith("/")) {
        throw Failure.daemon(
            "invalid volume specification: '"
                + spec
                + "': invalid mount config for type \"volume\": invalid mount path: '"
                + spec
                + "' mount path must be absolute");
      }
      return new Mount("volume", newId, "", spec, false);
    }
    String source = parts[0];
    String dest = parts[1];
    if (!dest.startsWith("/")) {
      throw Failure.daemon(
          "invalid volume specification: '"
              + spec
              + "': invalid mount config for type \""
              + (source.startsWith("/") ? "bind" : "volume")
              + "\": invalid mount path: '"
              + dest
              + "' mount path must be absolute");
    }
    String options = parts.length == 3 ? parts[2] : "";
    if (source.startsWith("/")) {
      return new Mount("bind", "", source, dest, ro, options);
    }
    return new Mount("volume", source, "", dest, ro, options.isEmpty() ? "z" : options);
  }
}
