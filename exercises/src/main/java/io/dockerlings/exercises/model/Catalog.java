package io.dockerlings.exercises.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The exercises dockerlings ships (listed in {@code exercises/index.txt} on the class path), and
 * exercise files an instructor names by path.
 */
public final class Catalog {
  private final List<Exercise> shipped;

  private Catalog(List<Exercise> shipped) {
    this.shipped = List.copyOf(shipped);
  }

  /**
   * The shipped exercises, sorted by module and id.
   *
   * @throws IllegalStateException when a shipped file is broken (a build defect, caught by tests)
   */
  public static Catalog shipped() {
    List<Exercise> all = new ArrayList<>();
    ExerciseLoader loader = new ExerciseLoader();
    for (String id : resource("index.txt").lines().map(String::strip).toList()) {
      if (id.isEmpty() || id.startsWith("#")) {
        continue;
      }
      try {
        all.add(loader.load(id, resource(id + ".yaml").getBytes(StandardCharsets.UTF_8)));
      } catch (ExerciseException e) {
        throw new IllegalStateException("shipped exercise " + e.getMessage(), e);
      }
    }
    all.sort(
        Comparator.comparing((Exercise e) -> moduleNumber(e.module())).thenComparing(Exercise::id));
    return new Catalog(all);
  }

  /** Every shipped exercise. */
  public List<Exercise> all() {
    return shipped;
  }

  /** The shipped exercise with this id. */
  public Optional<Exercise> find(String id) {
    return shipped.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /**
   * An exercise by id (shipped) or by the path of a {@code .yaml} file.
   *
   * @throws ExerciseException when neither names a usable exercise
   */
  public Exercise resolve(String idOrPath) throws ExerciseException {
    Optional<Exercise> known = find(idOrPath);
    if (known.isPresent()) {
      return known.get();
    }
    Path p = Path.of(idOrPath);
    if (!idOrPath.endsWith(".yaml") || !Files.isRegularFile(p)) {
      throw new ExerciseException(
          "no exercise '" + idOrPath + "': name a shipped id or an existing .yaml file");
    }
    String name = p.getFileName().toString();
    try {
      return new ExerciseLoader().load(name.substring(0, name.length() - 5), Files.readAllBytes(p));
    } catch (IOException e) {
      throw new ExerciseException(idOrPath + ": cannot read: " + e.getMessage());
    }
  }

  private static int moduleNumber(String module) {
    try {
      return Integer.parseInt(module.substring(1));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static String resource(String name) {
    try (InputStream in = Catalog.class.getResourceAsStream("/exercises/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /exercises/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
