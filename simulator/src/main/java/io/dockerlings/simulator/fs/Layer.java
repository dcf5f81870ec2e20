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
  private final String diffId;
  private final long size;

  private Layer(TreeMap<String, LayerEntry> entries) {
    this.entries = Collections.unmodifiableSortedMap(entries);
    long total = 0;
    MessageDigest md = sha256();
    for (var e : entries.entrySet()) {
      md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      e.getValue().digestInto(md);
      // As the daemon's directory.Size: every non-directory counts its lstat size, so a symlink
      // adds the length of its target.
      if (e.getValue().type() == NodeType.FILE || e.getValue().type() == NodeType.SYMLINK) {
        total += e.getValue().size();
      }
    }
    this.size = total;
    this.diffId = "sha256:" + HexFormat.of().formatHex(md.digest());
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
    return diffId;
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
