package io.dockerlings.lessons.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeedsTest {
  private static final String BASE = Fixtures.files().get("t0-first-steps.yaml");

  private static LessonLoader.Result withStepNeeds(String needs) {
    return LessonLoader.load(
        "t0-first-steps.yaml",
        BASE.replace("  - id: hello\n    kind: do\n", "  - id: hello\n    kind: do\n" + needs));
  }

  @Test
  void stepAndLessonNeeds_areReadAndCombined() {
    String yaml =
        BASE.replace("requires: []\n", "requires: []\nneeds: {images: [registry:2]}\n")
            .replace(
                "  - id: hello\n    kind: do\n",
                "  - id: hello\n    kind: do\n    needs: {images: [nginx]}\n");
    Lesson l = LessonLoader.load("t0-first-steps.yaml", yaml).lesson().orElseThrow();
    assertEquals(List.of("registry:2"), l.needs().images());
    assertEquals(List.of("registry:2", "nginx"), l.needsOf(0).images());
    assertEquals(List.of("registry:2"), l.needsOf(1).images());
    assertTrue(l.steps().get(1).needs().isEmpty());
  }

  @Test
  void simulatorOnly_keepsItsReasonInBothLanguages() {
    Lesson l =
        withStepNeeds("    needs: {simulator: {en: needs a daemon restart, zh: 需要重启守护进程}}\n")
            .lesson()
            .orElseThrow();
    assertEquals("needs a daemon restart", l.needsOf(0).simulatorOnly().orElseThrow().en());
    assertEquals("需要重启守护进程", l.needsOf(0).simulatorOnly().orElseThrow().zh());
  }

  @Test
  void simulatorOnlyWithoutChinese_isAProblemWithItsLine() {
    LessonLoader.Result r = withStepNeeds("    needs: {simulator: {en: needs a restart}}\n");
    assertTrue(r.lesson().isEmpty());
    assertTrue(r.problems().get(0).message().contains("no Chinese"), r.problems().toString());
    assertEquals(10, r.problems().get(0).line());
  }

  @Test
  void emptyNeeds_unknownKeys_andBadImages_areProblems() {
    assertTrue(
        withStepNeeds("    needs: {}\n").problems().get(0).message().contains("names images"));
    assertTrue(
        withStepNeeds("    needs: {engine: sim}\n").problems().get(0).message().contains("engine"));
    assertTrue(
        withStepNeeds("    needs: {images: [\"Not An Image\"]}\n")
            .problems()
            .get(0)
            .message()
            .contains("not an image reference"));
  }
}
