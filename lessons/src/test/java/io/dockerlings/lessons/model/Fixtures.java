package io.dockerlings.lessons.model;

import java.nio.file.Path;
import java.util.Map;

/** Test helper: the fixture lessons under src/test/resources/fixtures/lessons. */
public final class Fixtures {
  private Fixtures() {}

  public static Path dir() {
    try {
      return Path.of(Fixtures.class.getClassLoader().getResource("fixtures/lessons").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, String> files() {
    return Course.readDir(dir());
  }

  public static Course course() {
    return Course.of(files());
  }

  public static Lesson lesson(String id) {
    return course().lesson(id).orElseThrow(() -> new AssertionError("no fixture " + id));
  }
}
