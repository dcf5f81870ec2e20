package io.dockerlings.exercises.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dockerlings.exercises.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExerciseLoaderTest {
  private static final String GOOD = Fixtures.TINY;

  private static Exercise load(String id, String yaml) throws ExerciseException {
    return new ExerciseLoader().load(id, yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void load_goodFile_readsEveryField() throws Exception {
    Exercise e = load("tiny", GOOD);
    assertEquals("tiny", e.id());
    assertEquals(4, e.maxPoints());
    assertEquals(2, e.checks().size());
    assertEquals(1, e.checks().get(0).partial().get(0).points());
    assertTrue(e.checks().get(0).visible());
    assertTrue(!e.checks().get(1).visible());
    assertEquals(30, e.timeLimit().orElseThrow().toMinutes());
    assertEquals(7L, e.seed());
    assertEquals(64, e.checksum().length());
    assertEquals("run", e.taskOf(e.checks().get(1)).id());
  }

  @Test
  void load_idNotMatchingFile_isRejected() {
    assertThrows(ExerciseException.class, () -> load("other", GOOD));
  }

  @Test
  void load_missingChinese_isRejected() {
    var ex =
        assertThrows(ExerciseException.class, () -> load("tiny", GOOD.replace(", zh: 小练习}", "}")));
    assertTrue(ex.getMessage().contains("title"), ex.getMessage());
  }

  @Test
  void load_partialWorthAsMuchAsTheCheck_isRejected() {
    assertThrows(
        ExerciseException.class,
        () -> load("tiny", GOOD.replace("- points: 1\n", "- points: 3\n")));
  }

  @Test
  void load_goalWithTwoKeys_isRejected() {
    assertThrows(
        ExerciseException.class,
        () -> load("tiny", GOOD.replace("{never: \"--privileged\"}", "{never: a, used: b}")));
  }

  @Test
  void load_goalOutsideTheVocabulary_isRejectedWithWhere() {
    var ex =
        assertThrows(
            ExerciseException.class,
            () ->
                load("tiny", GOOD.replace("{container: {name: app}}", "{container: {colour: a}}")));
    assertTrue(ex.getMessage().contains("run.exists.goal"), ex.getMessage());
    assertThrows(
        ExerciseException.class,
        () -> load("tiny", GOOD.replace("{never: \"--privileged\"}", "{http: 8080}")));
  }

  @Test
  void load_unknownBackend_isRejected() {
    assertThrows(
        ExerciseException.class, () -> load("tiny", GOOD.replace("[sim, real]", "[sim, k8s]")));
  }

  @Test
  void load_noWrongAttempt_isRejected() {
    String noWrong = GOOD.substring(0, GOOD.indexOf("wrong:"));
    assertThrows(ExerciseException.class, () -> load("tiny", noWrong));
  }

  @Test
  void load_notYaml_isRejectedWithoutCrash() {
    assertThrows(ExerciseException.class, () -> load("tiny", "id: [unclosed"));
    assertThrows(ExerciseException.class, () -> load("tiny", "- just\n- a list\n"));
  }

  @Test
  void load_badTimeLimitOrDeadline_isRejected() {
    assertThrows(ExerciseException.class, () -> load("tiny", GOOD.replace("30m", "half an hour")));
    assertThrows(
        ExerciseException.class, () -> load("tiny", GOOD.replace("2026-12-20T23:59:00Z", "soon")));
  }

  @Test
  void load_sameBytes_sameChecksum_otherBytes_otherChecksum() throws Exception {
    assertEquals(load("tiny", GOOD).checksum(), load("tiny", GOOD).checksum());
    assertTrue(!load("tiny", GOOD).checksum().equals(load("tiny", GOOD + "\n").checksum()));
  }
}
