package io.dockerlings.lessons.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CourseTest {
  @Test
  void of_sortsByModuleThenOrder_andGroupsByModule() {
    Course c = Fixtures.course();
    assertEquals(
        List.of("t0-first-steps", "t4-layers", "t7-cpu-shares"),
        c.lessons().stream().map(Lesson::id).toList());
    assertEquals(List.of("M0", "M4", "M7"), List.copyOf(c.byModule().keySet()));
    assertEquals("t4-layers", c.after("t0-first-steps").orElseThrow().id());
    assertTrue(c.after("t7-cpu-shares").isEmpty());
  }

  @Test
  void of_missingPrerequisite_isAProblem() {
    Map<String, String> files = new HashMap<>(Fixtures.files());
    files.remove("t0-first-steps.yaml");
    Course c = Course.of(files);
    assertEquals(2, c.problems().size(), c.problems().toString());
    assertTrue(c.problems().get(0).message().contains("requires 't0-first-steps'"));
  }

  @Test
  void builtIn_readsEveryFileTheIndexNames_andTheIndexNamesEveryLessonFile() {
    Map<String, String> files = Course.builtIn();
    // The index is kept by hand: a lesson file it forgets would silently vanish from the course.
    assertEquals(
        Course.readDir(Path.of("src/main/resources", Course.RESOURCE_DIR)).keySet(),
        files.keySet());
    assertTrue(files.size() >= 14, files.keySet().toString());
    assertTrue(files.values().stream().allMatch(t -> t.contains("steps:")));
    assertTrue(Course.of(files).problems().isEmpty(), Course.of(files).problems().toString());
  }
}
