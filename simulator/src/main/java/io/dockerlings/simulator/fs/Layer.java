package io.dockerlings.simulator.fs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One read-only image layer: the paths it adds, changes or hides (whiteouts, opaque directories),
 * addressed by a digest of its content so equal layers have equal ids.
 */
public final class Layer {
  /** A layer that changes nothing, as metadata-only build steps produce. */
  public static final Layer EMPTY = new Layer(new TreeMap<>());

  private final SortedMap<String, LayerEntry> entries;
  private final long size;

  /**
   * The digest, computed the first time it is asked for: many layers (a container's init layer)
   * never are. Racing threads compute the same value, so a plain volatile suffices.
   */
  private volatile String diffId;

  /**
   * For a container's changes frozen as a layer, the container that wrote them (its layer
   * directory's id), else null: the daemon's tar carries the times the files were written, which
   * the id covers, so one run's changes never share an id with another run's.
   */
  private final String origin;

  private Layer(TreeMap<String, LayerEntry> entries) {
    this(Collections.unmodifiableSortedMap(entries), null, null);
  }

  private Layer(SortedMap<String, LayerEntry> entries, String diffId, String origin) {
    this.entries = entries;
    this.origin = origin;
    long total = 0;
    for (LayerEntry e : entries.values()) {
      // As the daemon's directory.Size: every non-directory counts its lstat size, so a symlink
      // adds the length of its target.
      if (e.type() == NodeType.FILE || e.type() == NodeType.SYMLINK) {
        total += e.size();
      }
    }
    this.size = total;
    this.diffId = diffId;
  }

  private static String digest(SortedMap<String, LayerEntry> entries, String origin) {
    MessageDigest md = sha256();
    if (origin != null) {
      md.update(("written by " + origin + "\n").getBytes(StandardCharsets.UTF_8));
    }
    for (var e : entries.entrySet()) {
      md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      e.getValue().digestInto(md);
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  /**
   * This layer with every entry dated {@code mtime}. The id stays, since times are not part of a
   * layer's content.
   */
  public Layer dated(Instant mtime) {
    // Copying a sorted map and replacing its values in place are both linear: no re-sorting.
    TreeMap<String, LayerEntry> out = new TreeMap<>(entries);
    out.replaceAll((path, e) -> e.withMtime(mtime));
    return new Layer(Collections.unmodifiableSortedMap(out), diffId(), origin);
  }

  /**
   * This layer under the id {@code id} (a {@code sha256:} digest), as a loaded image's config names
   * it: the daemon knows a layer by the digest of the tar it was given.
   */
  public Layer identifiedAs(String id) {
    if (isEmpty() || !id.matches("sha256:[0-9a-f]{64}")) {
      return this;
    }
    return new Layer(entries, id, origin);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Starts a layer whose entries get {@code mtime} unless given otherwise. */
  public static Builder builder(Instant mtime) {
    return new Builder(mtime);
  }

  /** {@code sha256:} and 64 hex digits over paths, metadata and content. */
  public String diffId() {
    String id = diffId;
    if (id == null) {
      id = digest(entries, origin);
      diffId = id;
    }
    return id;
  }

  /** Bytes of file content the layer holds, as docker counts a layer's size. */
  public long size() {
    return size;
  }

  /** Absolute path to entry, sorted by path. */
  public SortedMap<String, LayerEntry> entries() {
    return entries;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  static Layer of(TreeMap<String, LayerEntry> entries) {
    return entries.isEmpty() ? EMPTY : new Layer(entries);
  }

  /**
   * A container's changes frozen as a layer ({@code commit}, a build's RUN), written by the
   * container {@code origin}: the daemon's id is the digest of a tar that carries each file's time,
   * so the same step run again (a {@code --no-cache} rebuild, seconds later) makes a layer of its
   * own, while committing one container twice makes the same layer.
   */
  static Layer frozen(TreeMap<String, LayerEntry> entries, String origin) {
    return entries.isEmpty()
        ? EMPTY
        : new Layer(Collections.unmodifiableSortedMap(entries), null, origin);
  }

  /** Collects entries; missing parent directories are added as 0755 root-owned ones. */
  public static final class Builder {
    private final Instant mtime;
    private final TreeMap<String, LayerEntry> entries = new TreeMap<>();

    private Builder(Instant mtime) {
      this.mtime = mtime;
    }

    public Builder file(String path, byte[] content, int mode) {
      return put(path, LayerEntry.file(content, mode, 0, 0, mtime));
    }

    public Builder file(String path, String text) {
      return file(path, text.getBytes(StandardCharsets.UTF_8), 0644);
    }

    /** A file of this size whose bytes are not stored (binaries, libraries). */
    public Builder syntheticFile(String path, long size, int mode) {
      return put(path, LayerEntry.synthetic(size, mode, 0, 0, mtime));
    }

    public Builder dir(String path, int mode) {
      return put(path, LayerEntry.directory(mode, 0, 0, mtime, false));
    }

    public Builder symlink(String path, String target) {
      return put(path, LayerEntry.symlink(target, 0, 0, mtime));
    }

    public Builder whiteout(String path) {
      return put(path, LayerEntry.whiteout(mtime));
    }

    public Builder opaqueDir(String path) {
      return put(path, LayerEntry.directory(0755, 0, 0, mtime, true));
    }

    /** Sets the owner of an entry already added. */
    public Builder owner(String path, int uid, int gid) {
      LayerEntry e = entries.get(FsPaths.normalize(path));
      if (e == null) {
        throw new FsException(FsException.Reason.NOT_FOUND, path);
      }
      entries.put(FsPaths.normalize(path), e.withOwner(uid, gid, e.mtime()));
      return this;
    }

    /** Adds an entry as it is (used when a container layer is frozen by commit). */
    Builder put(String path, LayerEntry entry) {
      String p = FsPaths.normalize(path);
      if (p.equals("/")) {
        return this;
      }
      for (String parent = FsPaths.parent(p);
          !parent.equals("/");
          parent = FsPaths.parent(parent)) {
        entries.putIfAbsent(parent, LayerEntry.directory(0755, 0, 0, mtime, false));
      }
      entries.put(p, entry);
      return this;
    }

    public Layer build() {
      return Layer.of(new TreeMap<>(entries));
    }
  }
}
