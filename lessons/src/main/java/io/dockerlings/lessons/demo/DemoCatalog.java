package io.dockerlings.lessons.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The demos that ship with dockerlings, read from the classpath in the order they are taught. */
public final class DemoCatalog {
  /** The shipped demos' names, in the order {@code demo list} prints them. */
  public static final List<String> NAMES =
      List.of(
          "cpu-shares",
          "cpu-unpinned",
          "cpus",
          "oom",
          "copy-up",
          "build-cache",
          "ports",
          "volume",
          "registry",
          "dns");

  private DemoCatalog() {}

  /** The shipped demo called {@code name}, loaded and validated; empty when there is none. */
  public static Optional<Demo> find(String name) {
    if (!NAMES.contains(name)) {
      return Optional.empty();
    }
    DemoFile.Result l = DemoFile.load(name + ".yaml", source(name));
    if (l.demo().isEmpty()) {
      throw new IllegalStateException("shipped demo " + name + " is invalid: " + l.problems());
    }
    return l.demo();
  }

  /** Every shipped demo. */
  public static List<Demo> all() {
    List<Demo> out = new ArrayList<>();
    NAMES.forEach(n -> find(n).ifPresent(out::add));
    return out;
  }

  /** The YAML text of a shipped demo. */
  public static String source(String name) {
    try (InputStream in = DemoCatalog.class.getResourceAsStream("/demos/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("shipped demo " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
