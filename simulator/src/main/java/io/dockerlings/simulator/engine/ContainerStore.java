package io.dockerlings.simulator.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  void add(Container c) {
    byId.put(c.id, c);
    byName.put(c.name, c);
  }

  void remove(Container c) {
    byId.remove(c.id);
    byName.remove(c.name);
  }

  void rename(Container c, String newName) {
    byName.remove(c.name);
    c.name = newName;
    byName.put(newName, c);
  }

  boolean nameTaken(String name) {
    return byName.containsKey(name);
  }

  Optional<Container> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Resolves a user's reference; a leading {@code /} on a name is allowed, as in the API. */
  Lookup lookup(String ref) {
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
    for (Container c : byId.values()) {
      if (c.id.startsWith(ref)) {
        if (found != null) {
          return new Lookup(Optional.empty(), true);
        }
        found = c;
      }
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
