package io.dockerlings.simulator.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The variable stack of a template run: {@code $} and {@code $x := ...} declarations, popped when
 * their control structure ends; the innermost declaration of a name wins, as in Go.
 */
final class TemplateVars {
  private final List<String> names = new ArrayList<>();
  private final List<GoValue> values = new ArrayList<>();

  void push(String name, GoValue value) {
    names.add(name);
    values.add(value);
  }

  /** The current depth, to {@link #pop} back to. */
  int mark() {
    return names.size();
  }

  void pop(int mark) {
    names.subList(mark, names.size()).clear();
    values.subList(mark, values.size()).clear();
  }

  /** Assigns the innermost variable of that name; false when there is none. */
  boolean set(String name, GoValue value) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).equals(name)) {
        values.set(i, value);
        return true;
      }
    }
    return false;
  }

  /** Sets the n-th variable from the top (1 is the last pushed), as range does per iteration. */
  void setTop(int n, GoValue value) {
    values.set(values.size() - n, value);
  }

  Optional<GoValue> get(String name) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).equals(name)) {
        return Optional.of(values.get(i));
      }
    }
    return Optional.empty();
  }
}
