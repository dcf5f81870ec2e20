package io.dockerlings.simulator.fs;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One path in a layer: a file with its content, a directory, a symlink, or a whiteout that hides
 * the path in lower layers. Immutable; file content is copied in and out.
 *
 * <p>Large files may be synthetic: they have a size but no stored bytes, and read as a
 * deterministic filler, so that images of realistic size cost no memory.
 */
public final class LayerEntry {
  private final NodeType type;
  private final int mode;
  private final int uid;
  private final int gid;
  private final Instant mtime;
  private final byte[] content;
  private final long size;
  private final String linkTarget;
  private final boolean opaque;

  private LayerEntry(
      NodeType type,
      int mode,
      int uid,
      int gid,
      Instant mtime,
      byte[] content,
      long size,
      String linkTarget,
      boolean opaque) {
    this.type = type;
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    this.mtime = Objects.requireNonNull(mtime);
    this.content = content;
    this.size = size;
    this.linkTarget = linkTarget;
    this.opaque = opaque;
  }

  static LayerEntry file(byte[] content, int mode, int uid, int gid, Instant mtime) {
    return new LayerEntry(
        NodeType.FILE, mode, uid, gid, mtime, content.clone(), content.length, "", false);
  }

  static LayerEntry synthetic(long size, int mode, int uid, int gid, Instant mtime) {
    return new LayerEntry(NodeType.FILE, mode, uid, gid, mtime, null, size, "", false);
  }

  static LayerEntry directory(int mode, int uid, int gid, Instant mtime, boolean opaque) {
    return new LayerEntry(NodeType.DIRECTORY, mode, uid, gid, mtime, null, 4096, "", opaque);
  }

  static LayerEntry symlink(String target, int uid, int gid, Instant mtime) {
    return new LayerEntry(
        NodeType.SYMLINK, 0777, uid, gid, mtime, null, target.length(), target, false);
  }

  static LayerEntry whiteout(Instant mtime) {
    return new LayerEntry(NodeType.WHITEOUT, 0, 0, 0, mtime, null, 0, "", false);
  }

  public NodeType type() {
    return type;
  }

  public int mode() {
    return mode;
  }

  public int uid() {
    return uid;
  }

  public int gid() {
    return gid;
  }

  public Instant mtime() {
    return mtime;
  }

  /** Bytes of content for files; 4096 for directories; the target's length for symlinks. */
  public long size() {
    return size;
  }

  public String linkTarget() {
    return linkTarget;
  }

  /** Whether a directory hides everything below it in lower layers (deleted, then re-made). */
  public boolean opaque() {
    return opaque;
  }

  /** Whether the content is filler rather than stored bytes. */
  public boolean isSynthetic() {
    return type == NodeType.FILE && content == null;
  }

  /** The content of a file (filler bytes for a synthetic one), at most {@code max} bytes. */
  public byte[] content(long max) {
    if (type != NodeType.FILE) {
      return new byte[0];
    }
    if (content != null) {
      return max >= content.length ? content.clone() : Arrays.copyOf(content, (int) max);
    }
    int n = (int) Math.min(Math.min(size, max), Integer.MAX_VALUE - 8);
    byte[] filler = new byte[n];
    for (int i = 0; i < n; i++) {
      // ELF-looking filler: binaries in images are not meant to be read as text.
      filler[i] = (byte) (i % 251);
    }
    return filler;
  }

  LayerEntry withMode(int newMode, Instant at) {
    return new LayerEntry(type, newMode, uid, gid, at, content, size, linkTarget, opaque);
  }

  LayerEntry withOwner(int newUid, int newGid, Instant at) {
    return new LayerEntry(type, mode, newUid, newGid, at, content, size, linkTarget, opaque);
  }

  LayerEntry withMtime(Instant at) {
    return new LayerEntry(type, mode, uid, gid, at, content, size, linkTarget, opaque);
  }

  LayerEntry asOpaque(boolean value) {
    return new LayerEntry(type, mode, uid, gid, mtime, content, size, linkTarget, value);
  }

  /** Feeds this entry's metadata and content to a digest, for content addressing. */
  void digestInto(java.security.MessageDigest md) {
    String meta =
        type
            + " "
            + Integer.toOctalString(mode)
            + " "
            + uid
            + ":"
            + gid
            + " "
            + size
            + " "
            + linkTarget
            + (opaque ? " opaque" : "")
            + (content == null ? " synthetic" : " stored")
            + "\n";
    md.update(meta.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (content != null) {
      md.update(content);
    }
  }
}
