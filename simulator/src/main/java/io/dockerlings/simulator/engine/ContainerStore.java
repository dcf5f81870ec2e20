package io.dockerlings.simulator.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every container of the engine, found by full id, name or unique id prefix, in the order the
 * engine resolves references: exact id, then exact name, then id prefix.
 */
final class ContainerStore {
  /** The result of resolving a reference: one container, none, or an ambiguous prefix. */
  record Lookup(Optional<Container> container, boolean ambiguous) {
    boolean exists() {
      return container.isPresent();
    }
  }

  private final Map<String, Container> byId = new LinkedHashMap<>();
  private final Map<String, Container> byName = new HashMap<>();

  /** The same containers sorted by id, so that an id prefix is found without a scan. */
  private final NavigableMap<String, Container> sortedIds = new TreeMap<>();

  /**
   * Containers a command reached since the engine last brought them up to now: they may have
   * something to do that their processes' own wake-ups do not tell (input, a signal, a new exec).
   */
  private final Set<Container> touched = new LinkedHashSet<>();

  void add(Container c) {
    undo.record(() -> unlink(c));
    link(c);
  }

  void remove(Container c) {
    save(c);
    undo.record(() -> relink(c));
    unlink(c);
  }

  private void link(Container c) {
    byId.put(c.id, c);
    byName.put(c.name, c);
    sortedIds.put(c.id, c);
    touched.add(c);
  }

  private void unlink(Container c) {
    byId.remove(c.id);
    byName.remove(c.name);
    sortedIds.remove(c.id);
    touched.remove(c);
  }

  /** Puts a removed container back, in its place in creation order (only a rollback does this). */
  private void relink(Container c) {
    link(c);
    List<Container> ordered = new ArrayList<>(byId.values());
    ordered.sort(Comparator.comparingLong((Container x) -> x.sequence));
    byId.clear();
    ordered.forEach(x -> byId.put(x.id, x));
  }

  private Undo undo = new Undo();

  /** Records every later change of the store, and of each container it hands out, in {@code u}. */
  void journal(Undo u) {
    this.undo = u;
  }

  /** Marks {@code c} to be looked at, and keeps a way back to its state for this command. */
  private void reached(Container c) {
    touched.add(c);
    save(c);
  }

  private void save(Container c) {
    undo.saveOnce(
        c,
        () -> {
          Runnable back = c.memento();
          return () -> {
            back.run();
            // Its processes are looked at again at the next sync, from the restored state.
            touched.add(c);
          };
        });
  }

  /** Whether {@code c} is still one of the engine's containers. */
  boolean contains(Container c) {
    return byId.get(c.id) == c;
  }

  /** Marks a container to be looked at when time next moves. */
  void touch(Container c) {
    if (contains(c)) {
      reached(c);
    }
  }

  /** Whether {@code c} was touched since the last {@link #drainTouched}. */
  boolean isTouched(Container c) {
    return touched.contains(c);
  }

  /** The containers touched since the last call, forgetting them. */
  List<Container> drainTouched() {
    List<Container> out = new ArrayList<>(touched);
    touched.clear();
    return out;
  }

  void rename(Container c, String newName) {
    save(c);
    String old = c.name;
    undo.record(
        () -> {
          byName.remove(c.name);
          c.name = old;
          byName.put(old, c);
        });
    byName.remove(c.name);
    c.name = newName;
    byName.put(newName, c);
  }

  boolean nameTaken(String name) {
    return byName.containsKey(name);
  }

  Optional<Container> byName(String name) {
    Container c = byName.get(name);
    if (c != null) {
      reached(c);
    }
    return Optional.ofNullable(c);
  }

  /** Resolves a user's reference; a leading {@code /} on a name is allowed, as in the API. */
  Lookup lookup(String ref) {
    Lookup found = resolve(ref);
    found.container().ifPresent(this::reached);
    return found;
  }

  private Lookup resolve(String ref) {
    if (ref.isEmpty()) {
      return new Lookup(Optional.empty(), false);
    }
    Container exact = byId.get(ref);
    if (exact != null) {
      return new Lookup(Optional.of(exact), false);
    }
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    Container named = byName.get(name);
    if (named != null) {
      return new Lookup(Optional.of(named), false);
    }
    Container found = null;
    for (Map.Entry<String, Container> e : sortedIds.tailMap(ref, true).entrySet()) {
      if (!e.getKey().startsWith(ref)) {
        break;
      }
      if (found != null) {
        return new Lookup(Optional.empty(), true);
      }
      found = e.getValue();
    }
    return new Lookup(Optional.ofNullable(found), false);
  }

  /** All containers, newest first, as {@code docker ps} lists them. */
  List<Container> newestFirst() {
    List<Container> all = new ArrayList<>(byId.values());
    all.sort(
        Comparator.comparing((Container c) -> c.created)
            .thenComparingLong(c -> c.sequence)
            .reversed());
    return all;
  }

  Collection<Container> all() {
    return byId.values();
  }

  int size() {
    return byId.size();
  }
}
