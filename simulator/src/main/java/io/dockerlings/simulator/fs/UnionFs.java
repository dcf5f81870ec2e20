package io.dockerlings.simulator.fs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A container's root filesystem with overlay2 semantics: read-only image layers below one writable
 * layer.
 *
 * <p>Lookups go from the top layer down; reading copies nothing. The first write to a lower file
 * copies it up, in two steps: its parent directories' metadata, then the entry with its content.
 * Deleting a lower path leaves a whiteout; a directory deleted and made again is opaque, hiding
 * what lower layers held below it. With no lower layers this is a plain in-memory tree.
 */
public final class UnionFs implements FileSystem {
  private static final int MAX_LINKS = 40;

  private final List<Layer> lowers;
  private final TreeMap<String, LayerEntry> upper = new TreeMap<>();
  private final Clock clock;
  private Journal journal = Journal.NONE;

  /**
   * @param lowersBottomFirst image layers, the base image's first
   * @param clock gives modification times to writes
   */
  public UnionFs(List<Layer> lowersBottomFirst, Clock clock) {
    this.lowers = List.copyOf(lowersBottomFirst);
    this.clock = clock;
  }

  // ---- lookup -------------------------------------------------------------------------------

  /** The entry at a normalised path, not following a final symlink; empty when absent. */
  Optional<LayerEntry> entry(String path) {
    if (path.equals("/")) {
      return Optional.of(LayerEntry.directory(0755, 0, 0, Instant.EPOCH, false));
    }
    Optional<LayerEntry> found = lookupIn(upper, path);
    if (found != null) {
      return found;
    }
    for (int i = lowers.size() - 1; i >= 0; i--) {
      found = lookupIn(lowers.get(i).entries(), path);
      if (found != null) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * What one layer says about a path: an entry, "absent" (a whiteout, an opaque or non-directory
   * ancestor), or {@code null} when the layer has no say and lower layers decide.
   */
  private static Optional<LayerEntry> lookupIn(SortedMap<String, LayerEntry> layer, String path) {
    LayerEntry e = layer.get(path);
    if (e != null) {
      return e.type() == NodeType.WHITEOUT ? Optional.empty() : Optional.of(e);
    }
    for (String a = FsPaths.parent(path); !a.equals("/"); a = FsPaths.parent(a)) {
      LayerEntry anc = layer.get(a);
      if (anc != null) {
        if (anc.type() != NodeType.DIRECTORY || anc.opaque()) {
          return Optional.empty();
        }
        break;
      }
    }
    return null;
  }

  /** Resolves symlinks in every component (and the last one when {@code followLast}). */
  String resolve(String path, boolean followLast) {
    String p = FsPaths.normalize(path);
    for (int hops = 0; hops <= MAX_LINKS; hops++) {
      String resolved = "/";
      String[] parts = p.substring(1).split("/");
      boolean restarted = false;
      for (int i = 0; i < parts.length && !parts[0].isEmpty(); i++) {
        String next = FsPaths.child(resolved, parts[i]);
        boolean last = i == parts.length - 1;
        Optional<LayerEntry> e = entry(next);
        if (e.isPresent() && e.get().type() == NodeType.SYMLINK && (!last || followLast)) {
          String target = e.get().linkTarget();
          String base = target.startsWith("/") ? target : FsPaths.child(resolved, target);
          StringBuilder rest = new StringBuilder(base);
          for (int j = i + 1; j < parts.length; j++) {
            rest.append('/').append(parts[j]);
          }
          p = FsPaths.normalize(rest.toString());
          restarted = true;
          break;
        }
        if (!last && e.isPresent() && e.get().type() != NodeType.DIRECTORY) {
          throw new FsException(FsException.Reason.NOT_A_DIRECTORY, path);
        }
        if (!last && e.isEmpty()) {
          // Nothing exists below a missing directory, so no link can be there: the rest is
          // appended as it is (each lookup walks its ancestors, so a path of thousands of
          // missing components cost minutes; found by the long fuzz).
          StringBuilder rest = new StringBuilder(next);
          for (int j = i + 1; j < parts.length; j++) {
            rest.append('/').append(parts[j]);
          }
          return rest.toString();
        }
        resolved = next;
      }
      if (!restarted) {
        return resolved;
      }
    }
    throw new FsException(FsException.Reason.TOO_MANY_LINKS, path);
  }

  private LayerEntry require(String resolved, String shown) {
    return entry(resolved).orElseThrow(() -> new FsException(FsException.Reason.NOT_FOUND, shown));
  }

  private FileStat toStat(String path, LayerEntry e) {
    return new FileStat(
        path, e.type(), e.size(), e.mode(), e.uid(), e.gid(), e.mtime(), e.linkTarget());
  }

  @Override
  public boolean exists(String path) {
    try {
      return entry(resolve(path, true)).isPresent();
    } catch (FsException e) {
      return false;
    }
  }

  @Override
  public FileStat stat(String path) {
    String r = resolve(path, true);
    return toStat(r, require(r, path));
  }

  @Override
  public FileStat lstat(String path) {
    String r = resolve(path, false);
    return toStat(r, require(r, path));
  }

  @Override
  public List<String> list(String dir) {
    String r = resolve(dir, true);
    LayerEntry d = require(r, dir);
    if (d.type() != NodeType.DIRECTORY) {
      throw new FsException(FsException.Reason.NOT_A_DIRECTORY, dir);
    }
    TreeSet<String> names = new TreeSet<>();
    TreeSet<String> hidden = new TreeSet<>();
    List<SortedMap<String, LayerEntry>> layers = new ArrayList<>();
    layers.add(upper);
    for (int i = lowers.size() - 1; i >= 0; i--) {
      layers.add(lowers.get(i).entries());
    }
    for (SortedMap<String, LayerEntry> layer : layers) {
      String prefix = r.equals("/") ? "/" : r + "/";
      for (Map.Entry<String, LayerEntry> e :
          layer.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
        String rest = e.getKey().substring(prefix.length());
        if (rest.isEmpty() || rest.contains("/")) {
          continue;
        }
        if (hidden.contains(rest) || names.contains(rest)) {
          continue;
        }
        if (e.getValue().type() == NodeType.WHITEOUT) {
          hidden.add(rest);
        } else {
          names.add(rest);
        }
      }
      LayerEntry self = layer.get(r);
      if (self != null && (self.opaque() || self.type() != NodeType.DIRECTORY)) {
        break;
      }
    }
    return List.copyOf(names);
  }

  @Override
  public byte[] read(String path) {
    return read(path, Long.MAX_VALUE);
  }

  @Override
  public byte[] read(String path, long maxBytes) {
    String r = resolve(path, true);
    LayerEntry e = require(r, path);
    if (e.type() == NodeType.DIRECTORY) {
      throw new FsException(FsException.Reason.IS_A_DIRECTORY, path);
    }
    return e.content(maxBytes);
  }

  // ---- writes -------------------------------------------------------------------------------

  private Instant now() {
    return clock.instant();
  }

  /**
   * Copy-up step one: the directory chain above {@code path} gets its metadata copied into the
   * upper layer, so the upper layer is a well-formed tree (and docker diff reports them as C).
   */
  private void copyUpParents(String path) {
    List<String> chain = new ArrayList<>();
    for (String a = FsPaths.parent(path); !a.equals("/"); a = FsPaths.parent(a)) {
      chain.add(0, a);
    }
    for (String a : chain) {
      if (!upper.containsKey(a)) {
        LayerEntry lower =
            entry(a).orElseThrow(() -> new FsException(FsException.Reason.NOT_FOUND, a));
        put(a, lower.asOpaque(false));
      }
    }
  }

  /** Copy-up step two: the entry itself, content included, unchanged until the caller edits it. */
  private LayerEntry copyUp(String resolved) {
    LayerEntry e = upper.get(resolved);
    if (e != null) {
      return e;
    }
    e = require(resolved, resolved);
    copyUpParents(resolved);
    put(resolved, e.type() == NodeType.DIRECTORY ? e.asOpaque(false) : e);
    return e;
  }

  private String parentMustBeDir(String resolved, String shown) {
    String parent = FsPaths.parent(resolved);
    LayerEntry p =
        entry(parent).orElseThrow(() -> new FsException(FsException.Reason.NOT_FOUND, shown));
    if (p.type() != NodeType.DIRECTORY) {
      throw new FsException(FsException.Reason.NOT_A_DIRECTORY, shown);
    }
    return parent;
  }

  @Override
  public void write(String path, byte[] content) {
    String r = resolve(path, true);
    Optional<LayerEntry> old = entry(r);
    if (old.isPresent() && old.get().type() == NodeType.DIRECTORY) {
      throw new FsException(FsException.Reason.IS_A_DIRECTORY, path);
    }
    parentMustBeDir(r, path);
    copyUpParents(r);
    int mode = old.map(LayerEntry::mode).orElse(0644);
    int uid = old.map(LayerEntry::uid).orElse(0);
    int gid = old.map(LayerEntry::gid).orElse(0);
    put(r, LayerEntry.file(content, mode, uid, gid, now()));
  }

  @Override
  public void append(String path, byte[] content) {
    String r = resolve(path, true);
    Optional<LayerEntry> old = entry(r);
    if (old.isEmpty()) {
      write(path, content);
      return;
    }
    byte[] before = read(r);
    byte[] all = new byte[before.length + content.length];
    System.arraycopy(before, 0, all, 0, before.length);
    System.arraycopy(content, 0, all, before.length, content.length);
    write(r, all);
  }

  @Override
  public void mkdir(String path, boolean parents) {
    String r = resolve(path, true);
    Optional<LayerEntry> old = entry(r);
    if (old.isPresent()) {
      if (parents && old.get().type() == NodeType.DIRECTORY) {
        return;
      }
      throw new FsException(FsException.Reason.EXISTS, path);
    }
    if (parents && !entry(FsPaths.parent(r)).isPresent() && !FsPaths.parent(r).equals("/")) {
      mkdir(FsPaths.parent(r), true);
    }
    parentMustBeDir(r, path);
    copyUpParents(r);
    // A directory made where a lower one was deleted must not show the lower one's old content.
    boolean opaque = upper.containsKey(r) && upper.get(r).type() == NodeType.WHITEOUT;
    put(r, LayerEntry.directory(0755, 0, 0, now(), opaque));
  }

  @Override
  public void delete(String path, boolean recursive) {
    String r = resolve(path, false);
    LayerEntry e = require(r, path);
    if (r.equals("/")) {
      throw new FsException(FsException.Reason.PERMISSION_DENIED, path);
    }
    if (e.type() == NodeType.DIRECTORY && !recursive && !list(r).isEmpty()) {
      throw new FsException(FsException.Reason.NOT_EMPTY, path);
    }
    for (String below :
        new ArrayList<>(upper.subMap(r + "/", r + "/" + Character.MAX_VALUE).keySet())) {
      drop(below);
    }
    drop(r);
    if (inLowers(r)) {
      copyUpParents(r);
      put(r, LayerEntry.whiteout(now()));
    }
  }

  private boolean inLowers(String path) {
    for (int i = lowers.size() - 1; i >= 0; i--) {
      Optional<LayerEntry> found = lookupIn(lowers.get(i).entries(), path);
      if (found != null) {
        return found.isPresent();
      }
    }
    return false;
  }

  @Override
  public void rename(String from, String to) {
    String src = resolve(from, false);
    require(src, from);
    String dst = resolve(to, false);
    if (FsPaths.isWithin(dst, src) && !dst.equals(src)) {
      throw new FsException(FsException.Reason.INVALID, to);
    }
    if (dst.equals(src)) {
      return;
    }
    parentMustBeDir(dst, to);
    TreeMap<String, LayerEntry> subtree = new TreeMap<>();
    collect(src, subtree);
    if (entry(dst).isPresent()) {
      delete(dst, true);
    }
    copyUpParents(dst);
    for (Map.Entry<String, LayerEntry> e : subtree.entrySet()) {
      put(dst + e.getKey().substring(src.length()), e.getValue().asOpaque(false));
    }
    delete(src, true);
  }

  private void collect(String path, TreeMap<String, LayerEntry> into) {
    LayerEntry e = require(path, path);
    into.put(path, e);
    if (e.type() == NodeType.DIRECTORY) {
      for (String name : list(path)) {
        collect(FsPaths.child(path, name), into);
      }
    }
  }

  @Override
  public void symlink(String target, String path) {
    String r = resolve(path, false);
    if (entry(r).isPresent()) {
      throw new FsException(FsException.Reason.EXISTS, path);
    }
    parentMustBeDir(r, path);
    copyUpParents(r);
    put(r, LayerEntry.symlink(target, 0, 0, now()));
  }

  @Override
  public String readlink(String path) {
    String r = resolve(path, false);
    LayerEntry e = require(r, path);
    if (e.type() != NodeType.SYMLINK) {
      throw new FsException(FsException.Reason.INVALID, path);
    }
    return e.linkTarget();
  }

  @Override
  public void chmod(String path, int mode) {
    String r = resolve(path, true);
    LayerEntry e = copyUp(r);
    put(r, e.withMode(mode, now()));
  }

  @Override
  public void chown(String path, int uid, int gid) {
    String r = resolve(path, true);
    LayerEntry e = copyUp(r);
    put(r, e.withOwner(uid, gid, now()));
  }

  @Override
  public void touch(String path) {
    String r = resolve(path, true);
    if (entry(r).isEmpty()) {
      write(r, new byte[0]);
      return;
    }
    LayerEntry e = copyUp(r);
    put(r, e.withMtime(now()));
  }

  /** Records every later change of the upper layer in {@code journal} (until replaced). */
  public void journal(Journal journal) {
    this.journal = journal;
  }

  /** Sets an upper entry, recording how to take it back. */
  private void put(String path, LayerEntry e) {
    LayerEntry old = upper.get(path);
    journal.recordOnce(new Entry(this, path), () -> () -> restore(path, old));
    upper.put(path, e);
  }

  /** Removes an upper entry, recording how to take it back. */
  private void drop(String path) {
    LayerEntry old = upper.get(path);
    if (old != null) {
      journal.recordOnce(new Entry(this, path), () -> () -> restore(path, old));
      upper.remove(path);
    }
  }

  /** One entry of one tree, as the journal's key: its first old state is the one kept. */
  private record Entry(UnionFs fs, String path) {}

  private void restore(String path, LayerEntry old) {
    if (old == null) {
      upper.remove(path);
    } else {
      upper.put(path, old);
    }
  }

  // ---- the container layer ------------------------------------------------------------------

  /** What {@code docker diff} lists: every upper path as added, changed or deleted, sorted. */
  public List<Change> diff() {
    List<Change> out = new ArrayList<>();
    String skipBelow = null;
    for (Map.Entry<String, LayerEntry> e : upper.entrySet()) {
      String path = e.getKey();
      if (skipBelow != null && FsPaths.isWithin(path, skipBelow)) {
        continue;
      }
      skipBelow = null;
      if (e.getValue().type() == NodeType.WHITEOUT) {
        out.add(new Change(Change.Kind.D, path));
        skipBelow = path;
      } else {
        out.add(new Change(inLowers(path) ? Change.Kind.C : Change.Kind.A, path));
      }
    }
    return out;
  }

  /** Bytes in the writable layer ({@code docker ps -s}): file contents and symlink targets. */
  public long upperSize() {
    long total = 0;
    for (LayerEntry e : upper.values()) {
      if (e.type() == NodeType.FILE || e.type() == NodeType.SYMLINK) {
        total += e.size();
      }
    }
    return total;
  }

  /** The writable layer frozen as an image layer, by content alone. */
  public Layer toLayer() {
    return Layer.of(new TreeMap<>(upper));
  }

  /**
   * The writable layer frozen as an image layer ({@code docker commit}, a build's RUN) by the
   * container {@code origin}: see {@link Layer#frozen}.
   */
  public Layer toLayer(String origin) {
    return Layer.frozen(new TreeMap<>(upper), origin);
  }

  /** The image layers below, base first. */
  public List<Layer> lowers() {
    return lowers;
  }
}
