package io.dockerlings.lessons.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.lessons.model.Course;
import io.dockerlings.lessons.model.Fixtures;
import io.dockerlings.lessons.model.Lesson;
import io.dockerlings.lessons.model.LessonLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The course's self-test: every lesson file of src/main/resources/lessons (and the fixtures) loads
 * without a problem, its solutions complete every step, and its wrong attempts complete none.
 */
class SelfTest {
  @TestFactory
  Stream<DynamicTest> everyLesson_solvesAndRefusesItsWrongAttempts() {
    Map<String, String> files = new LinkedHashMap<>(Course.builtIn());
    Fixtures.files().forEach((k, v) -> files.put("fixtures/" + k, v));
    Course course = Course.of(Course.builtIn());
    assertEquals(List.of(), course.problems(), "the built-in course loads without problems");
    List<DynamicTest> tests = new ArrayList<>();
    files.forEach(
        (file, yaml) ->
            tests.add(
                DynamicTest.dynamicTest(
                    file,
                    () -> {
                      LessonLoader.Result r = LessonLoader.load(file, yaml);
                      assertEquals(List.of(), r.problems());
                      Lesson lesson = r.lesson().orElseThrow();
                      Rehearsal.Report report = Rehearsal.rehearse(lesson, file, yaml);
                      assertTrue(report.ok(), report.problems().toString());
                      assertEquals(report.steps(), report.solved());
                      assertEquals(report.wrongs(), report.refused());
                    })));
    return tests.stream();
  }
}
