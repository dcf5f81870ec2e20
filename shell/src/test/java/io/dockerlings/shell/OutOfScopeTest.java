package io.dockerlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.model.Course;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutOfScopeTest {
  private static final List<String> PROGRAMS =
      List.of("vi", "vim", "nano", "yum", "apt-get", "pip", "python", "ssh", "mysql", "journalctl");

  @Test
  void lesson_namesOnlyLessonsTheCourseHas_forProgramsOutOfScope() {
    Course course = Course.of(Course.builtIn());
    for (String p : PROGRAMS) {
      assertTrue(OutOfScope.isOutOfScope(p), p);
      String id = OutOfScope.lesson(p).orElseThrow(() -> new AssertionError(p));
      assertTrue(course.lesson(id).isPresent(), p + " names " + id);
    }
  }

  @Test
  void lesson_isEmpty_forProgramsNoLessonCovers_andForOthers() {
    assertEquals(Optional.empty(), OutOfScope.lesson("kubectl"));
    assertEquals(Optional.empty(), OutOfScope.lesson("ls"));
    assertFalse(OutOfScope.isOutOfScope("ls"));
  }
}
